namespace ProjectWorkflow.Application.Payments;

/// <summary>A payment order went to the treasury (the ledger and the applicant's view care; the treasury gets <see cref="RequestPayment"/>).</summary>
public sealed record PaymentRequested(
    string PaymentKey,
    Guid InstanceId,
    string BusinessKey,
    long AmountFen,
    string Payee,
    DateTimeOffset RequestedAt);
