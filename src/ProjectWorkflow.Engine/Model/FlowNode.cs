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

    /// <summary>
    /// <c>camunda:asyncBefore</c> (or the older <c>camunda:async</c>): the command that reaches the node ends there, and a
    /// job enters it in a transaction of its own.
    /// </summary>
    public bool AsyncBefore { get; internal set; }

    /// <summary><c>camunda:asyncAfter</c>: the node is done in the command that did it; a job takes the way out.</summary>
    public bool AsyncAfter { get; internal set; }

    /// <summary>
    /// <c>camunda:failedJobRetryTimeCycle</c> (<c>R5/PT10M</c>): how many times a failed job of this node is tried,
    /// and how long apart; without it, three tries at once, as in Camunda.
    /// </summary>
    public JobRetries Retries { get; internal set; } = JobRetries.Default;

    /// <summary><c>camunda:inputParameter</c>s (activities and sub-processes): local variables set as the node starts.</summary>
    public IReadOnlyList<IoParameter> Inputs { get; internal set; } = [];

    /// <summary><c>camunda:outputParameter</c>s: process variables set as the node ends (not when it is interrupted).</summary>
    public IReadOnlyList<IoParameter> Outputs { get; internal set; } = [];

    /// <summary>
    /// <c>isForCompensation="true"</c>: a compensation handler. No flow leads to it or leaves it; it runs only when a
    /// compensation event undoes the activity whose compensation boundary event is associated with it.
    /// </summary>
    public bool IsForCompensation { get; internal set; }

    /// <summary>Boundary events attached to this node (activities only).</summary>
    public List<BoundaryEvent> Boundaries { get; } = [];

    public override string ToString() => $"{Kind} '{Id}'";
}
