using ProjectWorkflow.Application.Validation;
using ProjectWorkflow.Engine.Runtime;

namespace ProjectWorkflow.Application.Workflows.Instances;

/// <summary>撤回: the person who completed the last task takes it back while the next step is untouched.</summary>
public sealed class WithdrawCompletion(WorkflowCommands commands)
{
    public async Task HandleAsync(Guid instanceId, string? reason, Actor actor, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(reason))
            throw InvalidRequestException.For("reason", "Say why you withdraw: the journal keeps it.", "请填写撤回原因：记入流程日志。");
        await commands.RunAsync(actor, session => session.WithdrawAsync(instanceId, reason.Trim(), cancellationToken), cancellationToken);
    }
}
