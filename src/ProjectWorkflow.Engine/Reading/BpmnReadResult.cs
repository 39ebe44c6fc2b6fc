using ProjectWorkflow.Engine.Model;

namespace ProjectWorkflow.Engine.Reading;

/// <summary>
/// What reading a file gave: the document, or the problems that made it unreadable.
/// A readable file can still be refused later by the validator.
/// </summary>
/// <param name="Document">The document, or null when the file could not be read at all.</param>
/// <param name="Problems">Why the file could not be read; empty when <paramref name="Document"/> is set.</param>
/// <param name="Xml">The file's text, decoded as its XML declaration says; null when unreadable.</param>
public sealed record BpmnReadResult(BpmnDocument? Document, IReadOnlyList<DefinitionProblem> Problems, string? Xml)
{
    public bool Succeeded => Document is not null && Problems.Count == 0;

    internal static BpmnReadResult Unreadable(DefinitionProblem problem) => new(null, [problem], null);
}
