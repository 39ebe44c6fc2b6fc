namespace ProjectWorkflow.Engine.Runtime;

public enum WorkflowErrorKind
{
    /// <summary>The instance, task or element does not exist.</summary>
    NotFound,

    /// <summary>The thing exists but its state does not allow the command (already done, ended, in use).</summary>
    Conflict,

    /// <summary>The caller may not do this to this task.</summary>
    Forbidden,

    /// <summary>The command itself is wrong (bad target, empty user list...).</summary>
    Invalid,

    /// <summary>
    /// The command is well formed, but the process cannot go on from where it leads (no outgoing flow of a
    /// gateway can be taken). Nothing of the command is kept; the caller changes its input and tries again.
    /// </summary>
    Unprocessable,
}

/// <summary>
/// A refused command, with a sentence the caller can act on: in English (the message), and in Chinese when the
/// refusing code gives it (<see cref="Chinese"/>, kept apart: a page shows the reader's language).
/// </summary>
public sealed class WorkflowException(WorkflowErrorKind kind, string message, string? chinese = null) : Exception(message)
{
    public WorkflowErrorKind Kind { get; } = kind;

    /// <summary>The same sentence in Chinese, or null when only the English was given.</summary>
    public string? Chinese { get; } = chinese;

    public static WorkflowException NotFound(string message, string? chinese = null) => new(WorkflowErrorKind.NotFound, message, chinese);
    public static WorkflowException Conflict(string message, string? chinese = null) => new(WorkflowErrorKind.Conflict, message, chinese);
    public static WorkflowException Forbidden(string message, string? chinese = null) => new(WorkflowErrorKind.Forbidden, message, chinese);
    public static WorkflowException Invalid(string message, string? chinese = null) => new(WorkflowErrorKind.Invalid, message, chinese);
    public static WorkflowException Unprocessable(string message, string? chinese = null) => new(WorkflowErrorKind.Unprocessable, message, chinese);
}

/// <summary>
/// A job's run failed: nothing of it is kept. The host throws away what the run staged and records the failed try
/// (<see cref="WorkflowSession.RecordJobFailureAsync"/>) in a transaction of its own.
/// </summary>
public sealed class JobFailedException(Guid instanceId, Guid jobId, string elementId, Exception cause)
    : Exception($"The job at '{elementId}' failed: {cause.Message}", cause)
{
    public Guid InstanceId { get; } = instanceId;
    public Guid JobId { get; } = jobId;
    public string ElementId { get; } = elementId;
    public string Reason => InnerException!.Message;
}
