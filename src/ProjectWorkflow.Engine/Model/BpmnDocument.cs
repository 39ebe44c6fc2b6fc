namespace ProjectWorkflow.Engine.Model;

/// <summary>Everything read from one BPMN file: its processes and what is kept but never executed.</summary>
public sealed class BpmnDocument
{
    public string? DefinitionsId { get; init; }
    public string? TargetNamespace { get; init; }

    public List<ProcessModel> Processes { get; } = [];

    /// <summary>message id → name, from the file's <c>message</c> elements.</summary>
    public Dictionary<string, string> Messages { get; } = new(StringComparer.Ordinal);

    /// <summary>Signals by id: their names (broadcast to every instance that waits for one).</summary>
    public Dictionary<string, string> Signals { get; } = new(StringComparer.Ordinal);

    /// <summary>error id → error code, from the file's <c>error</c> elements (the id when no code is written).</summary>
    public Dictionary<string, string> Errors { get; } = new(StringComparer.Ordinal);

    /// <summary>Escalations by id: their escalation codes.</summary>
    public Dictionary<string, string> Escalations { get; } = new(StringComparer.Ordinal);

    /// <summary>Pools (participants) by id → the process they show, if any.</summary>
    public Dictionary<string, string?> Participants { get; } = new(StringComparer.Ordinal);

    /// <summary>Elements read but outside the executable subset, with the process that holds them.</summary>
    public List<UnsupportedElement> Unsupported { get; } = [];

    /// <summary>Elements that are kept for display only: lanes, annotations, data objects, associations.</summary>
    public List<DescriptiveElement> Descriptive { get; } = [];

    /// <summary>
    /// Problems the reader found outside any process (e.g. a duplicated message id); the compiler
    /// reports them with the chosen process's own <see cref="ProcessModel.ReadProblems"/>.
    /// </summary>
    public List<DefinitionProblem> ReadProblems { get; } = [];

    /// <summary>True when the file carries diagram interchange (bpmndi) so it can be shown as drawn.</summary>
    public bool HasDiagram { get; init; }

    /// <summary>The executable process to run: the one marked executable, else the only one.</summary>
    public ProcessModel? MainProcess =>
        Processes.Count == 1 ? Processes[0]
        : Processes.FirstOrDefault(p => p.IsExecutable && p.Nodes.Count > 0) ?? Processes.FirstOrDefault(p => p.Nodes.Count > 0);
}

/// <summary>An element the engine reads but does not run; deploying a process that holds it is refused.</summary>
public sealed record UnsupportedElement(string? ProcessId, string? ElementId, string Kind, int Line, string Reason);

/// <summary>An element kept only so the drawing stays complete.</summary>
public sealed record DescriptiveElement(string? ProcessId, string? ElementId, string Kind, int Line);
