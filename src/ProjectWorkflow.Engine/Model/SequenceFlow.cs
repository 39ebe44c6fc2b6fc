using ProjectWorkflow.Engine.Expressions;

namespace ProjectWorkflow.Engine.Model;

public sealed class SequenceFlow
{
    public SequenceFlow(string id, string sourceRef, string targetRef, int line)
    {
        Id = id;
        SourceRef = sourceRef;
        TargetRef = targetRef;
        Line = line;
    }

    public string Id { get; }
    public string? Name { get; init; }
    public string SourceRef { get; }
    public string TargetRef { get; }
    public int Line { get; }

    /// <summary>The condition as written, or null for an unconditional flow.</summary>
    public string? ConditionText { get; init; }

    /// <summary>The parsed condition; set when the definition is compiled.</summary>
    public ParsedExpression? Condition { get; internal set; }

    public FlowNode Source { get; internal set; } = null!;
    public FlowNode Target { get; internal set; } = null!;

    public override string ToString() => $"sequenceFlow '{Id}'";
}
