using System.Text;
using ProjectWorkflow.Engine.Definitions;
using ProjectWorkflow.Engine.Model;
using ProjectWorkflow.Engine.Reading;
using Xunit.Abstractions;

namespace ProjectWorkflow.Engine.Tests.Definitions;

/// <summary>
/// The OMG BPMN MIWG reference models (shared/conformance/bpmn-miwg): each file is read without
/// an exception, and compiles or is refused with problems that name what is wrong.
/// </summary>
public class MiwgConformanceTests(ITestOutputHelper output)
{
    private const string ReferenceFolder = "shared/conformance/bpmn-miwg/reference";

    /// <summary>
    /// Files whose executable process stays inside the subset. None of the 21 does: the models
    /// are drawn to show BPMN's breadth, not to run. Most use abstract tasks; the rest use
    /// send/receive/script/business-rule tasks, signal/error/escalation/compensation events,
    /// event sub-processes, conditions in prose, XPath or FEEL, or service tasks with no topic.
    /// </summary>
    private static readonly HashSet<string> InSubset = [];

    /// <summary>What each refusal must name: the unsupported kinds found by reading the files.</summary>
    private static readonly Dictionary<string, string[]> ExpectedUnsupported = new()
    {
        ["A.1.0.bpmn"] = ["task"],
        ["A.2.0.bpmn"] = ["task"],
        ["A.2.1.bpmn"] = ["sequenceFlow (condition language 'http://www.w3.org/1999/XPath')", "task"],
        ["A.3.0.bpmn"] = ["boundaryEvent (escalationEventDefinition)", "task"],
        ["A.4.0.bpmn"] = ["task"],
        ["A.4.1.bpmn"] = ["task"],
        ["B.1.0.bpmn"] = ["endEvent (messageEventDefinition)", "task"],
        ["B.2.0.bpmn"] =
        [
            "boundaryEvent (conditionalEventDefinition)", "boundaryEvent (escalationEventDefinition)",
            "boundaryEvent (signalEventDefinition)", "endEvent (escalationEventDefinition)",
            "endEvent (messageEventDefinition)", "endEvent (signalEventDefinition)", "eventBasedGateway",
            "intermediateCatchEvent (conditionalEventDefinition)", "intermediateCatchEvent (linkEventDefinition)",
            "intermediateCatchEvent (signalEventDefinition)", "intermediateThrowEvent", "receiveTask", "sendTask",
            "startEvent (conditionalEventDefinition)", "startEvent (signalEventDefinition)", "task", "userTask (standardLoopCharacteristics)",
        ],
        ["C.1.0.bpmn"] = [],
        ["C.1.1.bpmn"] = [],
        ["C.2.0.bpmn"] = ["endEvent (messageEventDefinition)", "intermediateThrowEvent", "task"],
        ["C.3.0.bpmn"] = [],
        ["C.4.0.bpmn"] = ["endEvent (messageEventDefinition)", "intermediateThrowEvent", "manualTask", "startEvent (signalEventDefinition)"],
        ["C.5.0.bpmn"] = ["endEvent (signalEventDefinition)", "task"],
        ["C.6.0.bpmn"] =
        [
            "boundaryEvent (compensateEventDefinition)", "eventBasedGateway", "intermediateThrowEvent",
            "sendTask", "serviceTask (isForCompensation)", "subProcess (event sub-process)",
        ],
        ["C.7.0.bpmn"] = ["businessRuleTask"],
        ["C.8.0.bpmn"] = ["businessRuleTask", "sendTask"],
        ["C.8.1.bpmn"] = ["businessRuleTask", "sendTask", "sequenceFlow (condition language 'https://www.omg.org/spec/DMN/20191111/FEEL/')"],
        ["C.9.0.bpmn"] = ["businessRuleTask", "sendTask", "subProcess (event sub-process)"],
        ["C.9.1.bpmn"] = ["receiveTask", "sendTask"], // its asyncAfter end event now runs as a job
        ["C.9.2.bpmn"] = ["subProcess (event sub-process)"],
    };

