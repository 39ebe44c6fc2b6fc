using ProjectWorkflow.Engine.Runtime;

namespace ProjectWorkflow.Application.Workflows.ExternalTasks;

/// <summary><c>POST /engine-rest/external-task/{id}/unlock</c>: the lock is released, whoever holds it, so any worker may fetch the task.</summary>
public sealed class UnlockExternalTask(ExternalTaskInstances tasks, WorkflowCommands commands)
{
    public async Task HandleAsync(Guid id, Actor actor, CancellationToken cancellationToken)
    {
        var instanceId = await tasks.InstanceOfAsync(id, cancellationToken);
        await commands.RunAsync(actor, session => session.UnlockExternalTaskAsync(instanceId, id, cancellationToken), cancellationToken);
    }
}
