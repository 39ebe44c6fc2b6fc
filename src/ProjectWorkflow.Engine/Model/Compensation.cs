namespace ProjectWorkflow.Engine.Model;

/// <summary>
/// A compensate event definition on a throw or end event: undo the completed activities of the scope — all of them,
/// last completed first, or the one <see cref="ActivityRef"/> names.
/// </summary>
public sealed record CompensateDefinition(string? ActivityRef)
{
    /// <summary>The activity named by <see cref="ActivityRef"/>, found at deploy.</summary>
    public FlowNode? Activity { get; internal set; }
}

/// <summary>An association of the file: it carries no token, but links a compensation boundary event to its handler.</summary>
public sealed record Association(string? Id, string SourceRef, string TargetRef, int Line);
