namespace ProjectWorkflow.Web.Idempotency;

/// <summary>Marks endpoints whose state-changing requests honour <c>Idempotency-Key</c>; the innermost mark wins.</summary>
public sealed record IdempotencyMetadata(bool Enabled);
