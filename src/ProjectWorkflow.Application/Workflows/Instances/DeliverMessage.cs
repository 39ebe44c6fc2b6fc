using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using ProjectWorkflow.Application.Persistence;
using ProjectWorkflow.Application.Workflows.Storage;
using ProjectWorkflow.Engine.Runtime;

namespace ProjectWorkflow.Application.Workflows.Instances;

public sealed record DeliverMessageRequest(string? Name, string? CorrelationKey, JsonObject? Variables);

/// <summary>
/// Delivers a message to every instance waiting for it under the given business key.
/// Each instance is its own transaction, so one busy instance does not hold up the others.
/// </summary>
public sealed class DeliverMessage(ProjectWorkflowDbContext db, WorkflowCommands commands)
{
    public async Task<int> HandleAsync(DeliverMessageRequest request, Actor actor, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(request.Name))
            throw WorkflowRequestException.For("name", "Name the message (as the BPMN message element names it).");
        var waiting = await db.Set<BookmarkRecord>().AsNoTracking()
            .Where(b => b.Kind == "message" && b.MessageName == request.Name && b.CorrelationKey == request.CorrelationKey)
            .Select(b => new { b.InstanceId, b.Id })
            .ToListAsync(cancellationToken);

        var delivered = 0;
        foreach (var bookmark in waiting)
        {
            delivered += await commands.RunAsync(actor,
                session => session.DeliverMessageAsync(bookmark.InstanceId, bookmark.Id, request.Variables, cancellationToken),
                cancellationToken) ? 1 : 0;
            db.ChangeTracker.Clear();
        }
        return delivered;
    }
}
