namespace ProjectWorkflow.Engine.Model;

/// <summary>One reason a definition cannot be deployed, in the words a modeller can act on.</summary>
public sealed record DefinitionProblem(string? ElementId, string Kind, int Line, string Message)
{
    public override string ToString() =>
        $"{Kind}{(ElementId is null ? "" : $" '{ElementId}'")}{(Line > 0 ? $" (line {Line})" : "")}: {Message}";
}
