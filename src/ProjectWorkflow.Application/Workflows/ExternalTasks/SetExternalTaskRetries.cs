using ProjectWorkflow.Application.Validation;
using ProjectWorkflow.Engine.Runtime;

namespace ProjectWorkflow.Application.Workflows.ExternalTasks;

public sealed record SetRetriesRequest(int? Retries);

/// <summary>
/// <c>PUT /engine-rest/external-task/{id}/retries</c>: an operator (or worker) sets the retries left, as in Camunda: 0
/// raises a <c>failedExternalTask</c> incident; more resolves an open one, and workers may fetch the task again.
/// </summary>
public sealed class SetExternalTaskRetries(ExternalTaskInstances tasks, WorkflowCommands commands)
{
    public async Task HandleAsync(Guid id, SetRetriesRequest request, Actor actor, CancellationToken cancellationToken)
    {
        if (request.Retries is not { } retries || retries < 0 || retries > ReportExternalTaskFailure.MaxRetries)
            throw InvalidRequestException.For("retries", $"Give the retries: 0 to {ReportExternalTaskFailure.MaxRetries}.", $"请给出重试次数：0 至 {ReportExternalTaskFailure.MaxRetries}。");
        var instanceId = await tasks.InstanceOfAsync(id, cancellationToken);
        await commands.RunAsync(actor, session => session.SetExternalTaskRetriesAsync(instanceId, id, retries, cancellationToken), cancellationToken);
    }
}
