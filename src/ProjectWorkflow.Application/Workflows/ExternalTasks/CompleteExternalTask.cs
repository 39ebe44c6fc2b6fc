using ProjectWorkflow.Engine.Runtime;

namespace ProjectWorkflow.Application.Workflows.ExternalTasks;

public sealed record CompleteExternalTaskRequest(string? WorkerId, Dictionary<string, TypedValue?>? Variables, Dictionary<string, TypedValue?>? LocalVariables);

/// <summary>
/// <c>POST /engine-rest/external-task/{id}/complete</c>: the worker holding the lock is done; its typed variables are set
/// and the instance moves on from the service task. Another worker, or an expired lock, is refused (400, as Camunda).
/// </summary>
public sealed class CompleteExternalTask(ExternalTaskInstances tasks, WorkflowCommands commands)
{
    public async Task HandleAsync(Guid id, CompleteExternalTaskRequest request, Actor actor, CancellationToken cancellationToken)
    {
        var workerId = ExternalTaskInstances.WorkerId(request.WorkerId);
        var variables = TypedVariables.Read(request.Variables, "variables");
        var localVariables = TypedVariables.Read(request.LocalVariables, "localVariables");
        var instanceId = await tasks.InstanceOfAsync(id, cancellationToken);
        await commands.RunAsync(actor, session => session.CompleteExternalTaskAsync(instanceId, id, workerId, variables, localVariables, cancellationToken), cancellationToken);
    }
}
