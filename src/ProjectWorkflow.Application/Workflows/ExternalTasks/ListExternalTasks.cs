using Microsoft.EntityFrameworkCore;
using ProjectWorkflow.Application.Persistence;
using ProjectWorkflow.Application.Validation;
using ProjectWorkflow.Application.Workflows.Storage;

namespace ProjectWorkflow.Application.Workflows.ExternalTasks;

/// <summary>The query of Camunda 7's <c>GET /external-task</c>, as its query parameters (text, checked here, so a bad one is a 400 naming it).</summary>
public sealed record ExternalTaskQuery(
    string? ExternalTaskId = null, string? TopicName = null, string? WorkerId = null, string? Locked = null, string? NotLocked = null,
    string? WithRetriesLeft = null, string? NoRetriesLeft = null, string? ActivityId = null, string? ProcessInstanceId = null,
    string? ProcessDefinitionKey = null, string? PriorityHigherThanOrEquals = null, string? PriorityLowerThanOrEquals = null,
    string? SortBy = null, string? SortOrder = null, string? FirstResult = null, string? MaxResults = null);

/// <summary>
/// <c>GET /engine-rest/external-task</c>: the external tasks waiting in running instances, filtered as Camunda filters them
/// (<c>topicName</c>, <c>workerId</c>, <c>locked</c>/<c>notLocked</c>, <c>withRetriesLeft</c>/<c>noRetriesLeft</c>,
/// <c>activityId</c>, <c>processInstanceId</c>, <c>processDefinitionKey</c>, priority bounds), sorted by <c>sortBy</c>
/// (<c>id</c>, <c>lockExpirationTime</c>, <c>processInstanceId</c>, <c>processDefinitionKey</c>, <c>taskPriority</c>) and paged
/// with <c>firstResult</c>/<c>maxResults</c> (at most <see cref="MaxResults"/> a page).
/// </summary>
public sealed class ListExternalTasks(ProjectWorkflowDbContext db, TimeProvider time)
{
    public const int MaxResults = 1000;
    private static readonly string[] Sorts = ["id", "lockExpirationTime", "processInstanceId", "processDefinitionKey", "taskPriority"];

    public async Task<IReadOnlyList<ExternalTaskView>> HandleAsync(ExternalTaskQuery query, CancellationToken cancellationToken)
    {
        var first = (int)(Number(query.FirstResult, "firstResult", 0, int.MaxValue) ?? 0);
        var max = (int)(Number(query.MaxResults, "maxResults", 0, MaxResults) ?? MaxResults);
        return (await MatchingAsync(query, cancellationToken)).Skip(first).Take(max).ToList();
    }

    /// <summary>Every task the query matches, sorted (the count route counts them; the list pages them).</summary>
    internal async Task<IEnumerable<ExternalTaskView>> MatchingAsync(ExternalTaskQuery query, CancellationToken cancellationToken)
    {
        var taskId = Id(query.ExternalTaskId, "externalTaskId");
        var instanceId = Id(query.ProcessInstanceId, "processInstanceId");
        var locked = Flag(query.Locked, "locked");
        var notLocked = Flag(query.NotLocked, "notLocked");
        var withRetriesLeft = Flag(query.WithRetriesLeft, "withRetriesLeft");
        var noRetriesLeft = Flag(query.NoRetriesLeft, "noRetriesLeft");
        var atLeast = Number(query.PriorityHigherThanOrEquals, "priorityHigherThanOrEquals", long.MinValue, long.MaxValue);
        var atMost = Number(query.PriorityLowerThanOrEquals, "priorityLowerThanOrEquals", long.MinValue, long.MaxValue);
        var sortBy = query.SortBy ?? "id";
        if (!Sorts.Contains(sortBy))
            throw InvalidRequestException.For("sortBy", $"Sort by one of: {string.Join(", ", Sorts)}.", $"排序字段须为：{string.Join("、", Sorts)}。");
        var descending = query.SortOrder switch
        {
            null or "asc" => false,
            "desc" => true,
            _ => throw InvalidRequestException.For("sortOrder", "Sort asc or desc.", "排序方向须为 asc 或 desc。"),
        };
        foreach (var (text, field) in new[] { (query.TopicName, "topicName"), (query.WorkerId, "workerId"), (query.ActivityId, "activityId"), (query.ProcessDefinitionKey, "processDefinitionKey") })
            if (text is { Length: > TypedVariables.MaxNameLength })
                throw InvalidRequestException.For(field, "At most 255 characters.", "最多 255 个字符。");

        var kind = ExternalTaskInstances.Kind;
        var rows = from b in db.Set<BookmarkRecord>().AsNoTracking()
                   join i in db.Set<InstanceRecord>().AsNoTracking() on b.InstanceId equals i.Id
                   where b.Kind == kind
                   select new { Bookmark = b, Instance = i };
        if (taskId is { } id) rows = rows.Where(r => r.Bookmark.Id == id);
        if (instanceId is { } instance) rows = rows.Where(r => r.Bookmark.InstanceId == instance);
        if (query.TopicName is { } topic) rows = rows.Where(r => r.Bookmark.MessageName == topic);
        if (query.WorkerId is { } worker) rows = rows.Where(r => r.Bookmark.WorkerId == worker);
        if (query.ActivityId is { } activity) rows = rows.Where(r => r.Bookmark.ElementId == activity);
        if (query.ProcessDefinitionKey is { } key) rows = rows.Where(r => r.Instance.DefinitionKey == key);
        if (atLeast is { } low) rows = rows.Where(r => r.Bookmark.Priority >= low);
        if (atMost is { } high) rows = rows.Where(r => r.Bookmark.Priority <= high);

        // Locks and retries live in the instance's state; the time is compared here (SQLite cannot compare DateTimeOffset).
        var now = time.GetUtcNow();
        var views = (await rows.ToListAsync(cancellationToken))
            .Select(r => ExternalTaskView.Of(r.Instance, r.Bookmark.Id))
            .OfType<ExternalTaskView>()
            .Where(v => locked != true || v.LockExpirationTime > now)
            .Where(v => notLocked != true || v.LockExpirationTime is null || v.LockExpirationTime <= now)
            .Where(v => withRetriesLeft != true || v.Retries is null or > 0)
            .Where(v => noRetriesLeft != true || v.Retries == 0);
        Func<ExternalTaskView, object?> order = sortBy switch
        {
            "lockExpirationTime" => v => v.LockExpirationTime,
            "processInstanceId" => v => v.ProcessInstanceId,
            "processDefinitionKey" => v => v.ProcessDefinitionKey,
            "taskPriority" => v => v.Priority,
            _ => v => v.Id,
        };
        var sorted = descending ? views.OrderByDescending(order).ThenBy(v => v.Id, StringComparer.Ordinal) : views.OrderBy(order).ThenBy(v => v.Id, StringComparer.Ordinal);
        return sorted;
    }

    private static Guid? Id(string? text, string field) =>
        text is null ? null
        : Guid.TryParse(text, out var id) ? id
        : throw InvalidRequestException.For(field, "Give an id (a GUID).", "请给出标识（GUID）。");

    private static bool? Flag(string? text, string field) => text switch
    {
        null => null,
        "true" => true,
        "false" => false,
        _ => throw InvalidRequestException.For(field, "Write true or false.", "请填写 true 或 false。"),
    };

    private static long? Number(string? text, string field, long min, long max) =>
        text is null ? null
        : long.TryParse(text, System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out var value) && value >= min && value <= max ? value
        : throw InvalidRequestException.For(field, $"Give a whole number from {min} to {max}.", $"请填写 {min} 至 {max} 之间的整数。");
}
