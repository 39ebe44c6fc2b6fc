namespace ProjectWorkflow.Application.Payments;

/// <summary>The treasury did not pay, for <paramref name="Reason"/> (shown to the finance officer).</summary>
public sealed record PaymentRejected(
    string PaymentKey,
    string BusinessKey,
    long AmountFen,
    string Reason,
    DateTimeOffset RejectedAt);
