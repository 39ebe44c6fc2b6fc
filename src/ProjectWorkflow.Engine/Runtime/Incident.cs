namespace ProjectWorkflow.Engine.Runtime;

public enum IncidentPhase
{
    /// <summary>Failed while entering the element (a handler, a task expression).</summary>
    Enter,

    /// <summary>Failed while choosing the way out (a gateway condition, no path).</summary>
    Leave,
}

/// <summary>A failure that stopped one execution; the instance keeps its state until a retry.</summary>
public sealed class Incident
{
    public Guid Id { get; set; }
    public Guid ExecutionId { get; set; }
    public string ElementId { get; set; } = "";
    public string Kind { get; set; } = "";
    public string Message { get; set; } = "";
    public IncidentPhase Phase { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}
