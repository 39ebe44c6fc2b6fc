using ProjectWorkflow.Engine.Runtime;

namespace ProjectWorkflow.Application.Workflows.ExternalTasks;

public sealed record ExtendLockRequest(string? WorkerId, long? NewDuration);

/// <summary><c>POST /engine-rest/external-task/{id}/extendLock</c>: the worker holding the lock keeps it <c>newDuration</c> ms from now.</summary>
public sealed class ExtendExternalTaskLock(ExternalTaskInstances tasks, WorkflowCommands commands)
{
    public async Task HandleAsync(Guid id, ExtendLockRequest request, Actor actor, CancellationToken cancellationToken)
    {
        var workerId = ExternalTaskInstances.WorkerId(request.WorkerId);
        var duration = ExternalTaskInstances.Duration(request.NewDuration, "newDuration");
        var instanceId = await tasks.InstanceOfAsync(id, cancellationToken);
        await commands.RunAsync(actor, session => session.ExtendExternalTaskLockAsync(instanceId, id, workerId, duration, cancellationToken), cancellationToken);
    }
}
