namespace ProjectWorkflow.Funding.Invoices;

/// <summary>Who claims an invoice for support: an application today, a voucher later.</summary>
public static class ClaimantKinds
{
    public const string Application = "application";
    public const string Voucher = "voucher";
}

/// <summary>
/// An invoice claimed for support. One invoice (its normalised number) is claimed once across every scheme and
/// every kind of claimant: the database's unique index makes "funded once" hold even when two claims race.
/// </summary>
public sealed class InvoiceClaim
{
    private InvoiceClaim() { }

    public Guid Id { get; private set; }

    /// <summary>The normalised number (<see cref="Invoices.InvoiceNumber.Normalise"/>).</summary>
    public string InvoiceNumber { get; private set; } = "";
    public string ClaimantKind { get; private set; } = "";
    public Guid ClaimantId { get; private set; }

    /// <summary>The claimant's own number (an application's TU-2026-0007), to name it in a refusal.</summary>
    public string ClaimantNumber { get; private set; } = "";
    public string SchemeKey { get; private set; } = "";
    public DateTimeOffset ClaimedAt { get; private set; }

    public static InvoiceClaim For(string invoiceNumber, string claimantKind, Guid claimantId, string claimantNumber, string schemeKey, DateTimeOffset at) => new()
    {
        Id = Guid.NewGuid(),
        InvoiceNumber = Invoices.InvoiceNumber.Normalise(invoiceNumber),
        ClaimantKind = claimantKind,
        ClaimantId = claimantId,
        ClaimantNumber = claimantNumber,
        SchemeKey = schemeKey,
        ClaimedAt = at,
    };
}
