using ProjectWorkflow.Engine.Model;

namespace ProjectWorkflow.Engine.Definitions;

/// <summary>Every executable process of a file, compiled, or every problem of all of them.</summary>
public sealed record CompileEachResult(IReadOnlyList<ProcessDefinition> Definitions, IReadOnlyList<DefinitionProblem> Problems)
{
    public bool Succeeded => Definitions.Count > 0 && Problems.Count == 0;
}

public sealed record CompileResult(ProcessDefinition? Definition, IReadOnlyList<DefinitionProblem> Problems)
{
    public bool Succeeded => Definition is not null && Problems.Count == 0;
}
