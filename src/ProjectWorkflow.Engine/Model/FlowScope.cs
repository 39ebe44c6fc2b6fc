namespace ProjectWorkflow.Engine.Model;

/// <summary>Something that contains flow nodes: a process or an embedded sub-process.</summary>
public abstract class FlowScope : FlowNode
{
    protected FlowScope(string id, string kind, int line) : base(id, kind, line) { }

    public List<FlowNode> Nodes { get; } = [];
    public List<SequenceFlow> Flows { get; } = [];

    /// <summary>The start event a token enters this scope through (none start event, or the only one).</summary>
    public StartEvent? NoneStart => Nodes.OfType<StartEvent>().FirstOrDefault(s => s.IsNone)
                                    ?? Nodes.OfType<StartEvent>().FirstOrDefault();

    /// <summary>The event sub-processes of this scope: they wait for their start events while the scope runs.</summary>
    public IEnumerable<SubProcess> EventSubProcesses => Nodes.OfType<SubProcess>().Where(s => s.TriggeredByEvent);
}
