using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using WorkflowCore.Interface;
using WorkflowCore.Models;
using WorkflowCore.Services;

namespace ProjectWorkflow.Benchmarks;

/// <summary>The WorkflowCore settings of a run; printed with every result.</summary>
public sealed record WorkflowCoreSettings
{
    /// <summary>Poll for runnable instances and events (default 10 s). An event that meets a locked instance waits for it.</summary>
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromMilliseconds(10);

    /// <summary>Consumer back-off when its concurrency slots are full (default 100 ms).</summary>
    public TimeSpan IdleTime { get; init; } = TimeSpan.FromMilliseconds(1);

    /// <summary>Workflows run at once (default: processor count).</summary>
    public int MaxConcurrentWorkflows { get; init; } = Environment.ProcessorCount;

    /// <summary>Search indexing after each step (default on); the in-memory store gains nothing from it.</summary>
    public bool EnableIndexes { get; init; }

    /// <summary>
    /// The settings used everywhere; environment variables override them (and reach BenchmarkDotNet's
    /// child processes): WFBENCH_POLL_MS, WFBENCH_IDLE_MS, WFBENCH_MAX_CONCURRENT, WFBENCH_INDEXES (true/false).
    /// </summary>
    public static WorkflowCoreSettings Default { get; } = FromEnvironment();

    private static WorkflowCoreSettings FromEnvironment()
    {
        static string? Env(string name) => Environment.GetEnvironmentVariable(name) is { Length: > 0 } v ? v : null;
        var s = new WorkflowCoreSettings();
        if (Env("WFBENCH_POLL_MS") is { } poll) s = s with { PollInterval = TimeSpan.FromMilliseconds(double.Parse(poll, System.Globalization.CultureInfo.InvariantCulture)) };
        if (Env("WFBENCH_IDLE_MS") is { } idle) s = s with { IdleTime = TimeSpan.FromMilliseconds(double.Parse(idle, System.Globalization.CultureInfo.InvariantCulture)) };
        if (Env("WFBENCH_MAX_CONCURRENT") is { } max) s = s with { MaxConcurrentWorkflows = int.Parse(max, System.Globalization.CultureInfo.InvariantCulture) };
        if (Env("WFBENCH_INDEXES") is { } indexes) s = s with { EnableIndexes = bool.Parse(indexes) };
        return s;
    }

    public override string ToString() =>
        $"PollInterval={PollInterval.TotalMilliseconds} ms, IdleTime={IdleTime.TotalMilliseconds} ms, " +
        $"MaxConcurrentWorkflows={MaxConcurrentWorkflows}, EnableIndexes={EnableIndexes}, persistence=MemoryPersistenceProvider, queue=SingleNodeQueueProvider";
}

public sealed class BenchData
{
    public string Key { get; set; } = "";
    public bool Worked { get; set; }
}

/// <summary>The service step: sets a variable, like our handler.</summary>
public sealed class WorkStep : StepBody
{
    public override ExecutionResult Run(IStepExecutionContext context)
    {
        ((BenchData)context.Workflow.Data).Worked = true;
        return ExecutionResult.Next();
    }
}

/// <summary>start → service → end: one step (start and end are the instance's own start and completion).</summary>
public sealed class SimpleWorkflow : IWorkflow<BenchData>
{
    public string Id => "bench_simple";
    public int Version => 1;
    public void Build(IWorkflowBuilder<BenchData> builder) => builder.StartWith<WorkStep>();
}

/// <summary>The approval: four times (service step, then wait for an "approve" event keyed by the instance).</summary>
public sealed class ApprovalWorkflow : IWorkflow<BenchData>
{
    public const string EventName = "approve";
    public string Id => "bench_approval";
    public int Version => 1;

