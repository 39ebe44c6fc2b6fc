namespace ProjectWorkflow.Application.Refusals;

/// <summary>The caller is known, but may not do this, or not to this object.</summary>
public sealed class ForbiddenException(string message, string? chinese = null) : RefusalException(message, chinese);
