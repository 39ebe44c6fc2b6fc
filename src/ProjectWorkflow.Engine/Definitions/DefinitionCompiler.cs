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

    /// <summary>
    /// Every executable process of the file, each its own definition (keyed by its process id), as Camunda deploys
    /// a file with several: all of them run, or the file is refused with the problems of all of them.
    /// </summary>
    public static CompileEachResult CompileEach(byte[] xml, IReadOnlySet<string> registeredTopics, bool externalWorkers = false)
    {
        ArgumentNullException.ThrowIfNull(registeredTopics);
        xml ??= [];
        var read = BpmnReader.Read(xml);
        if (read.Document is not { } document) return new CompileEachResult([], read.Problems);
        var several = ProcessSelection.ExecutableWithContent(document);
        if (several.Count < 2)
        {
            var single = Compile(xml, registeredTopics, processId: null, externalWorkers);
            return new CompileEachResult(single.Definition is { } one ? [one] : [], single.Problems);
        }
        var definitions = new List<ProcessDefinition>();
        var problems = new List<DefinitionProblem>();
        foreach (var process in several)
        {
            var result = Compile(xml, registeredTopics, process.Id, externalWorkers);
            if (result.Definition is { } definition) definitions.Add(definition);
            // Problems of the file itself (not of one process) would repeat once per process.
            problems.AddRange(result.Problems.Where(p => !problems.Contains(p)));
        }
        return problems.Count > 0 ? new CompileEachResult([], problems) : new CompileEachResult(definitions, []);
    }

    /// <param name="xml">The file as uploaded; its hash identifies the version.</param>
    /// <param name="registeredTopics">Topics that have a service task handler in this application.</param>
    /// <param name="processId">The process to deploy when the file holds several; null picks the only executable one.</param>
    /// <param name="externalWorkers">A topic without a handler is work for Camunda's external workers, not a problem.</param>
    public static CompileResult Compile(byte[] xml, IReadOnlySet<string> registeredTopics, string? processId, bool externalWorkers = false)
    {
        ArgumentNullException.ThrowIfNull(registeredTopics);
        xml ??= [];
        var read = BpmnReader.Read(xml);
        if (read.Document is not { } document || read.Xml is null) return new CompileResult(null, read.Problems);

        var problems = new List<DefinitionProblem>(document.ReadProblems);
        var selection = ProcessSelection.Choose(document, processId, problems);
        foreach (var process in selection.Validated)
        {
            problems.AddRange(DefinitionValidator.Validate(document, process, registeredTopics, externalWorkers));
        }
        if (problems.Count > 0 || selection.Process is null) return new CompileResult(null, problems);

        var hash = Convert.ToHexStringLower(SHA256.HashData(xml));
        return new CompileResult(new ProcessDefinition(document, selection.Process, read.Xml, hash), []);
    }
}
