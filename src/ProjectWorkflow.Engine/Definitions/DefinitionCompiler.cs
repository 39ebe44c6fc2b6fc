using System.Security.Cryptography;
using ProjectWorkflow.Engine.Model;
using ProjectWorkflow.Engine.Reading;

namespace ProjectWorkflow.Engine.Definitions;

/// <summary>
/// Turns an uploaded BPMN file into a runnable <see cref="ProcessDefinition"/>, or into the full
/// list of problems that stop it from running. Never throws for bad input.
/// </summary>
public static class DefinitionCompiler
{
    public static CompileResult Compile(byte[] xml, IReadOnlySet<string> registeredTopics) =>
        Compile(xml, registeredTopics, processId: null);

    /// <param name="xml">The file as uploaded; its hash identifies the version.</param>
    /// <param name="registeredTopics">Topics that have a service task handler in this application.</param>
    /// <param name="processId">The process to deploy when the file holds several; null picks the only executable one.</param>
    public static CompileResult Compile(byte[] xml, IReadOnlySet<string> registeredTopics, string? processId)
    {
        ArgumentNullException.ThrowIfNull(registeredTopics);
        xml ??= [];
        var read = BpmnReader.Read(xml);
        if (read.Document is not { } document || read.Xml is null) return new CompileResult(null, read.Problems);

        var problems = new List<DefinitionProblem>(document.ReadProblems);
        var selection = ProcessSelection.Choose(document, processId, problems);
        foreach (var process in selection.Validated)
        {
            problems.AddRange(DefinitionValidator.Validate(document, process, registeredTopics));
        }
        if (problems.Count > 0 || selection.Process is null) return new CompileResult(null, problems);

        var hash = Convert.ToHexStringLower(SHA256.HashData(xml));
        return new CompileResult(new ProcessDefinition(document, selection.Process, read.Xml, hash), []);
    }
}
