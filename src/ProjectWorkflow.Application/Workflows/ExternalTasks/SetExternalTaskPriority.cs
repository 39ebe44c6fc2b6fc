using ProjectWorkflow.Application.Validation;
using ProjectWorkflow.Engine.Runtime;

namespace ProjectWorkflow.Application.Workflows.ExternalTasks;

public sealed record SetPriorityRequest(long? Priority);

/// <summary><c>PUT /engine-rest/external-task/{id}/priority</c>: the task's priority, which fetchAndLock with <c>usePriority</c> takes highest first.</summary>
public sealed class SetExternalTaskPriority(ExternalTaskInstances tasks, WorkflowCommands commands)
{
    public async Task HandleAsync(Guid id, SetPriorityRequest request, Actor actor, CancellationToken cancellationToken)
    {
        if (request.Priority is not { } priority)
            throw InvalidRequestException.For("priority", "Give the priority, a whole number.", "请给出优先级（整数）。");
        var instanceId = await tasks.InstanceOfAsync(id, cancellationToken);
        await commands.RunAsync(actor, session => session.SetExternalTaskPriorityAsync(instanceId, id, priority, cancellationToken), cancellationToken);
    }
}
