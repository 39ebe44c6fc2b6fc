using ProjectWorkflow.Engine.Model;

namespace ProjectWorkflow.Application.Workflows.Definitions;

/// <summary>A BPMN file that cannot be deployed, with every problem found in it.</summary>
public sealed class DefinitionRejectedException(IReadOnlyList<DefinitionProblem> problems)
    : Exception($"The definition cannot be deployed: {string.Join("; ", problems)}")
{
    public IReadOnlyList<DefinitionProblem> Problems { get; } = problems;
}
