using System.Text;
using ProjectWorkflow.Engine.Definitions;
using ProjectWorkflow.Engine.Model;
using ProjectWorkflow.Engine.Reading;
using ProjectWorkflow.Engine.Runtime;
using ProjectWorkflow.Engine.ServiceTasks;
using ProjectWorkflow.Engine.Tests.Runtime;
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
    /// Files whose executable process stays inside the subset. C.9.1 (Camunda Modeler's document request: an async
    /// send task, a receive task watched by a daily and a weekly timer, asyncAfter end events) deploys and runs; the
    /// others are drawn to show BPMN's breadth, not to run: they are not executable, or use signal, escalation,
    /// conditional start events or compensation events, business-rule tasks, conditions in prose, XPath or
    /// FEEL, or service tasks with no topic.
    /// </summary>
    private static readonly HashSet<string> InSubset = ["C.9.1.bpmn"];

    /// <summary>The topics a deployment knows: the app's handlers, and C.9.1's <c>emailService</c> as an external worker's.</summary>
    private static readonly HashSet<string> Topics = [.. BpmnSamples.Topics, "emailService"];

    private const string NotExecutable = "this process is marked isExecutable=\"false\"";

    /// <summary>What each refusal must name: the unsupported kinds found by reading the files.</summary>
    private static readonly Dictionary<string, string[]> ExpectedUnsupported = new()
    {
        ["A.1.0.bpmn"] = [],
        ["A.2.0.bpmn"] = [],
        ["A.2.1.bpmn"] = ["sequenceFlow (condition language 'http://www.w3.org/1999/XPath')"],
        ["A.3.0.bpmn"] = [],
        ["A.4.0.bpmn"] = [],
        ["A.4.1.bpmn"] = [],
        ["B.1.0.bpmn"] = [],
        ["B.2.0.bpmn"] = ["userTask (standardLoopCharacteristics)"], // its process-level conditional start event is refused as a problem
        ["C.1.0.bpmn"] = [],
        ["C.1.1.bpmn"] = [],
        ["C.2.0.bpmn"] = [],
        ["C.3.0.bpmn"] = [],
        ["C.4.0.bpmn"] = ["manualTask (standardLoopCharacteristics)"],
        ["C.5.0.bpmn"] = [], // its signal end events run, and its two executable processes would deploy each; its signals have no reference
        // Its compensation boundary events, handlers, throw events and compensation event sub-process run now.
        ["C.6.0.bpmn"] = [],
        ["C.7.0.bpmn"] = ["businessRuleTask"],
        ["C.8.0.bpmn"] = ["businessRuleTask"],
        ["C.8.1.bpmn"] = ["businessRuleTask", "sequenceFlow (condition language 'https://www.omg.org/spec/DMN/20191111/FEEL/')"],
        ["C.9.0.bpmn"] = ["businessRuleTask"], // its event sub-process runs now; FEEL conditions (Camunda 8) do not
        ["C.9.1.bpmn"] = [], // runs: see Camunda_Modelers_document_request_runs
        ["C.9.2.bpmn"] = [], // its event sub-process runs now; refused for a FEEL condition (Camunda 8)
    };

    /// <summary>Refusals of files that use no unsupported element, pinned to the problem that decides them.</summary>
    private static readonly Dictionary<string, string> ExpectedReason = new()
    {
        ["A.1.0.bpmn"] = NotExecutable, // its abstract tasks would pass through now
        ["A.2.0.bpmn"] = NotExecutable,
        ["A.3.0.bpmn"] = NotExecutable, // its escalation boundary event runs now
        ["A.4.0.bpmn"] = NotExecutable,
        ["A.4.1.bpmn"] = NotExecutable,
        ["B.1.0.bpmn"] = NotExecutable,
        ["C.1.0.bpmn"] = "The service task has no topic", // its message start event now runs
        ["C.1.1.bpmn"] = "is plain text, not an expression",
        ["C.2.0.bpmn"] = "has no name, so nothing could be delivered", // its message throw and end events run, but their messages have no name
        ["C.3.0.bpmn"] = "has no none start event",
        ["C.5.0.bpmn"] = "The signal event does not say which signal it is",
        ["C.6.0.bpmn"] = "The message event does not say which message it waits for", // and its service tasks have no topic
        ["C.9.2.bpmn"] = "is plain text, not an expression", // '=fraud' is FEEL, Camunda 8's language // its message start event now runs; a sub-process without a start does not
    };

    [Fact]
    public void Every_reference_model_is_read_and_either_compiles_or_is_refused_by_name()
    {
        var files = Directory.GetFiles(FindReferenceFolder(), "*.bpmn").Order(StringComparer.Ordinal).ToList();
        Assert.Equal(ExpectedUnsupported.Keys.Order(StringComparer.Ordinal), files.Select(Path.GetFileName));

        var summary = new StringBuilder().AppendLine("file       | result   | problems | unsupported elements named");
        var details = new StringBuilder();
        var mismatches = new List<string>();
        foreach (var file in files)
        {
            var name = Path.GetFileName(file);
            var bytes = File.ReadAllBytes(file);

            var read = BpmnReader.Read(bytes);
            Assert.True(read.Succeeded, $"{name}: {string.Join("; ", read.Problems)}");
            // As POST /api/definitions deploys a file: each executable process of it, all or none.
            var result = DefinitionCompiler.CompileEach(bytes, Topics);

            Assert.All(result.Problems, problem => AssertNamesWhatIsWrong(name, problem));
            var named = UnsupportedNamed(read.Document!, result.Problems);
            summary.AppendLine($"{name,-10} | {(result.Succeeded ? "compiles" : "refused"),-8} | {result.Problems.Count,8} | {string.Join(", ", named.Select(k => $"{k.Key} ×{k.Value}"))}");
            details.AppendLine(name);
            foreach (var problem in result.Problems) details.AppendLine($"    {problem}");

            // Every difference is collected first, so one run shows the whole table to compare.
            if (InSubset.Contains(name) != result.Succeeded) mismatches.Add($"{name}: {(result.Succeeded ? "compiles" : "is refused")}");
            if (!ExpectedUnsupported[name].Order(StringComparer.Ordinal).SequenceEqual(named.Keys.Order(StringComparer.Ordinal)))
                mismatches.Add($"{name}: names [{string.Join(", ", named.Keys)}], expected [{string.Join(", ", ExpectedUnsupported[name])}]");
            if (ExpectedReason.TryGetValue(name, out var reason) && !result.Problems.Any(p => p.Message.Contains(reason, StringComparison.Ordinal)))
                mismatches.Add($"{name}: no problem says '{reason}'");
        }
        output.WriteLine(summary.ToString());
        output.WriteLine(details.ToString());
        Assert.True(mismatches.Count == 0, string.Join(Environment.NewLine, mismatches) + Environment.NewLine + summary + details);
    }

    private sealed class Mailer : IServiceTaskHandler
    {
        public int Sent { get; private set; }

        public ValueTask ExecuteAsync(ServiceTaskContext context, CancellationToken cancellationToken)
        {
            Sent++;
            return ValueTask.CompletedTask;
        }
    }

    /// <summary>
    /// C.9.1 as a Camunda Modeler user runs it: the request goes out in a job (camunda:async), the receive task waits for
    /// the document and sends a reminder each day (non-interrupting R6/P1D, each reminder asyncBefore), and the answer
    /// ends the instance through its asyncAfter end event.
    /// </summary>
    [Fact]
    public async Task Camunda_Modelers_document_request_runs()
    {
        var h = new Harness();
        var mailer = new Mailer();
        h.Handlers.Register("emailService", mailer);
        var definition = h.Deploy(File.ReadAllText(Path.Combine(FindReferenceFolder(), "C.9.1.bpmn")));

        var instance = await h.Start(definition, businessKey: "DOC-1");
        Assert.Equal(0, mailer.Sent);
        Assert.Equal(["SendTask_RequestDocument"], Harness.Active(instance));

        await h.RunJobs();
        Assert.Equal(1, mailer.Sent);
        Assert.Equal(["ReceiveTask_WaitForDocument"], Harness.Active(instance));

        await h.Advance(TimeSpan.FromDays(1));
        await h.RunJobs();
        Assert.Equal(2, mailer.Sent); // the daily reminder
        Assert.Equal(["ReceiveTask_WaitForDocument"], Harness.Active(instance));

        Assert.Equal(1, await h.Send("MESSAGE_documentReceived", "DOC-1"));
        Assert.Equal(InstanceStatus.Running, instance.Status); // the end event's asyncAfter job is still to run
        await h.RunJobs();

        Assert.Equal(InstanceStatus.Completed, instance.Status);
        Assert.Contains("EndEvent_GotDocument", h.Events(instance, "jobExecuted"));
        Assert.DoesNotContain(instance.Bookmarks, b => b.Kind == BookmarkKind.Timer);
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
