using ProjectWorkflow.Engine.Model;

namespace ProjectWorkflow.Engine.Definitions;

public sealed record CompileResult(ProcessDefinition? Definition, IReadOnlyList<DefinitionProblem> Problems)
{
    public bool Succeeded => Definition is not null && Problems.Count == 0;
}
