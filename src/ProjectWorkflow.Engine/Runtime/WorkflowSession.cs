using System.Text.Json;
using System.Text.Json.Nodes;
using ProjectWorkflow.Engine.Definitions;

namespace ProjectWorkflow.Engine.Runtime;

/// <summary>
/// One unit of work against the store: commands run here change instances in memory, and the caller
/// saves <see cref="Touched"/> with <see cref="Journal"/> and <see cref="Effects"/> in one transaction.
/// </summary>
public sealed partial class WorkflowSession
{
    private readonly IWorkflowStore _store;
    private readonly Dictionary<Guid, ProcessInstance> _touched = [];
    private readonly HashSet<Guid> _created = [];
    private readonly Dictionary<string, ProcessDefinition> _definitions = new(StringComparer.Ordinal);
    private readonly List<JournalEntry> _journal = [];
    private readonly List<EngineEffect> _effects = [];
    private readonly Queue<FollowUp> _followUps = new();

    internal WorkflowSession(WorkflowEngine engine, IWorkflowStore store, Actor actor, IServiceProvider? services)
    {
        Engine = engine;
        _store = store;
        Actor = actor;
        Services = services;
    }

    /// <summary>Handed to service task handlers, so they can work in the host's unit of work.</summary>
    public IServiceProvider? Services { get; }

    public WorkflowEngine Engine { get; }
    public Actor Actor { get; }
    internal DateTimeOffset Now => Engine.Time.GetUtcNow();

    /// <summary>Every instance this session loaded or started, changed or not.</summary>
    public IReadOnlyCollection<ProcessInstance> Touched => _touched.Values;

    /// <summary>Instances started in this session (to insert rather than update).</summary>
    public IReadOnlySet<Guid> Created => _created;

    public IReadOnlyList<JournalEntry> Journal => _journal;
    public IReadOnlyList<EngineEffect> Effects => _effects;

    internal void AddJournal(JournalEntry entry) => _journal.Add(entry);
    internal void AddEffect(EngineEffect effect) => _effects.Add(effect);

    /// <summary>Starts an instance of a deployed definition at its none start event (or the start event named).</summary>
    public async Task<ProcessInstance> StartAsync(
        ProcessDefinition definition, Guid instanceId, string? businessKey, JsonObject? variables,
        string? startEventId = null, CancellationToken cancellationToken = default)
    {
        var instance = NewInstance(definition, instanceId, businessKey, variables);
        var run = new InstanceRun(this, instance, definition, Actor.Id, cancellationToken);
        run.Journal(definition.Process, "started", businessKey);
        var start = startEventId is null
            ? definition.Process.NoneStart ?? throw WorkflowException.Invalid($"The process '{definition.Key}' has no start event.", $"流程 '{definition.Key}' 没有开始事件。")
            : definition.Process.NodesById.GetValueOrDefault(startEventId) as Model.StartEvent
              ?? throw WorkflowException.Invalid($"The process '{definition.Key}' has no start event '{startEventId}'.", $"流程 '{definition.Key}' 没有开始事件 '{startEventId}'。");
        run.ArmEventSubProcesses(null, definition.Process);
        run.Enter(run.NewExecution(null, start.Id), start);
        await run.RunAsync();
        await RunFollowUpsAsync(cancellationToken);
        return instance;
    }

    private ProcessInstance NewInstance(ProcessDefinition definition, Guid instanceId, string? businessKey, JsonObject? variables)
    {
        if (_touched.ContainsKey(instanceId)) throw WorkflowException.Conflict($"The instance {instanceId} already exists.", $"流程实例 {instanceId} 已存在。");
        var instance = new ProcessInstance
        {
            Id = instanceId,
            DefinitionId = definition.Id,
            DefinitionKey = definition.Key,
            Version = definition.Version,
            BusinessKey = businessKey,
            Status = InstanceStatus.Running,
            StartedAt = Now,
            StartedBy = Actor.Id,
            Variables = variables is null ? [] : (JsonObject)variables.DeepClone(),
        };
        _touched[instance.Id] = instance;
        _created.Add(instance.Id);
        _definitions.TryAdd(definition.Id, definition);
        return instance;
    }

    /// <summary>Loads an instance for change, or throws NotFound.</summary>
    public async ValueTask<ProcessInstance> GetInstanceAsync(Guid instanceId, CancellationToken cancellationToken = default)
    {
        if (_touched.TryGetValue(instanceId, out var cached)) return cached;
        var instance = await _store.FindInstanceAsync(instanceId, cancellationToken)
            ?? throw WorkflowException.NotFound($"There is no process instance {instanceId}.", $"流程实例 {instanceId} 不存在。");
        _touched[instanceId] = instance;
        return instance;
    }

