using ProjectWorkflow.Application.Validation;
using ProjectWorkflow.Engine.Runtime;

namespace ProjectWorkflow.Application.Workflows.ExternalTasks;

public sealed record ExternalTaskFailureRequest(string? WorkerId, string? ErrorMessage, string? ErrorDetails, int? Retries, long? RetryTimeout);

/// <summary>
/// <c>POST /engine-rest/external-task/{id}/failure</c>: the worker could not do the task. With retries left the lock is
/// released and the task can be fetched again once <c>retryTimeout</c> (ms) has passed; at 0 retries an incident stops
/// the instance until an administrator retries it. The details are kept with the message in the incident's text.
/// </summary>
public sealed class ReportExternalTaskFailure(ExternalTaskInstances tasks, WorkflowCommands commands)
{
    public const int MaxRetries = 1000;

    public async Task HandleAsync(Guid id, ExternalTaskFailureRequest request, Actor actor, CancellationToken cancellationToken)
    {
        var workerId = ExternalTaskInstances.WorkerId(request.WorkerId);
        var message = ExternalTaskInstances.Text(request.ErrorMessage, "errorMessage");
        var details = ExternalTaskInstances.Text(request.ErrorDetails, "errorDetails");
        if (request.Retries is not { } retries || retries < 0 || retries > MaxRetries)
            throw InvalidRequestException.For("retries", $"Say how many retries are left: 0 to {MaxRetries}.", $"请给出剩余重试次数：0 至 {MaxRetries}。");
        var retryTimeout = request.RetryTimeout is null or 0 ? TimeSpan.Zero : ExternalTaskInstances.Duration(request.RetryTimeout, "retryTimeout");
        var text = details is null ? message : $"{message} — {details}";
        if (text is { Length: > ExternalTaskInstances.MaxErrorMessageLength }) text = text[..ExternalTaskInstances.MaxErrorMessageLength];
        var instanceId = await tasks.InstanceOfAsync(id, cancellationToken);
        await commands.RunAsync(actor, session => session.FailExternalTaskAsync(instanceId, id, workerId, text, retries, retryTimeout, cancellationToken), cancellationToken);
    }
}
