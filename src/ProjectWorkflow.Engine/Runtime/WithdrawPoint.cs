namespace ProjectWorkflow.Engine.Runtime;

/// <summary>
/// The state just before a task was completed, kept so the person who completed it can withdraw (撤回)
/// while nothing has touched what followed. Any later change to the instance discards it.
/// </summary>
public sealed class WithdrawPoint
{
    public Guid TaskId { get; set; }
    public string ElementId { get; set; } = "";
    public string CompletedBy { get; set; } = "";
    public DateTimeOffset CompletedAt { get; set; }

    /// <summary>The instance as it was before the completion, serialised.</summary>
    public string Snapshot { get; set; } = "";

    /// <summary>Tasks the completion created; all must still be open and untouched.</summary>
    public List<Guid> CreatedTaskIds { get; set; } = [];
}