    private async ValueTask<ProcessDefinition> DefinitionOfAsync(ProcessInstance instance, CancellationToken cancellationToken)
    {
        if (_definitions.TryGetValue(instance.DefinitionId, out var cached)) return cached;
        var definition = await _store.FindDefinitionAsync(instance.DefinitionId, cancellationToken)
            ?? throw WorkflowException.NotFound($"The definition {instance.DefinitionId} of instance {instance.Id} is not deployed.", $"流程实例 {instance.Id} 的流程定义 {instance.DefinitionId} 未部署。");
        _definitions[definition.Id] = definition;
        return definition;
    }

    /// <summary>Opens a run on a live instance: the common start of every command.</summary>
    private async ValueTask<(ProcessInstance Instance, InstanceRun Run)> OpenRunAsync(
        Guid instanceId, CancellationToken cancellationToken, bool keepWithdrawPoint = false)
    {
        var instance = await GetInstanceAsync(instanceId, cancellationToken);
        if (instance.IsEnded)
            throw WorkflowException.Conflict($"The process instance {instanceId} has already ended ({instance.Status.ToString().ToLowerInvariant()}).", $"流程实例 {instanceId} 已结束（{instance.Status.ToString().ToLowerInvariant()}）。");
        var definition = await DefinitionOfAsync(instance, cancellationToken);
        if (!keepWithdrawPoint) instance.WithdrawPoint = null;
        return (instance, new InstanceRun(this, instance, definition, Actor.Id, cancellationToken));
    }

    private async Task FinishAsync(InstanceRun run, CancellationToken cancellationToken)
    {
        await run.RunAsync();
        await RunFollowUpsAsync(cancellationToken);
    }

    /// <summary>
    /// Fires a due timer, or runs a due job (a failed job's try is recorded in this same session). Returns false when
    /// it is gone (its activity finished first) or not yet due.
    /// </summary>
    public async Task<bool> FireTimerAsync(Guid instanceId, Guid bookmarkId, CancellationToken cancellationToken = default)
    {
        var instance = await GetInstanceAsync(instanceId, cancellationToken);
        if (instance.IsEnded) return false;
        var bookmark = instance.Bookmarks.Find(b => b.Id == bookmarkId && b.Kind is BookmarkKind.Timer or BookmarkKind.Job);
        if (bookmark is null || bookmark.DueAt > Now) return false;
        if (bookmark.Kind == BookmarkKind.Job) return await ExecuteJobAsync(instanceId, bookmarkId, recordFailure: true, cancellationToken);
        var (_, run) = await OpenRunAsync(instanceId, cancellationToken);
        run.Fire(bookmark, null);
        await FinishAsync(run, cancellationToken);
        return true;
    }

    /// <summary>
    /// Runs a due job: the token goes on past its asynchronous continuation to its next wait state. When the run fails,
    /// nothing of it is kept; with <paramref name="recordFailure"/> the failed try is counted here (the next try
    /// scheduled, or an incident when none is left), otherwise <see cref="JobFailedException"/> is thrown so the host can
    /// throw away its own staged work and call <see cref="RecordJobFailureAsync"/> in a new session.
    /// Returns false when the job is gone or not yet due.
    /// </summary>
    public async Task<bool> ExecuteJobAsync(Guid instanceId, Guid jobId, bool recordFailure = true, CancellationToken cancellationToken = default)
    {
        var instance = await GetInstanceAsync(instanceId, cancellationToken);
        if (instance.IsEnded) return false;
        var job = instance.Bookmarks.Find(b => b.Id == jobId && b.Kind == BookmarkKind.Job);
        if (job is null || job.DueAt > Now) return false;

        var before = JsonSerializer.Serialize(instance, RuntimeJson.Options);
        var journalMark = _journal.Count;
        var effectMark = _effects.Count;
        var touchedBefore = _touched.Keys.ToHashSet();
        var followUpMark = _followUps.Count;
        var (_, run) = await OpenRunAsync(instanceId, cancellationToken);
        run.RunJob(job);
        try
        {
            await run.RunAsync();
        }
        catch (Exception failure) when (failure is not OperationCanceledException)
        {
            instance.RestoreFrom(JsonSerializer.Deserialize<ProcessInstance>(before, RuntimeJson.Options)!);
            _journal.RemoveRange(journalMark, _journal.Count - journalMark);
            _effects.RemoveRange(effectMark, _effects.Count - effectMark);
            var keptFollowUps = _followUps.Take(followUpMark).ToList();
            _followUps.Clear();
            foreach (var followUp in keptFollowUps) _followUps.Enqueue(followUp);
            foreach (var id in _touched.Keys.Where(id => !touchedBefore.Contains(id)).ToList())
            {
                _touched.Remove(id);
                _created.Remove(id);
            }
            var failed = failure as JobFailedException ?? new JobFailedException(instanceId, jobId, job.ElementId, failure);
            if (!recordFailure) throw failed;
            await RecordJobFailureAsync(instanceId, jobId, failed.Reason, cancellationToken);
            return true;
        }
        await RunFollowUpsAsync(cancellationToken);
        return true;
    }

