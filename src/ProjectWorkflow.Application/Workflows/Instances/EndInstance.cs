using ProjectWorkflow.Application.Validation;
using ProjectWorkflow.Engine.Runtime;

namespace ProjectWorkflow.Application.Workflows.Instances;

/// <summary>Cancels (or terminates, 终止) a running instance, with a reason kept in the journal.</summary>
public sealed class EndInstance(WorkflowCommands commands)
{
    public async Task HandleAsync(Guid instanceId, InstanceStatus status, string? reason, Actor actor, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(reason))
            throw InvalidRequestException.For("reason", "Give a reason: it is kept in the journal and shown to the people involved.", "请填写原因：记入流程日志，并告知相关人员。");
        await commands.RunAsync(actor, session => session.EndAsync(instanceId, status, reason.Trim(), cancellationToken), cancellationToken);
    }
}
