using ProjectWorkflow.Application.Validation;
using ProjectWorkflow.Engine.Runtime;

namespace ProjectWorkflow.Application.Workflows.Instances;

public sealed record ReopenInstanceRequest(string? ElementId, string? Reason);

/// <summary>
/// 唤醒: an administrator reopens an ended instance at one of the user tasks it went through, with a reason; the task goes
/// to whoever did it last. Journaled (<c>reopened</c>) and audited as <c>workflow.reopen-instance</c>. What the process
/// did on its way to its end (a funding decision, a payment) is not undone: reopening gives the file back to people.
/// </summary>
public sealed class ReopenInstance(WorkflowCommands commands)
{
    public async Task HandleAsync(Guid instanceId, ReopenInstanceRequest request, Actor actor, CancellationToken cancellationToken)
    {
        var errors = new List<FieldError>();
        if (string.IsNullOrWhiteSpace(request.ElementId) || request.ElementId.Length > ModifyInstance.MaxElementIdLength)
            errors.Add(new FieldError("elementId", $"Name the user task to reopen at, by its element id (1 to {ModifyInstance.MaxElementIdLength} characters)."));
        if (string.IsNullOrWhiteSpace(request.Reason))
            errors.Add(new FieldError("reason", "Give a reason: it is kept in the journal and the audit log."));
        else if (request.Reason.Length > ModifyInstance.MaxReasonLength)
            errors.Add(new FieldError("reason", $"The reason has at most {ModifyInstance.MaxReasonLength} characters."));
        if (errors.Count > 0) throw new InvalidRequestException(errors);
        await commands.RunAsync(actor, session => session.ReopenAsync(instanceId, request.ElementId!.Trim(), request.Reason!.Trim(), cancellationToken: cancellationToken),
            cancellationToken);
    }
}
