using ProjectWorkflow.Application.Audit;
using ProjectWorkflow.Funding;

namespace ProjectWorkflow.Application.Ledger;

/// <summary>Audit entries about a payment order always name whom it pays, where, and how much.</summary>
public static class PaymentOrderAudit
{
    public static void RecordOrder(this AuditTrail audit, string action, PaymentOrderRecord order, string? reason = null, string outcome = AuditOutcomes.Succeeded) =>
        audit.Record(action, "payment-order", order.Id.ToString("D"), reason, outcome,
            $"{order.ApplicationNumber} installment {order.InstallmentNumber}; payee {order.Payee}; account {order.PayeeAccount ?? "-"}; "
            + $"amount {new Money(order.AmountFen)} ({order.AmountFen} fen); status {order.Status}"
            + (order.PaymentKey is { } key ? $"; payment key {key}" : "")
            + (order.BankReference is { } reference ? $"; bank reference {reference}" : ""));
}
