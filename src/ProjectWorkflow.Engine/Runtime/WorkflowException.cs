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

/// <summary>A refused command, with a sentence the caller can act on.</summary>
public sealed class WorkflowException(WorkflowErrorKind kind, string message) : Exception(message)
{
    public WorkflowErrorKind Kind { get; } = kind;

    public static WorkflowException NotFound(string message) => new(WorkflowErrorKind.NotFound, message);
    public static WorkflowException Conflict(string message) => new(WorkflowErrorKind.Conflict, message);
    public static WorkflowException Forbidden(string message) => new(WorkflowErrorKind.Forbidden, message);
    public static WorkflowException Invalid(string message) => new(WorkflowErrorKind.Invalid, message);
    public static WorkflowException Unprocessable(string message) => new(WorkflowErrorKind.Unprocessable, message);
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
