using Microsoft.EntityFrameworkCore;
using ProjectWorkflow.Application.Persistence;
using ProjectWorkflow.Application.Validation;
using ProjectWorkflow.Application.Workflows.Storage;
using ProjectWorkflow.Engine.Runtime;

namespace ProjectWorkflow.Application.Workflows.ExternalTasks;

public sealed record FetchTopic(string? TopicName, long? LockDuration, List<string>? Variables);

public sealed record FetchAndLockRequest(string? WorkerId, int? MaxTasks, bool? UsePriority, long? AsyncResponseTimeout, List<FetchTopic>? Topics);

/// <summary>A locked external task in the shape Camunda's <c>fetchAndLock</c> answers.</summary>
public sealed record FetchedExternalTask(
    string Id, string TopicName, string WorkerId, DateTimeOffset LockExpirationTime, string ActivityId, string ActivityInstanceId,
    string ExecutionId, string ProcessInstanceId, string ProcessDefinitionId, string ProcessDefinitionKey, string? BusinessKey,
    int? Retries, string? ErrorMessage, string? ErrorDetails, bool Suspended, long Priority, string? TenantId,
    Dictionary<string, TypedValue> Variables);

/// <summary>
/// <c>POST /engine-rest/external-task/fetchAndLock</c>: a worker takes up to <c>maxTasks</c> external tasks of its topics,
/// each locked for it for the topic's <c>lockDuration</c>; a task another worker holds is skipped until that lock expires.
/// Each lock is one command on its instance (its own transaction and audit entry). With nothing to do and an
/// <c>asyncResponseTimeout</c>, the answer waits (long polling, at most <see cref="MaxWait"/>) for work to appear.
/// With <c>usePriority</c> the tasks of highest priority (<c>camunda:taskPriority</c>) come first, then the oldest instance's.
/// </summary>
public sealed class FetchAndLockExternalTasks(ProjectWorkflowDbContext db, WorkflowCommands commands, TimeProvider time)
{
    public const int MaxTasks = 100;
    public const int MaxTopics = 50;
    public static readonly TimeSpan MaxWait = TimeSpan.FromSeconds(20);
    private static readonly TimeSpan PollEvery = TimeSpan.FromMilliseconds(250);

    public async Task<IReadOnlyList<FetchedExternalTask>> HandleAsync(FetchAndLockRequest request, Actor actor, CancellationToken cancellationToken)
    {
        var workerId = ExternalTaskInstances.WorkerId(request.WorkerId);
        if (request.MaxTasks is not { } maxTasks || maxTasks < 1 || maxTasks > MaxTasks)
            throw InvalidRequestException.For("maxTasks", $"Ask for 1 to {MaxTasks} tasks.", $"一次取 1 至 {MaxTasks} 个任务。");
        if (request.Topics is not { Count: > 0 } topics || topics.Count > MaxTopics)
            throw InvalidRequestException.For("topics", $"Name 1 to {MaxTopics} topics.", $"请给出 1 至 {MaxTopics} 个主题。");
        var durations = new Dictionary<string, (TimeSpan Lock, List<string>? Variables)>(StringComparer.Ordinal);
        for (var i = 0; i < topics.Count; i++)
        {
            var topic = topics[i];
            if (string.IsNullOrWhiteSpace(topic.TopicName) || topic.TopicName.Length > TypedVariables.MaxNameLength)
                throw InvalidRequestException.For($"topics[{i}].topicName", "Name the topic (1 to 255 characters).", "请填写主题名（1 至 255 个字符）。");
            durations[topic.TopicName] = (ExternalTaskInstances.Duration(topic.LockDuration, $"topics[{i}].lockDuration"), topic.Variables);
        }
        if (request.AsyncResponseTimeout is < 0)
            throw InvalidRequestException.For("asyncResponseTimeout", "A wait in milliseconds is 0 or more.", "等待时长（毫秒）不能为负数。");
        var wait = TimeSpan.FromMilliseconds(Math.Min(request.AsyncResponseTimeout ?? 0, MaxWait.TotalMilliseconds));

        var until = time.GetUtcNow() + wait;
        while (true)
        {
            var fetched = await LockSomeAsync(workerId, maxTasks, request.UsePriority == true, durations, actor, cancellationToken);
            if (fetched.Count > 0 || time.GetUtcNow() + PollEvery > until) return fetched;
            await Task.Delay(PollEvery, time, cancellationToken);
        }
    }

