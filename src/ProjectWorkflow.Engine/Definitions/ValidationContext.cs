using ProjectWorkflow.Engine.Model;

namespace ProjectWorkflow.Engine.Definitions;

/// <summary>What every rule needs while one process is checked, and where the problems go.</summary>
internal sealed class ValidationContext
{
    private readonly HashSet<string> unsupportedIds;

    public ValidationContext(BpmnDocument document, ProcessModel process, IReadOnlySet<string> registeredTopics)
    {
        Document = document;
        Process = process;
        RegisteredTopics = registeredTopics;
        unsupportedIds = document.Unsupported
            .Where(u => u.ElementId is not null && (u.ProcessId == process.Id || u.ProcessId is null))
            .Select(u => u.ElementId!)
            .ToHashSet(StringComparer.Ordinal);
    }

    public BpmnDocument Document { get; }
    public ProcessModel Process { get; }
    public IReadOnlySet<string> RegisteredTopics { get; }

    /// <summary>True when a topic without a handler is work for external workers.</summary>
    public bool ExternalWorkers { get; init; }
    public List<DefinitionProblem> Problems { get; } = [];

    /// <summary>
    /// True for an element already refused as unsupported; rules skip references to it so the
    /// modeller reads one problem per element, not a cascade.
    /// </summary>
    public bool IsUnsupported(string id) => unsupportedIds.Contains(id);

    public void Add(FlowNode node, string message) => Problems.Add(new DefinitionProblem(node.Id, node.Kind, node.Line, message));

    public void Add(SequenceFlow flow, string message) => Problems.Add(new DefinitionProblem(flow.Id, "sequenceFlow", flow.Line, message));

    /// <summary>How a node is named inside a message: its label when it has one (on one line), always its id.</summary>
    public static string Describe(FlowNode node) =>
        node.Name is null ? $"the {node.Kind} '{node.Id}'" : $"the {node.Kind} '{string.Join(' ', node.Name.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))}' ({node.Id})";
}
