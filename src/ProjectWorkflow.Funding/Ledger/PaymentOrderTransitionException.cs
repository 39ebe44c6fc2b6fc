namespace ProjectWorkflow.Funding.Ledger;

/// <summary>A move a payment order's status does not allow, said as a finance officer would understand it.</summary>
public sealed class PaymentOrderTransitionException(PaymentOrderStatus from, string action, string? detail = null)
    : Exception(detail ?? $"A payment order that is {PaymentOrderStatusText.Describe(from)} cannot be {action}.")
{
    public PaymentOrderStatus From { get; } = from;

    public static string Describe(PaymentOrderStatus status) => PaymentOrderStatusText.Describe(status);
}
