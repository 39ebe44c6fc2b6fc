namespace ProjectWorkflow.Engine.Runtime;

/// <summary>
/// The completion that created a task, kept on the task so its sender can take it back (拿回) while the next person has
/// not acted: who completed which task, the token their completion went on with, and the scope it ran in.
/// </summary>
public sealed class TaskSender
{
    public string User { get; set; } = "";
    public string ElementId { get; set; } = "";
    public Guid TaskId { get; set; }

    /// <summary>The execution that carried the completed task's token on (it may now hold the next task, or its scope).</summary>
    public Guid ExecutionId { get; set; }

    /// <summary>The scope (sub-process) execution the completed task ran in; null at the process level.</summary>
    public Guid? ScopeId { get; set; }
}
