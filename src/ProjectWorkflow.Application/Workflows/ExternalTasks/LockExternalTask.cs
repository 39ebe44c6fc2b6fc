using ProjectWorkflow.Engine.Runtime;

namespace ProjectWorkflow.Application.Workflows.ExternalTasks;

public sealed record LockExternalTaskRequest(string? WorkerId, long? LockDuration);

/// <summary>
/// <c>POST /engine-rest/external-task/{id}/lock</c>: a worker locks this one task (Camunda 7.15's lock) for
/// <c>lockDuration</c> ms. A task another worker's live lock holds, waiting out a retry timeout or out of retries cannot
/// be had: 400, as Camunda answers.
/// </summary>
public sealed class LockExternalTask(ExternalTaskInstances tasks, WorkflowCommands commands)
{
    public async Task HandleAsync(Guid id, LockExternalTaskRequest request, Actor actor, CancellationToken cancellationToken)
    {
        var workerId = ExternalTaskInstances.WorkerId(request.WorkerId);
        var duration = ExternalTaskInstances.Duration(request.LockDuration, "lockDuration");
        var instanceId = await tasks.InstanceOfAsync(id, cancellationToken);
        await commands.RunAsync(actor, async session =>
        {
            if (await session.LockExternalTaskAsync(instanceId, id, workerId, duration, cancellationToken) is null)
                throw WorkflowException.Invalid($"The external task {id} cannot be locked: another worker holds it, it waits out a retry timeout, or it has no retries left.", $"外部任务 {id} 无法锁定：已被其他执行端锁定、正处于重试等待期，或重试次数已用尽。");
        }, cancellationToken);
    }
}
