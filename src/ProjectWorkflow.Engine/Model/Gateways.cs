namespace ProjectWorkflow.Engine.Model;

public abstract class Gateway(string id, string kind, int line) : FlowNode(id, kind, line)
{
    /// <summary>The <c>default</c> flow id (exclusive and inclusive gateways).</summary>
    public string? DefaultFlowId { get; init; }
    public SequenceFlow? DefaultFlow { get; internal set; }

    /// <summary>A gateway with more than one incoming flow merges (joins) tokens.</summary>
    public bool IsJoin => Incoming.Count > 1;
}

public sealed class ExclusiveGateway(string id, int line) : Gateway(id, "exclusiveGateway", line);

public sealed class ParallelGateway(string id, int line) : Gateway(id, "parallelGateway", line);

public sealed class InclusiveGateway(string id, int line) : Gateway(id, "inclusiveGateway", line);

/// <summary>An event-based gateway: the token waits for whichever of the catch events after it happens first.</summary>
public sealed class EventBasedGateway(string id, int line) : Gateway(id, "eventBasedGateway", line);
