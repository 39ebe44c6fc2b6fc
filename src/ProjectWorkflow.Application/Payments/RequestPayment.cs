namespace ProjectWorkflow.Application.Payments;

/// <summary>
/// Pay <paramref name="AmountFen"/> (integer 分) to the payee: a command to the treasury (国库集中支付),
/// sent to <see cref="Queue"/>. <paramref name="PaymentKey"/> names this attempt (the answer carries it back);
/// <paramref name="OrderKey"/> names the order the attempt belongs to, and the treasury pays an ORDER at most once,
/// whatever attempts, retries or answers: an attempt for an order already paid is answered with that payment.
/// Without an order key the payment key is the order. The answer is <see cref="PaymentConfirmed"/> or
/// <see cref="PaymentRejected"/> with the request's payment key and business key.
/// </summary>
public sealed record RequestPayment(
    string PaymentKey,
    Guid InstanceId,
    string BusinessKey,
    long AmountFen,
    string Payee,
    string? PayeeAccount,
    DateTimeOffset RequestedAt,
    string? OrderKey = null)
{
    /// <summary>What the treasury pays once: the order, or the payment key when the request names no order.</summary>
    public string PaidOnceKey => string.IsNullOrEmpty(OrderKey) ? PaymentKey : OrderKey;

    public const string Queue = "treasury-payment-requests";
}
