namespace ProjectWorkflow.Application.Ledger;

/// <summary>A payment order as finance officers see it; amounts in integer fen.</summary>
public sealed record PaymentOrderView(
    Guid Id, Guid ApplicationId, string ApplicationNumber, string SchemeKey, int Year, int InstallmentNumber, long AmountFen,
    string Payee, string? PayeeAccount, string Status, int Attempt, string? PaymentKey, string? ApprovedBy, DateTimeOffset? ApprovedAt,
    DateTimeOffset? SentAt, DateTimeOffset? PaidAt, string? BankReference, string? RejectionReason, DateTimeOffset CreatedAt, DateTimeOffset? DueOn,
    Guid InstanceId, DateTimeOffset? CancelledAt, string? CancelReason)
{
    public static PaymentOrderView Of(PaymentOrderRecord o) => new(
        o.Id, o.ApplicationId, o.ApplicationNumber, o.SchemeKey, o.Year, o.InstallmentNumber, o.AmountFen, o.Payee, o.PayeeAccount, o.Status,
        o.Attempt, o.PaymentKey, o.ApprovedBy, o.ApprovedAt, o.SentAt, o.PaidAt, o.BankReference, o.RejectionReason, o.CreatedAt, o.DueOn, o.InstanceId, o.CancelledAt, o.CancelReason);
}
