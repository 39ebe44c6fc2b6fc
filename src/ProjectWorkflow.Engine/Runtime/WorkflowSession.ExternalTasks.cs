using System.Text.Json.Nodes;

namespace ProjectWorkflow.Engine.Runtime;

/// <summary>An external task as a worker gets it when it locks it (the shape Camunda's fetchAndLock answers).</summary>
public sealed record LockedExternalTask(
    Guid Id, Guid InstanceId, string DefinitionKey, string? BusinessKey, string ElementId, string Topic,
    string WorkerId, DateTimeOffset LockExpiresAt, int? Retries, string? ErrorMessage, JsonObject Variables, long Priority = 0);

/// <summary>Camunda's external-task commands: each on one instance, in one transaction, like every other command.</summary>
public sealed partial class WorkflowSession
{
    /// <summary>
    /// Locks one external task for a worker, or null when it cannot be had: gone, held by another worker's lock that has
    /// not expired, waiting out a retry timeout, or out of retries. A lock that expired may be taken by anyone.
    /// </summary>
    public async Task<LockedExternalTask?> LockExternalTaskAsync(Guid instanceId, Guid taskId, string workerId, TimeSpan lockDuration, CancellationToken cancellationToken = default)
    {
        var instance = await GetInstanceAsync(instanceId, cancellationToken);
        if (instance.IsEnded) return null;
        var task = instance.Bookmarks.Find(b => b.Id == taskId && b.Kind == BookmarkKind.ExternalTask);
        if (task is null || task.Retries == 0 || task.DueAt > Now) return null;
        var (_, run) = await OpenRunAsync(instanceId, cancellationToken, keepWithdrawPoint: true);
        run.LockExternalTask(task, workerId, lockDuration);
        return new LockedExternalTask(task.Id, instance.Id, instance.DefinitionKey, instance.BusinessKey, task.ElementId, task.MessageName ?? "",
            workerId, task.DueAt!.Value, task.Retries, task.LastError, run.VariablesFor(task), task.Priority ?? 0);
    }

    public async Task CompleteExternalTaskAsync(Guid instanceId, Guid taskId, string workerId, JsonObject? variables, JsonObject? localVariables, CancellationToken cancellationToken = default)
    {
        var (run, task) = await OpenExternalTaskAsync(instanceId, taskId, workerId, cancellationToken);
        run.CompleteExternalTask(task, variables, localVariables);
        await FinishAsync(run, cancellationToken);
    }

    public async Task FailExternalTaskAsync(Guid instanceId, Guid taskId, string workerId, string? errorMessage, int retries, TimeSpan retryTimeout, CancellationToken cancellationToken = default)
    {
        var (run, task) = await OpenExternalTaskAsync(instanceId, taskId, workerId, cancellationToken);
        run.FailExternalTask(task, errorMessage, retries, retryTimeout);
        await FinishAsync(run, cancellationToken);
    }

    public async Task ExternalTaskBpmnErrorAsync(Guid instanceId, Guid taskId, string workerId, string errorCode, string? errorMessage, JsonObject? variables, CancellationToken cancellationToken = default)
    {
        var (run, task) = await OpenExternalTaskAsync(instanceId, taskId, workerId, cancellationToken);
        run.ExternalTaskBpmnError(task, errorCode, errorMessage, variables);
        await FinishAsync(run, cancellationToken);
    }

    public async Task ExtendExternalTaskLockAsync(Guid instanceId, Guid taskId, string workerId, TimeSpan newDuration, CancellationToken cancellationToken = default)
    {
        var (run, task) = await OpenExternalTaskAsync(instanceId, taskId, workerId, cancellationToken);
        run.ExtendExternalTaskLock(task, newDuration);
    }

    /// <summary>Releases the lock whoever holds it (Camunda's unlock), so any worker may fetch the task again.</summary>
    public async Task UnlockExternalTaskAsync(Guid instanceId, Guid taskId, CancellationToken cancellationToken = default)
    {
        var (instance, run) = await OpenRunAsync(instanceId, cancellationToken, keepWithdrawPoint: true);
        var task = instance.Bookmarks.Find(b => b.Id == taskId && b.Kind == BookmarkKind.ExternalTask)
            ?? throw WorkflowException.NotFound($"The instance {instanceId} has no external task {taskId}.", $"流程实例 {instanceId} 中没有外部任务 {taskId}。");
        run.UnlockExternalTask(task);
    }

    /// <summary>Camunda's <c>PUT /external-task/{id}/retries</c>: 0 raises an incident, more resolves one and lets workers fetch the task again.</summary>
    public async Task SetExternalTaskRetriesAsync(Guid instanceId, Guid taskId, int retries, CancellationToken cancellationToken = default)
    {
        var (instance, run) = await OpenRunAsync(instanceId, cancellationToken, keepWithdrawPoint: true);
        var task = instance.Bookmarks.Find(b => b.Id == taskId && b.Kind == BookmarkKind.ExternalTask)
            ?? throw WorkflowException.NotFound($"The instance {instanceId} has no external task {taskId}.", $"流程实例 {instanceId} 中没有外部任务 {taskId}。");
        run.SetExternalTaskRetries(task, retries);
    }

    /// <summary>Camunda's <c>PUT /external-task/{id}/priority</c>.</summary>
    public async Task SetExternalTaskPriorityAsync(Guid instanceId, Guid taskId, long priority, CancellationToken cancellationToken = default)
    {
        var (instance, run) = await OpenRunAsync(instanceId, cancellationToken, keepWithdrawPoint: true);
        var task = instance.Bookmarks.Find(b => b.Id == taskId && b.Kind == BookmarkKind.ExternalTask)
            ?? throw WorkflowException.NotFound($"The instance {instanceId} has no external task {taskId}.", $"流程实例 {instanceId} 中没有外部任务 {taskId}。");
        run.SetExternalTaskPriority(task, priority);
    }

    /// <summary>A command from the worker that holds the lock: another worker, or a lock that expired, is refused as Camunda refuses it (a bad request).</summary>
    private async Task<(InstanceRun Run, Bookmark Task)> OpenExternalTaskAsync(Guid instanceId, Guid taskId, string workerId, CancellationToken cancellationToken)
    {
        var (instance, run) = await OpenRunAsync(instanceId, cancellationToken);
        var task = instance.Bookmarks.Find(b => b.Id == taskId && b.Kind == BookmarkKind.ExternalTask)
            ?? throw WorkflowException.NotFound($"The instance {instanceId} has no external task {taskId}.", $"流程实例 {instanceId} 中没有外部任务 {taskId}。");
        if (task.WorkerId is null || task.DueAt is not { } expires || expires <= Now)
            throw WorkflowException.Invalid($"The external task {taskId} is not locked (or its lock expired); fetch and lock it first.", $"外部任务 {taskId} 未被锁定（或锁定已过期），请先获取并锁定该任务。");
        if (!string.Equals(task.WorkerId, workerId, StringComparison.Ordinal))
            throw WorkflowException.Invalid($"The external task {taskId} is locked by another worker ('{task.WorkerId}'), not by '{workerId}'.", $"外部任务 {taskId} 已被其他执行端（“{task.WorkerId}”）锁定，而非“{workerId}”。");
        return (run, task);
    }
}
