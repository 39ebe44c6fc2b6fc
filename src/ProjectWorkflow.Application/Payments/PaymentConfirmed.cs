namespace ProjectWorkflow.Application.Payments;

/// <summary>The treasury paid: <paramref name="BankReference"/> is the bank's transaction number.</summary>
public sealed record PaymentConfirmed(
    string PaymentKey,
    string BusinessKey,
    long AmountFen,
    string BankReference,
    DateTimeOffset ConfirmedAt);
