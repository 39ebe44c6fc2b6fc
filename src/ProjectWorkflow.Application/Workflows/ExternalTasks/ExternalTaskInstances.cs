using Microsoft.EntityFrameworkCore;
using ProjectWorkflow.Application.Persistence;
using ProjectWorkflow.Application.Validation;
using ProjectWorkflow.Application.Workflows.Storage;
using ProjectWorkflow.Engine.Runtime;

namespace ProjectWorkflow.Application.Workflows.ExternalTasks;

/// <summary>Where an external task lives: its id is the id of its bookmark, whose row names the instance.</summary>
public sealed class ExternalTaskInstances(ProjectWorkflowDbContext db)
{
    public const int MaxWorkerIdLength = 255;
    public const int MaxErrorMessageLength = 4000;

    internal static readonly string Kind = BookmarkKind.ExternalTask.ToString().ToLowerInvariant();

    public async Task<Guid> InstanceOfAsync(Guid taskId, CancellationToken cancellationToken) =>
        await db.Set<BookmarkRecord>().AsNoTracking()
            .Where(b => b.Id == taskId && b.Kind == Kind)
            .Select(b => (Guid?)b.InstanceId)
            .FirstOrDefaultAsync(cancellationToken)
        ?? throw WorkflowException.NotFound($"There is no external task {taskId}.", $"外部任务 {taskId} 不存在。");

    public static string WorkerId(string? workerId)
    {
        if (string.IsNullOrWhiteSpace(workerId))
            throw InvalidRequestException.For("workerId", "Name the worker (workerId).", "请填写工作者标识（workerId）。");
        if (workerId.Length > MaxWorkerIdLength)
            throw InvalidRequestException.For("workerId", $"A worker id has at most {MaxWorkerIdLength} characters.", $"工作者标识最多 {MaxWorkerIdLength} 个字符。");
        return workerId;
    }

    /// <summary>A lock's length in milliseconds, as Camunda counts it: more than nothing, at most a day.</summary>
    public static TimeSpan Duration(long? milliseconds, string field)
    {
        if (milliseconds is not { } ms || ms <= 0 || ms > (long)TimeSpan.FromDays(1).TotalMilliseconds)
            throw InvalidRequestException.For(field, "Give the duration in milliseconds, more than 0 and at most one day (86400000).",
                "请以毫秒给出时长，大于 0 且不超过一天（86400000）。");
        return TimeSpan.FromMilliseconds(ms);
    }

    public static string? Text(string? text, string field)
    {
        if (text is { Length: > MaxErrorMessageLength })
            throw InvalidRequestException.For(field, $"At most {MaxErrorMessageLength} characters.", $"最多 {MaxErrorMessageLength} 个字符。");
        return text;
    }
}
