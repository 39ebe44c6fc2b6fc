namespace ProjectWorkflow.Engine.Model;

/// <summary>One executable (or not) <c>process</c> of a BPMN file.</summary>
public sealed class ProcessModel : FlowScope
{
    public ProcessModel(string id, int line) : base(id, "process", line) { }

    public bool IsExecutable { get; init; } = true;

    /// <summary>The process's <c>camunda:taskPriority</c>: the priority of its external tasks that name none themselves.</summary>
    public string? TaskPriority { get; init; }

    /// <summary>Every node of the process, nested ones included, by id.</summary>
    public Dictionary<string, FlowNode> NodesById { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, SequenceFlow> FlowsById { get; } = new(StringComparer.Ordinal);

    /// <summary>The associations of the process (any depth): how a compensation boundary event names its handler.</summary>
    public List<Association> Associations { get; } = [];

    /// <summary>
    /// The form-js schemas deployed with this process (<see cref="EmbeddedForms"/>), by form id: a user task's
    /// <c>camunda:formRef</c> names one of these first, then a form shipped beside the definitions.
    /// </summary>
    public Dictionary<string, ProjectWorkflow.Engine.Forms.FormSchema> Forms { get; } = new(StringComparer.Ordinal);

    /// <summary>
    /// Structural problems the reader met inside this process that the graph cannot show
    /// (duplicate ids, elements without an id, an event with two definitions); the compiler reports them.
    /// </summary>
    public List<DefinitionProblem> ReadProblems { get; } = [];

    public FlowNode Node(string id) => NodesById.TryGetValue(id, out var node)
        ? node
        : throw new KeyNotFoundException($"The process '{Id}' has no element '{id}'.");
}
