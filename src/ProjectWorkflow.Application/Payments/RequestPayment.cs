namespace ProjectWorkflow.Application.Payments;

/// <summary>
/// Pay <paramref name="AmountFen"/> (integer 分) to the payee: a command to the treasury (国库集中支付),
/// sent to <see cref="Queue"/>. The treasury pays each <paramref name="PaymentKey"/> at most once and answers
/// <see cref="PaymentConfirmed"/> or <see cref="PaymentRejected"/> with the same key and business key.
/// </summary>
public sealed record RequestPayment(
    string PaymentKey,
    Guid InstanceId,
    string BusinessKey,
    long AmountFen,
    string Payee,
    string? PayeeAccount,
    DateTimeOffset RequestedAt)
{
    public const string Queue = "treasury-payment-requests";
}
