namespace ProjectWorkflow.Application.Treasury;

/// <summary>
/// The simulated bank's record of a payment ORDER and its last answer, one per order key: an order is paid at most
/// once. A further attempt for a paid order is answered with that payment and never paid again; an attempt after a
/// rejection is tried anew (the row then records that attempt).
/// </summary>
public sealed class TreasuryPayment
{
    public const string Confirmed = "confirmed";
    public const string Rejected = "rejected";

    /// <summary>The order (<see cref="Payments.RequestPayment.PaidOnceKey"/>): the primary key, so two nodes cannot both pay it.</summary>
    public string OrderKey { get; set; } = "";

    /// <summary>The attempt that was paid, or the last attempt that was rejected.</summary>
    public string PaymentKey { get; set; } = "";
    public Guid InstanceId { get; set; }
    public string BusinessKey { get; set; } = "";
    public long AmountFen { get; set; }
    public string Payee { get; set; } = "";
    public string? PayeeAccount { get; set; }

    /// <summary><see cref="Confirmed"/> or <see cref="Rejected"/>.</summary>
    public string Status { get; set; } = "";

    public string? BankReference { get; set; }
    public string? Reason { get; set; }

    /// <summary>How many attempts the bank tried (a repeated attempt key is not tried again).</summary>
    public int Attempts { get; set; }
    public DateTimeOffset RequestedAt { get; set; }
    public DateTimeOffset SettledAt { get; set; }

    /// <summary>Optimistic concurrency: two nodes trying new attempts of one rejected order cannot both pay it.</summary>
    public int Version { get; set; }
}
