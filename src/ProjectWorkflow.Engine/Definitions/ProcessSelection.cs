using ProjectWorkflow.Engine.Model;

namespace ProjectWorkflow.Engine.Definitions;

/// <summary>
/// Which process of a file is deployed. When none can be chosen the file is still validated
/// (the non-executable or competing processes), so the modeller also learns what else would
/// stop it from running.
/// </summary>
/// <param name="Process">The process to deploy, or null when the choice itself is a problem.</param>
/// <param name="Validated">The processes whose problems are reported.</param>
internal sealed record ProcessSelection(ProcessModel? Process, IReadOnlyList<ProcessModel> Validated)
{
    public static ProcessSelection Choose(BpmnDocument document, string? processId, List<DefinitionProblem> problems)
    {
        if (processId is not null) return ChooseNamed(document, processId, problems);

        var executable = document.Processes.Where(p => p.IsExecutable).ToList();
        var withContent = executable.Where(p => HasContent(document, p)).ToList();
        // Empty executable processes only count when nothing else does (e.g. a pool drawn as a black box).
        var candidates = withContent.Count > 0 ? withContent : executable;
        if (candidates.Count == 1) return new ProcessSelection(candidates[0], candidates);

        if (candidates.Count > 1)
        {
            problems.Add(new DefinitionProblem(document.DefinitionsId, "definitions", 0,
                $"The file holds {candidates.Count} executable processes ({string.Join(", ", candidates.Select(p => p.Id))}). "
                + "Deploy them one at a time by naming the process id, or mark the ones not to run isExecutable=\"false\"."));
            return new ProcessSelection(null, candidates);
        }

        if (document.Processes.Count == 0)
        {
            problems.Add(new DefinitionProblem(document.DefinitionsId, "definitions", 0,
                "The file holds no process, so there is nothing to run. Draw the process (at least a start event) before deploying."));
            return new ProcessSelection(null, []);
        }

        var drawn = document.Processes.Where(p => HasContent(document, p)).ToList();
        foreach (var process in drawn.Count > 0 ? drawn : document.Processes)
        {
            problems.Add(new DefinitionProblem(process.Id, "process", process.Line,
                "The file has no executable process: this process is marked isExecutable=\"false\". Set isExecutable=\"true\" on the process the engine should run."));
        }
        return new ProcessSelection(null, drawn);
    }

    private static ProcessSelection ChooseNamed(BpmnDocument document, string processId, List<DefinitionProblem> problems)
    {
        var process = document.Processes.FirstOrDefault(p => p.Id == processId);
        if (process is null)
        {
            var ids = document.Processes.Count == 0 ? "none" : string.Join(", ", document.Processes.Select(p => p.Id));
            problems.Add(new DefinitionProblem(processId, "process", 0, $"The file has no process '{processId}'. Its processes are: {ids}."));
            return new ProcessSelection(null, []);
        }
        if (!process.IsExecutable)
        {
            problems.Add(new DefinitionProblem(process.Id, "process", process.Line,
                "The process is marked isExecutable=\"false\", so it cannot be deployed. Set isExecutable=\"true\" to run it."));
            return new ProcessSelection(null, [process]);
        }
        return new ProcessSelection(process, [process]);
    }

    /// <summary>The executable processes that hold something to run (or to refuse by name).</summary>
    public static List<ProcessModel> ExecutableWithContent(BpmnDocument document) =>
        document.Processes.Where(p => p.IsExecutable && HasContent(document, p)).ToList();

    // A process whose every element is unsupported still has content worth reporting on.
    private static bool HasContent(BpmnDocument document, ProcessModel process) =>
        process.Nodes.Count > 0 || document.Unsupported.Any(u => u.ProcessId == process.Id);
}
