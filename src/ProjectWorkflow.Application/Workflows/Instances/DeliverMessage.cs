using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using ProjectWorkflow.Application.Messaging;
using ProjectWorkflow.Application.Persistence;
using ProjectWorkflow.Application.Validation;
using ProjectWorkflow.Application.Workflows.Storage;
using ProjectWorkflow.Engine.Runtime;

namespace ProjectWorkflow.Application.Workflows.Instances;

public sealed record DeliverMessageRequest(string? Name, string? CorrelationKey, JsonObject? Variables);

/// <summary>
/// Delivers a message to every instance waiting for it under the given business key (one waiting event in each).
/// Each instance is its own transaction, so one busy instance does not hold up the others.
/// </summary>
public sealed class DeliverMessage(ProjectWorkflowDbContext db, WorkflowCommands commands, Inbox inbox)
{
    /// <param name="receipt">
    /// For a message from the bus, which may arrive twice: each instance records the receipt in the transaction
    /// that resumes it (so a copy never resumes it again, even if it waits for the same message later), and the
    /// whole message is recorded at the end (so a copy that arrives after the last delivery does nothing at all).
    /// </param>
    public async Task<int> HandleAsync(DeliverMessageRequest request, Actor actor, CancellationToken cancellationToken, InboxReceipt? receipt = null)
    {
        if (string.IsNullOrWhiteSpace(request.Name))
            throw InvalidRequestException.For("name", "Name the message (as the BPMN message element names it).", "请填写消息名称（与 BPMN 消息元素的名称一致）。");
        if (receipt is not null && await inbox.HasProcessedAsync(receipt, cancellationToken)) return 0;

        var waiting = await db.Set<BookmarkRecord>().AsNoTracking()
            .Where(b => b.Kind == "message" && b.MessageName == request.Name && b.CorrelationKey == request.CorrelationKey)
            .Select(b => b.InstanceId)
            .Distinct()
            .ToListAsync(cancellationToken);

        // One delivery resumes one waiting event per instance (the engine picks the one that waited first):
        // two catch events of one instance waiting for the same message need two deliveries, as in Camunda.
        var delivered = 0;
        foreach (var instanceId in waiting)
        {
            var instanceReceipt = receipt?.ForInstance(instanceId);
            delivered += await commands.RunAsync(actor, async session =>
            {
                if (instanceReceipt is not null)
                {
                    if (await inbox.HasProcessedAsync(instanceReceipt, cancellationToken)) return false;
                    inbox.Record(instanceReceipt);
                }
                return await session.DeliverMessageAsync(instanceId, request.Name, request.CorrelationKey, request.Variables, cancellationToken);
            }, cancellationToken) ? 1 : 0;
            db.ChangeTracker.Clear();
        }

        if (receipt is not null)
        {
            inbox.Record(receipt);
            await db.SaveChangesAsync(cancellationToken);
        }
        return delivered;
    }
}
