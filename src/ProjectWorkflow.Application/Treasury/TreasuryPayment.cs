namespace ProjectWorkflow.Application.Treasury;

/// <summary>
/// The simulated bank's record of a payment order and its answer, one per payment key: a second order
/// with the same key is answered from here and never paid again.
/// </summary>
public sealed class TreasuryPayment
{
    public const string Confirmed = "confirmed";
    public const string Rejected = "rejected";

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
    public DateTimeOffset RequestedAt { get; set; }
    public DateTimeOffset SettledAt { get; set; }
}