    /// <summary>Refusals of files that use no unsupported element, pinned to the problem that decides them.</summary>
    private static readonly Dictionary<string, string> ExpectedReason = new()
    {
        ["C.1.0.bpmn"] = "The service task has no topic", // its message start event now runs
        ["C.1.1.bpmn"] = "is plain text, not an expression",
        ["C.3.0.bpmn"] = "has no none start event", // its message start event now runs; a sub-process without a start does not
    };

    [Fact]
    public void Every_reference_model_is_read_and_either_compiles_or_is_refused_by_name()
    {
        var files = Directory.GetFiles(FindReferenceFolder(), "*.bpmn").Order(StringComparer.Ordinal).ToList();
        Assert.Equal(ExpectedUnsupported.Keys.Order(StringComparer.Ordinal), files.Select(Path.GetFileName));

        var summary = new StringBuilder().AppendLine("file       | result   | problems | unsupported elements named");
        var details = new StringBuilder();
        foreach (var file in files)
        {
            var name = Path.GetFileName(file);
            var bytes = File.ReadAllBytes(file);

            var read = BpmnReader.Read(bytes);
            Assert.True(read.Succeeded, $"{name}: {string.Join("; ", read.Problems)}");
            var result = DefinitionCompiler.Compile(bytes, BpmnSamples.Topics);

            Assert.Equal(InSubset.Contains(name), result.Succeeded);
            Assert.All(result.Problems, problem => AssertNamesWhatIsWrong(name, problem));
            var named = UnsupportedNamed(read.Document!, result.Problems);
            Assert.Equal(ExpectedUnsupported[name].Order(StringComparer.Ordinal), named.Keys.Order(StringComparer.Ordinal));
            if (ExpectedReason.TryGetValue(name, out var reason))
            {
                Assert.Contains(result.Problems, p => p.Message.Contains(reason, StringComparison.Ordinal));
            }

            summary.AppendLine($"{name,-10} | {(result.Succeeded ? "compiles" : "refused"),-8} | {result.Problems.Count,8} | {string.Join(", ", named.Select(k => $"{k.Key} ×{k.Value}"))}");
            details.AppendLine(name);
            foreach (var problem in result.Problems) details.AppendLine($"    {problem}");
        }
        output.WriteLine(summary.ToString());
        output.WriteLine(details.ToString());
    }

    private static void AssertNamesWhatIsWrong(string file, DefinitionProblem problem)
    {
        Assert.False(string.IsNullOrWhiteSpace(problem.Kind), $"{file}: {problem}");
        Assert.False(string.IsNullOrWhiteSpace(problem.Message), $"{file}: {problem}");
        Assert.DoesNotContain("internal error", problem.Message, StringComparison.Ordinal);
        // Only the file-level choice of process may lack an element id.
        if (problem.Kind != "definitions") Assert.False(string.IsNullOrEmpty(problem.ElementId), $"{file}: {problem}");
    }

    /// <summary>Unsupported elements that the refusal names by id and kind, counted per kind.</summary>
    private static SortedDictionary<string, int> UnsupportedNamed(BpmnDocument document, IReadOnlyList<DefinitionProblem> problems)
    {
        var named = new SortedDictionary<string, int>(StringComparer.Ordinal);
        foreach (var unsupported in document.Unsupported)
        {
            if (!problems.Any(p => p.ElementId == unsupported.ElementId && p.Kind == unsupported.Kind && p.Line == unsupported.Line)) continue;
            Assert.NotNull(unsupported.ElementId);
            Assert.True(unsupported.Line > 0);
            named[unsupported.Kind] = named.GetValueOrDefault(unsupported.Kind) + 1;
        }
        return named;
    }

    /// <summary>
    /// Walks up from the test binaries to the folder holding <c>shared/</c>: the repository's
    /// parent here, the clone's parent in CI.
    /// </summary>
    private static string FindReferenceFolder()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, ReferenceFolder);
            if (Directory.Exists(candidate)) return candidate;
        }
        throw new DirectoryNotFoundException(
            $"No '{ReferenceFolder}' folder above {AppContext.BaseDirectory}; the conformance models must sit in shared/ beside the repository.");
    }
}
