using ProjectWorkflow.Application.Audit;
using ProjectWorkflow.Funding;
using ProjectWorkflow.Funding.Enterprises;
using ProjectWorkflow.Funding.Ledger;

namespace ProjectWorkflow.Application.Ledger;

/// <summary>
/// Audit entries about a payment order always name whom it pays, where, and how much. The account is masked like every
/// view auditors read; the entry's covered digest of the order row still proves the full number was not changed.
/// </summary>
public static class PaymentOrderAudit
{
    public static void RecordOrder(this AuditTrail audit, string action, PaymentOrder order, string? reason = null, string outcome = AuditOutcomes.Succeeded) =>
        audit.Record(action, "payment-order", order.Id.ToString("D"), reason, outcome,
            $"{order.ApplicationNumber} installment {order.InstallmentNumber}; payee {order.Payee}; account {BankAccountNumber.Mask(order.PayeeAccount)}; "
            + $"amount {new Money(order.AmountFen)} ({order.AmountFen} fen); status {PaymentOrderStatusText.Of(order.Status)}"
            + (order.PaymentKey is { } key ? $"; payment key {key}" : "")
            + (order.BankReference is { } reference ? $"; bank reference {reference}" : ""));
}
