using ProjectWorkflow.Application.Audit;
using ProjectWorkflow.Application.Persistence;
using ProjectWorkflow.Application.Validation;
using ProjectWorkflow.Engine.Runtime;

namespace ProjectWorkflow.Application.Workflows.Instances;

/// <summary>
/// <c>POST /api/messages</c>: a person or an integration delivers a message, if <see cref="MessageSenders"/>
/// declares the caller's role a sender of that name. The names the system drives itself are refused here
/// with the reason (and the attempt is audited); they reach their processes only through the use case or
/// consumer that owns them.
/// </summary>
public sealed record MessageOutcome(int Delivered, IReadOnlyList<Guid> Started);

public sealed class DeliverMessageFromOutside(DeliverMessage deliver, StartByMessage start, MessageSenders senders, ProjectWorkflowDbContext db, AuditTrail audit)
{
    /// <summary>Delivered to the instances waiting for it; when none waits, it starts the processes whose message start event has its name.</summary>
    public async Task<MessageOutcome> HandleAsync(DeliverMessageRequest request, Actor actor, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(request.Name))
            throw InvalidRequestException.For("name", "Name the message (as the BPMN message element names it).", "请填写消息名称（与 BPMN 消息元素的名称一致）。");
        try
        {
            senders.RefuseUnlessAllowed(request.Name, actor);
        }
        catch (WorkflowException refused)
        {
            audit.Record("message.delivered", "message", request.Name, reason: refused.Message, outcome: AuditOutcomes.Refused,
                detail: $"correlation key {request.CorrelationKey}");
            await db.SaveChangesAsync(cancellationToken);
            throw;
        }
        var delivered = await deliver.HandleAsync(request, actor, cancellationToken);
        if (delivered > 0) return new MessageOutcome(delivered, []);
        return new MessageOutcome(0, await start.HandleAsync(request.Name, request.CorrelationKey, request.Variables, actor, cancellationToken));
    }
}
