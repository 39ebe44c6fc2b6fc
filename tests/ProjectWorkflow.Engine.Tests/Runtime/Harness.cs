using System.Text.Json.Nodes;
using Microsoft.Extensions.Time.Testing;
using ProjectWorkflow.Engine.Definitions;
using ProjectWorkflow.Engine.InMemory;
using ProjectWorkflow.Engine.Runtime;
using ProjectWorkflow.Engine.ServiceTasks;

namespace ProjectWorkflow.Engine.Tests.Runtime;

/// <summary>
/// An engine on an in-memory store with a fake clock, driven the way the host drives it:
/// one session per command, due timers fired by a sweep, messages correlated by name and key.
/// </summary>
internal sealed class Harness
{
    public static readonly Actor Alice = Actor.User("alice", "district-reviewer");
    public static readonly Actor Bob = Actor.User("bob", "district-reviewer");
    public static readonly Actor Carol = Actor.User("carol", "dept-approver");
    public static readonly Actor Dave = Actor.User("dave", "expert");

    public Harness(WorkflowEngineOptions? options = null)
    {
        Engine = new WorkflowEngine(Handlers, Time, options);
    }

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 1, 5, 9, 0, 0, TimeSpan.Zero));
    public ServiceTaskRegistry Handlers { get; } = new();
    public InMemoryWorkflowStore Store { get; } = new();
    public WorkflowEngine Engine { get; }
    public List<JournalEntry> Journal { get; } = [];
    public List<EngineEffect> Effects { get; } = [];

    public ProcessDefinition Deploy(string xml)
    {
        var result = Engine.Compile(System.Text.Encoding.UTF8.GetBytes(xml));
        Assert.True(result.Succeeded, string.Join(Environment.NewLine, result.Problems));
        return Store.Deploy(result.Definition!);
    }

    public async Task<ProcessInstance> Start(ProcessDefinition definition, object? variables = null, string? businessKey = null, Actor? actor = null)
    {
        ProcessInstance? started = null;
        await Act(actor ?? Actor.System, async s => started = await s.StartAsync(definition, Guid.NewGuid(), businessKey, ToJson(variables)));
        return started!;
    }

    public async Task Act(Actor actor, Func<WorkflowSession, Task> command)
    {
        var session = Engine.OpenSession(Store, actor);
        await command(session);
        Store.Save(session);
        Journal.AddRange(session.Journal);
        Effects.AddRange(session.Effects);
    }

    public UserTaskItem Task(ProcessInstance instance, string elementId) =>
        Assert.Single(instance.Tasks, t => t.ElementId == elementId);

    public Task Complete(ProcessInstance instance, string elementId, Actor actor, object? variables = null) =>
        Act(actor, s => s.CompleteAsync(Task(instance, elementId).Id, ToJson(variables)));

    /// <summary>Runs the jobs due now (asynchronous continuations), as the host's Hangfire jobs do; once each.</summary>
    public Task RunJobs() => Advance(TimeSpan.Zero);

    public static Bookmark[] Jobs(ProcessInstance instance) => instance.Bookmarks.Where(b => b.Kind == BookmarkKind.Job).ToArray();

    /// <summary>Moves the clock and fires what fell due (timers and jobs), as the host's timer jobs and sweep do.</summary>
    public async Task Advance(TimeSpan by)
    {
        Time.Advance(by);
        var due = Store.Instances
            .SelectMany(i => i.Bookmarks.Where(b => b.Kind is BookmarkKind.Timer or BookmarkKind.Job && b.DueAt <= Time.GetUtcNow()).Select(b => (i.Id, b.Id)))
            .ToList();
        foreach (var (instanceId, bookmarkId) in due)
            await Act(Actor.System, s => s.FireTimerAsync(instanceId, bookmarkId));
    }

    public async Task<int> Send(string name, string? correlationKey, object? variables = null)
    {
        var waiting = Store.Instances
            .Where(i => i.Bookmarks.Any(b => b.Kind == BookmarkKind.Message && b.MessageName == name && b.CorrelationKey == correlationKey))
            .Select(i => i.Id)
            .ToList();
        var delivered = 0;
        foreach (var instanceId in waiting)
            await Act(Actor.System, async s => delivered += await s.DeliverMessageAsync(instanceId, name, correlationKey, ToJson(variables)) ? 1 : 0);
        return delivered;
    }

    public List<string> Events(ProcessInstance instance, string @event) =>
        Journal.Where(j => j.InstanceId == instance.Id && j.Event == @event).Select(j => j.ElementId).ToList();

    public static string[] Active(ProcessInstance instance) =>
        instance.Tasks.Select(t => t.ElementId)
            .Concat(instance.Executions.Where(e => e.State is ExecutionState.Waiting or ExecutionState.Joining or ExecutionState.Failed && !instance.Tasks.Any(t => t.ExecutionId == e.Id)).Select(e => e.ElementId))
            .Distinct().OrderBy(x => x, StringComparer.Ordinal).ToArray();

    public static JsonObject? ToJson(object? variables) => variables switch
    {
        null => null,
        JsonObject json => json,
        _ => System.Text.Json.JsonSerializer.SerializeToNode(variables, RuntimeJson.Options)!.AsObject(),
    };
}