    public void Build(IWorkflowBuilder<BenchData> builder) => builder
        .StartWith<WorkStep>()
        .WaitFor(EventName, (d, _) => d.Key, d => DateTime.UtcNow)
        .Then<WorkStep>()
        .WaitFor(EventName, (d, _) => d.Key, d => DateTime.UtcNow)
        .Then<WorkStep>()
        .WaitFor(EventName, (d, _) => d.Key, d => DateTime.UtcNow)
        .Then<WorkStep>()
        .WaitFor(EventName, (d, _) => d.Key, d => DateTime.UtcNow);
}

/// <summary>
/// One WorkflowCore host on the in-memory persistence provider. Its persistence is wrapped so the
/// benchmark learns, at the moment it happens, that an instance subscribed to its next event (the
/// next approval can be accepted) or was saved as complete. Use a fresh host per batch: the
/// in-memory provider keeps every instance, subscription and event in lists it scans under a lock.
/// </summary>
public sealed class WorkflowCoreRunner : IDisposable
{
    private readonly ServiceProvider _services;
    private readonly IWorkflowHost _host;
    private readonly ConcurrentDictionary<string, Tracker> _trackers = new(StringComparer.Ordinal);

    public WorkflowCoreRunner(WorkflowCoreSettings? settings = null)
    {
        Settings = settings ?? WorkflowCoreSettings.Default;
        // WorkflowCore resolves its persistence factory per consumer (transient): hand out one store.
        var persistence = new SignallingPersistence(new MemoryPersistenceProvider(), this);
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddTransient<WorkStep>();
        services.AddWorkflow(o =>
        {
            o.UsePersistence(_ => persistence);
            o.UsePollInterval(Settings.PollInterval);
            o.UseIdleTime(Settings.IdleTime);
            o.UseMaxConcurrentWorkflows(Settings.MaxConcurrentWorkflows);
            o.EnableIndexes = Settings.EnableIndexes;
        });
        _services = services.BuildServiceProvider();
        _host = _services.GetRequiredService<IWorkflowHost>();
        _host.RegisterWorkflow<SimpleWorkflow, BenchData>();
        _host.RegisterWorkflow<ApprovalWorkflow, BenchData>();
        _host.Start();
    }

    public WorkflowCoreSettings Settings { get; }

    /// <summary>Starts <paramref name="count"/> simple instances and waits for all; returns how many completed.</summary>
    public async Task<int> RunSimpleBatchAsync(int count, TimeSpan? timeout = null)
    {
        var trackers = new Tracker[count];
        for (var i = 0; i < count; i++)
        {
            var t = trackers[i] = Track();
            await _host.StartWorkflow("bench_simple", 1, new BenchData { Key = t.Key });
        }
        var all = Task.WhenAll(trackers.Select(t => t.Completed.Task));
        if (await Task.WhenAny(all, Task.Delay(timeout ?? TimeSpan.FromMinutes(2))) != all)
            throw new TimeoutException($"WorkflowCore completed {trackers.Count(t => t.Completed.Task.IsCompleted)} of {count} simple instances in time.");
        return trackers.Count(t => t.Data is { Worked: true });
    }