    /// <summary>Counts a failed try of a job: it is tried again when its retry cycle allows, otherwise it becomes an incident.</summary>
    public async Task<bool> RecordJobFailureAsync(Guid instanceId, Guid jobId, string reason, CancellationToken cancellationToken = default)
    {
        var instance = await GetInstanceAsync(instanceId, cancellationToken);
        if (instance.IsEnded) return false;
        var job = instance.Bookmarks.Find(b => b.Id == jobId && b.Kind == BookmarkKind.Job);
        if (job is null) return false;
        var (_, run) = await OpenRunAsync(instanceId, cancellationToken);
        run.RecordJobFailure(job, reason);
        return true;
    }

    /// <summary>Delivers a message to one waiting bookmark. Returns false when nobody waits there any more.</summary>
    public async Task<bool> DeliverMessageAsync(Guid instanceId, Guid bookmarkId, JsonObject? variables, CancellationToken cancellationToken = default)
    {
        var instance = await GetInstanceAsync(instanceId, cancellationToken);
        if (instance.IsEnded) return false;
        var bookmark = instance.Bookmarks.Find(b => b.Id == bookmarkId && b.Kind == BookmarkKind.Message);
        if (bookmark is null) return false;
        var (_, run) = await OpenRunAsync(instanceId, cancellationToken);
        run.Fire(bookmark, variables);
        await FinishAsync(run, cancellationToken);
        return true;
    }

    /// <summary>
    /// Delivers one message to an instance: of the events there waiting for this name and key, only the one that
    /// began waiting first is resumed (as in Camunda, one delivery resumes one event; a second delivery the next).
    /// Returns false when nothing there waits for it.
    /// </summary>
    public async Task<bool> DeliverMessageAsync(Guid instanceId, string name, string? correlationKey, JsonObject? variables, CancellationToken cancellationToken = default)
    {
        var instance = await GetInstanceAsync(instanceId, cancellationToken);
        if (instance.IsEnded) return false;
        var first = instance.Bookmarks.Find(b => b.Kind == BookmarkKind.Message
            && string.Equals(b.MessageName, name, StringComparison.Ordinal) && string.Equals(b.CorrelationKey, correlationKey, StringComparison.Ordinal));
        return first is not null && await DeliverMessageAsync(instanceId, first.Id, variables, cancellationToken);
    }

    /// <summary>Runs a failed step again, after setting any corrected variables.</summary>
    public async Task RetryIncidentAsync(Guid instanceId, Guid incidentId, JsonObject? variables, CancellationToken cancellationToken = default)
    {
        var (instance, run) = await OpenRunAsync(instanceId, cancellationToken);
        var incident = instance.Incidents.Find(i => i.Id == incidentId)
            ?? throw WorkflowException.NotFound($"The instance {instanceId} has no open incident {incidentId}.", $"流程实例 {instanceId} 中没有未处理的故障 {incidentId}。");
        run.SetVariables(variables);
        run.Retry(incident);
        await FinishAsync(run, cancellationToken);
    }

    /// <summary>Sets variables on a running instance; only conditional events whose condition the change makes true move on.</summary>
    public async Task SetVariablesAsync(Guid instanceId, JsonObject variables, CancellationToken cancellationToken = default)
    {
        var (instance, run) = await OpenRunAsync(instanceId, cancellationToken);
        run.SetVariables(variables);
        run.Journal(instance.DefinitionKey, "process", "variablesSet", string.Join(", ", variables.Select(v => v.Key)));
        await FinishAsync(run, cancellationToken); // conditional events see the change
    }

    /// <summary>Stops the instance for good: cancelled (withdrawn by its owner, an error) or terminated (终止, a decision).</summary>
    public async Task EndAsync(Guid instanceId, InstanceStatus status, string reason, CancellationToken cancellationToken = default)
    {
        if (status is not (InstanceStatus.Cancelled or InstanceStatus.Terminated))
            throw WorkflowException.Invalid("An instance can only be ended as cancelled or terminated.", "流程实例只能以取消或终止的方式结束。");
        if (string.IsNullOrWhiteSpace(reason)) throw WorkflowException.Invalid("Give a reason: it is kept in the journal.", "请填写原因，原因将记入流程日志。");
        var (_, run) = await OpenRunAsync(instanceId, cancellationToken);
        run.EndInstance(status, reason, resumeParent: false);
        await FinishAsync(run, cancellationToken);
    }
}
