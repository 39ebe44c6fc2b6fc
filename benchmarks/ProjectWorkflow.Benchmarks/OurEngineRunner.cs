using System.Diagnostics;
using System.Text.Json.Nodes;
using ProjectWorkflow.Engine;
using ProjectWorkflow.Engine.Definitions;
using ProjectWorkflow.Engine.InMemory;
using ProjectWorkflow.Engine.Runtime;
using ProjectWorkflow.Engine.ServiceTasks;

namespace ProjectWorkflow.Benchmarks;

/// <summary>
/// Our engine in memory, driven as the host drives it: one session per command
/// (<c>OpenSession → StartAsync/CompleteAsync → store.Save</c>), on the calling thread.
/// Every batch forgets its instances afterwards, so the store holds at most one batch.
/// </summary>
public sealed class OurEngineRunner
{
    public static readonly Actor Approver = Actor.User("approver", "approvers");

    private readonly InMemoryWorkflowStore _store = new();
    private readonly WorkflowEngine _engine;
    private readonly ProcessDefinition _simple;
    private readonly ProcessDefinition _approval;
    private readonly List<Guid> _batch = [];

    public OurEngineRunner(WorkflowEngineOptions? options = null)
    {
        var handlers = new ServiceTaskRegistry().Register("bench.work", (ctx, _) =>
        {
            ctx.SetVariable("worked", JsonValue.Create(true));
            return ValueTask.CompletedTask;
        });
        _engine = new WorkflowEngine(handlers, TimeProvider.System, options);
        _simple = Deploy("simple.bpmn");
        _approval = Deploy("approval.bpmn");
    }

    public WorkflowEngineOptions Options => _engine.Options;
    public int StoredInstances => _store.Instances.Count();

    private ProcessDefinition Deploy(string file)
    {
        var bytes = File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Processes", file));
        var result = _engine.Compile(bytes);
        if (!result.Succeeded)
            throw new InvalidOperationException($"{file} does not compile: {string.Join("; ", result.Problems)}");
        return _store.Deploy(result.Definition!);
    }

    /// <summary>Starts <paramref name="count"/> simple instances; returns how many completed.</summary>
    public async Task<int> RunSimpleBatchAsync(int count)
    {
        var completed = 0;
        for (var i = 0; i < count; i++)
        {
            var session = _engine.OpenSession(_store, Actor.System);
            var instance = await session.StartAsync(_simple, Guid.NewGuid(), null, null);
            _store.Save(session);
            _batch.Add(instance.Id);
            if (instance.Status == InstanceStatus.Completed && instance.Variables.ContainsKey("worked")) completed++;
        }
        ForgetBatch();
        return completed;
    }

    /// <summary>
    /// Runs <paramref name="count"/> approval instances to the end, one after another; returns how many
    /// completed. With <paramref name="latencies"/>, records the Stopwatch ticks of each of the four
    /// approvals: CompleteAsync + Save, after which the next task exists (or the instance has ended).
    /// </summary>
    public async Task<int> RunApprovalBatchAsync(int count, List<long>? latencies = null)
    {
        var completed = 0;
        for (var i = 0; i < count; i++)
        {
            var session = _engine.OpenSession(_store, Actor.System);
            var instance = await session.StartAsync(_approval, Guid.NewGuid(), null, null);
            _store.Save(session);
            _batch.Add(instance.Id);
            for (var step = 1; step <= 4; step++)
            {
                if (instance.Tasks.Count != 1) throw new InvalidOperationException($"Instance {instance.Id}: expected one open task before approval {step}, found {instance.Tasks.Count}.");
                var taskId = instance.Tasks[0].Id;
                var started = Stopwatch.GetTimestamp();
                session = _engine.OpenSession(_store, Approver);
                await session.CompleteAsync(taskId, null);
                _store.Save(session);
                var ready = Stopwatch.GetTimestamp();
                latencies?.Add(ready - started);
                if (step < 4 && instance.Tasks.Count != 1) throw new InvalidOperationException($"Instance {instance.Id}: no next task after approval {step}.");
            }
            if (instance.Status == InstanceStatus.Completed && instance.Variables.ContainsKey("worked")) completed++;
        }
        ForgetBatch();
        return completed;
    }

    private void ForgetBatch()
    {
        foreach (var id in _batch) _store.Forget(id);
        _batch.Clear();
    }
}