    /// <summary>
    /// Runs <paramref name="count"/> approval instances, at most <paramref name="concurrency"/> in flight;
    /// each approval is published as soon as the instance waits for it. With <paramref name="latencies"/>,
    /// records the Stopwatch ticks from PublishEvent to the next subscription (or completion) being saved.
    /// </summary>
    public async Task<int> RunApprovalBatchAsync(int count, int concurrency, List<long>? latencies = null, TimeSpan? timeout = null)
    {
        var perInstance = new long[count][];
        var completed = 0;
        using var gate = new SemaphoreSlim(concurrency);
        var next = -1;
        async Task Drive()
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < count)
            {
                var samples = perInstance[i] = new long[4];
                var t = Track();
                var ready = t.ArmWait();
                await _host.StartWorkflow("bench_approval", 1, new BenchData { Key = t.Key });
                for (var step = 0; step < 4; step++)
                {
                    await ready;
                    ready = step < 3 ? t.ArmWait() : t.Completed.Task;
                    var started = Stopwatch.GetTimestamp();
                    await _host.PublishEvent(ApprovalWorkflow.EventName, t.Key, null);
                    await ready;
                    samples[step] = t.ReadyAt - started;
                }
                if (t.Data is { Worked: true }) Interlocked.Increment(ref completed);
            }
        }
        var drivers = Task.WhenAll(Enumerable.Range(0, Math.Min(concurrency, count)).Select(_ => Task.Run(Drive)));
        if (await Task.WhenAny(drivers, Task.Delay(timeout ?? TimeSpan.FromMinutes(10))) != drivers)
            throw new TimeoutException($"WorkflowCore completed {completed} of {count} approval instances in time.");
        await drivers;
        if (latencies is not null)
            foreach (var samples in perInstance) latencies.AddRange(samples);
        return completed;
    }

    private Tracker Track()
    {
        var tracker = new Tracker(Guid.NewGuid().ToString("N"));
        _trackers[tracker.Key] = tracker;
        return tracker;
    }

    private void Subscribed(EventSubscription subscription)
    {
        if (subscription.EventKey is { } key && _trackers.TryGetValue(key, out var t)) t.SignalWait();
    }

    private void Saved(WorkflowInstance workflow)
    {
        if (workflow.Status == WorkflowStatus.Complete && workflow.Data is BenchData data && _trackers.TryRemove(data.Key, out var t))
            t.SignalCompleted(data);
    }

    public void Dispose()
    {
        _host.Stop();
        _services.Dispose();
    }

    private sealed class Tracker(string key)
    {
        private TaskCompletionSource? _wait;
        public string Key { get; } = key;
        public long ReadyAt { get; private set; }
        public BenchData? Data { get; private set; }
        public TaskCompletionSource Completed { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task ArmWait()
        {
            var wait = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            Volatile.Write(ref _wait, wait);
            return wait.Task;
        }

        public void SignalWait()
        {
            var now = Stopwatch.GetTimestamp();
            var wait = Interlocked.Exchange(ref _wait, null);
            if (wait is null) return;
            ReadyAt = now;
            wait.TrySetResult();
        }

        public void SignalCompleted(BenchData data)
        {
            ReadyAt = Stopwatch.GetTimestamp();
            Data = data;
            Completed.TrySetResult();
        }
    }

    /// <summary>The in-memory provider, unchanged, with a signal after subscriptions and completions are saved.</summary>
    private sealed class SignallingPersistence(IPersistenceProvider inner, WorkflowCoreRunner runner) : IPersistenceProvider
    {
        public bool SupportsScheduledCommands => inner.SupportsScheduledCommands;

        public async Task<string> CreateNewWorkflow(WorkflowInstance workflow, CancellationToken cancellationToken = default) =>
            await inner.CreateNewWorkflow(workflow, cancellationToken);

        public async Task PersistWorkflow(WorkflowInstance workflow, CancellationToken cancellationToken = default)
        {
            await inner.PersistWorkflow(workflow, cancellationToken);
            runner.Saved(workflow);
        }

        public async Task PersistWorkflow(WorkflowInstance workflow, List<EventSubscription> subscriptions, CancellationToken cancellationToken = default)
        {
            await inner.PersistWorkflow(workflow, subscriptions, cancellationToken);
            if (subscriptions is not null) // WorkflowCore passes null when the executor did not run
                foreach (var s in subscriptions) runner.Subscribed(s);
            runner.Saved(workflow);
        }

        public Task<IEnumerable<string>> GetRunnableInstances(DateTime asAt, CancellationToken cancellationToken = default) =>
            inner.GetRunnableInstances(asAt, cancellationToken);

        [Obsolete("Obsolete in WorkflowCore; forwarded as is.")]
#pragma warning disable CS0612 // the interface member is obsolete, but must still be implemented
        public Task<IEnumerable<WorkflowInstance>> GetWorkflowInstances(WorkflowStatus? status, string type, DateTime? createdFrom, DateTime? createdTo, int skip, int take) =>
            inner.GetWorkflowInstances(status, type, createdFrom, createdTo, skip, take);
#pragma warning restore CS0612

        public Task<WorkflowInstance> GetWorkflowInstance(string Id, CancellationToken cancellationToken = default) =>
            inner.GetWorkflowInstance(Id, cancellationToken);

        public Task<IEnumerable<WorkflowInstance>> GetWorkflowInstances(IEnumerable<string> ids, CancellationToken cancellationToken = default) =>
            inner.GetWorkflowInstances(ids, cancellationToken);

        public async Task<string> CreateEventSubscription(EventSubscription subscription, CancellationToken cancellationToken = default)
        {
            var id = await inner.CreateEventSubscription(subscription, cancellationToken);
            runner.Subscribed(subscription);
            return id;
        }

        public Task<IEnumerable<EventSubscription>> GetSubscriptions(string eventName, string eventKey, DateTime asOf, CancellationToken cancellationToken = default) =>
            inner.GetSubscriptions(eventName, eventKey, asOf, cancellationToken);

        public Task TerminateSubscription(string eventSubscriptionId, CancellationToken cancellationToken = default) =>
            inner.TerminateSubscription(eventSubscriptionId, cancellationToken);

        public Task<EventSubscription> GetSubscription(string eventSubscriptionId, CancellationToken cancellationToken = default) =>
            inner.GetSubscription(eventSubscriptionId, cancellationToken);

        public Task<EventSubscription> GetFirstOpenSubscription(string eventName, string eventKey, DateTime asOf, CancellationToken cancellationToken = default) =>
            inner.GetFirstOpenSubscription(eventName, eventKey, asOf, cancellationToken);

        public Task<bool> SetSubscriptionToken(string eventSubscriptionId, string token, string workerId, DateTime expiry, CancellationToken cancellationToken = default) =>
            inner.SetSubscriptionToken(eventSubscriptionId, token, workerId, expiry, cancellationToken);

        public Task ClearSubscriptionToken(string eventSubscriptionId, string token, CancellationToken cancellationToken = default) =>
            inner.ClearSubscriptionToken(eventSubscriptionId, token, cancellationToken);

        public Task<string> CreateEvent(Event newEvent, CancellationToken cancellationToken = default) =>
            inner.CreateEvent(newEvent, cancellationToken);

        public Task<Event> GetEvent(string id, CancellationToken cancellationToken = default) =>
            inner.GetEvent(id, cancellationToken);

        public Task<IEnumerable<string>> GetRunnableEvents(DateTime asAt, CancellationToken cancellationToken = default) =>
            inner.GetRunnableEvents(asAt, cancellationToken);

        public Task<IEnumerable<string>> GetEvents(string eventName, string eventKey, DateTime asOf, CancellationToken cancellationToken = default) =>
            inner.GetEvents(eventName, eventKey, asOf, cancellationToken);

        public Task MarkEventProcessed(string id, CancellationToken cancellationToken = default) =>
            inner.MarkEventProcessed(id, cancellationToken);

        public Task MarkEventUnprocessed(string id, CancellationToken cancellationToken = default) =>
            inner.MarkEventUnprocessed(id, cancellationToken);

        public Task PersistErrors(IEnumerable<ExecutionError> errors, CancellationToken cancellationToken = default) =>
            inner.PersistErrors(errors, cancellationToken);

        public void EnsureStoreExists() => inner.EnsureStoreExists();

        public Task ScheduleCommand(ScheduledCommand command) => inner.ScheduleCommand(command);

        public Task ProcessCommands(DateTimeOffset asOf, Func<ScheduledCommand, Task> action, CancellationToken cancellationToken = default) =>
            inner.ProcessCommands(asOf, action, cancellationToken);
    }
}
