using System.Text.Json;
using ProjectWorkflow.Application.Workflows.Storage;
using ProjectWorkflow.Engine.Runtime;

namespace ProjectWorkflow.Application.Workflows.ExternalTasks;

/// <summary>An external task in the shape Camunda 7's <c>GET /external-task</c> and <c>GET /external-task/{id}</c> answer.</summary>
public sealed record ExternalTaskView(
    string Id, string TopicName, string? WorkerId, DateTimeOffset? LockExpirationTime, string ActivityId, string ActivityInstanceId,
    string ExecutionId, string ProcessInstanceId, string ProcessDefinitionId, string ProcessDefinitionKey, string? BusinessKey,
    int? Retries, string? ErrorMessage, bool Suspended, long Priority, string? TenantId)
{
    /// <summary>The view of one task, read from its instance's state; null when the state no longer holds it.</summary>
    internal static ExternalTaskView? Of(InstanceRecord instance, Guid taskId)
    {
        var state = JsonSerializer.Deserialize<ProcessInstance>(instance.State, RuntimeJson.Options);
        var task = state?.Bookmarks.Find(b => b.Id == taskId && b.Kind == BookmarkKind.ExternalTask);
        if (state is null || task is null) return null;
        // As Camunda shows it: the worker and the expiry only while the task is locked (a retry timeout is not a lock).
        var locked = task.WorkerId is not null;
        return new ExternalTaskView(
            task.Id.ToString("D"), task.MessageName ?? "", locked ? task.WorkerId : null, locked ? task.DueAt : null, task.ElementId,
            $"{task.ElementId}:{task.Id:D}", task.Id.ToString("D"), instance.Id.ToString("D"), instance.DefinitionId, instance.DefinitionKey,
            instance.BusinessKey, task.Retries, task.LastError, false, task.Priority ?? 0, null);
    }
}
