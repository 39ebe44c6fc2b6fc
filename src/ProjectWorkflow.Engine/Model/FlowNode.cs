namespace ProjectWorkflow.Engine.Model;

/// <summary>A node of a process graph: an event, activity or gateway.</summary>
public abstract class FlowNode
{
    protected FlowNode(string id, string kind, int line)
    {
        Id = id;
        Kind = kind;
        Line = line;
    }

    public string Id { get; }
    public string? Name { get; init; }

    /// <summary>The BPMN element name, e.g. <c>userTask</c>, used in messages and the journal.</summary>
    public string Kind { get; }

    public int Line { get; }

    /// <summary>The process or sub-process that contains this node.</summary>
    public FlowScope Scope { get; internal set; } = null!;

    public List<SequenceFlow> Incoming { get; } = [];
    public List<SequenceFlow> Outgoing { get; } = [];

    /// <summary>Boundary events attached to this node (activities only).</summary>
    public List<BoundaryEvent> Boundaries { get; } = [];

    public override string ToString() => $"{Kind} '{Id}'";
}
