namespace ProjectWorkflow.Engine.Runtime;

public enum InstanceStatus
{
    Running,
    Completed,
    Terminated,
    Cancelled,

    /// <summary>Running, but at least one incident waits for a retry.</summary>
    Faulted,
}
