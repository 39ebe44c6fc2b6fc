namespace ProjectWorkflow.Application.Refusals;

/// <summary>The thing exists, but its state does not allow this now (already done, changed meanwhile, not yet possible).</summary>
public sealed class ConflictException(string message, string? chinese = null) : RefusalException(message, chinese);