    private async Task<List<FetchedExternalTask>> LockSomeAsync(string workerId, int maxTasks, bool usePriority,
        Dictionary<string, (TimeSpan Lock, List<string>? Variables)> topics, Actor actor, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var names = topics.Keys.ToList();
        var running = InstanceStatus.Running.ToString().ToLowerInvariant();
        // Free tasks: not locked, or locked by a lock that expired, or past a failure's retry timeout. The time is
        // compared here, not in SQL (SQLite cannot order or compare DateTimeOffset).
        var candidates = (await (
                from b in db.Set<BookmarkRecord>().AsNoTracking()
                join i in db.Set<InstanceRecord>().AsNoTracking() on b.InstanceId equals i.Id
                where b.Kind == ExternalTaskInstances.Kind && names.Contains(b.MessageName!) && i.Status == running
                select new { b.Id, b.InstanceId, b.DueAt, b.Priority, i.StartedAt })
            .ToListAsync(cancellationToken))
            .Where(c => c.DueAt is null || c.DueAt <= now)
            .OrderByDescending(c => usePriority ? c.Priority : 0).ThenBy(c => c.StartedAt).ThenBy(c => c.Id)
            .Take(maxTasks * 4)
            .ToList();

        var fetched = new List<FetchedExternalTask>();
        foreach (var candidate in candidates)
        {
            if (fetched.Count >= maxTasks) break;
            try
            {
                var locked = await LockAsync(candidate.InstanceId, candidate.Id, workerId, topics, actor, cancellationToken);
                if (locked is not null) fetched.Add(locked);
            }
            catch (WorkflowException e) when (e.Kind is WorkflowErrorKind.Conflict or WorkflowErrorKind.NotFound)
            {
                // Another worker took it (or it was finished) in the same moment: look at the next one.
                db.ChangeTracker.Clear();
            }
        }
        return fetched;
    }

    private Task<FetchedExternalTask?> LockAsync(Guid instanceId, Guid taskId, string workerId,
        Dictionary<string, (TimeSpan Lock, List<string>? Variables)> topics, Actor actor, CancellationToken cancellationToken) =>
        commands.RunAsync(actor, async session =>
        {
            // The topic is read again from the instance: the row may be older than the state.
            var instance = await session.GetInstanceAsync(instanceId, cancellationToken);
            var waiting = instance.Bookmarks.Find(b => b.Id == taskId && b.Kind == BookmarkKind.ExternalTask);
            if (waiting?.MessageName is not { } name || !topics.TryGetValue(name, out var topic)) return null;
            var task = await session.LockExternalTaskAsync(instanceId, taskId, workerId, topic.Lock, cancellationToken);
            return task is null ? null : Shape(task, instance.DefinitionId, topic.Variables);
        }, cancellationToken);

    private static FetchedExternalTask Shape(LockedExternalTask task, string definitionId, List<string>? variables) => new(
        task.Id.ToString("D"), task.Topic, task.WorkerId, task.LockExpiresAt, task.ElementId, $"{task.ElementId}:{task.Id:D}",
        task.Id.ToString("D"), task.InstanceId.ToString("D"), definitionId, task.DefinitionKey, task.BusinessKey,
        task.Retries, task.ErrorMessage, null, false, task.Priority, null,
        TypedVariables.Write(task.Variables, variables));
}
