using ProjectWorkflow.Application.Enterprises;
using ProjectWorkflow.Engine.Runtime;
using ProjectWorkflow.Funding.Ledger;

namespace ProjectWorkflow.Application.Ledger;

/// <summary>A payment order as finance officers see it; amounts in integer fen. Others (admins, auditors) read the account masked.</summary>
public sealed record PaymentOrderView(
    Guid Id, Guid ApplicationId, string ApplicationNumber, string SchemeKey, int Year, int InstallmentNumber, long AmountFen,
    string Payee, string? PayeeAccount, string Status, int Attempt, string? PaymentKey, string? ApprovedBy, DateTimeOffset? ApprovedAt,
    DateTimeOffset? SentAt, DateTimeOffset? PaidAt, string? BankReference, string? RejectionReason, DateTimeOffset CreatedAt, DateTimeOffset? DueOn,
    Guid InstanceId, DateTimeOffset? CancelledAt, string? CancelReason, string? HoldReason = null)
{
    public static PaymentOrderView Of(PaymentOrder o) => new(
        o.Id, o.ApplicationId, o.ApplicationNumber, o.SchemeKey, o.Year, o.InstallmentNumber, o.AmountFen, o.Payee, o.PayeeAccount, PaymentOrderStatusText.Of(o.Status),
        o.Attempt, o.PaymentKey, o.ApprovedBy, o.ApprovedAt, o.SentAt, o.PaidAt, o.BankReference, o.RejectionReason, o.CreatedAt, o.DueOn, o.InstanceId,
        o.CancelledAt, o.CancelReason, o.HoldReason);

    /// <summary>The order as <paramref name="actor"/> may read it: the account number in full only for a finance officer, who acts on it.</summary>
    public static PaymentOrderView For(PaymentOrder o, Actor actor) => Of(o) with { PayeeAccount = AccountNumbers.For(actor, o.PayeeAccount) };
}
