namespace ProjectWorkflow.Application.Refusals;

/// <summary>What the caller named does not exist (or does not exist for them).</summary>
public sealed class NotFoundException(string message, string? chinese = null) : RefusalException(message, chinese);
