using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using ProjectWorkflow.Application.Persistence;
using ProjectWorkflow.Application.Workflows.Storage;
using ProjectWorkflow.Engine.Runtime;

namespace ProjectWorkflow.Application.Workflows.Instances;

/// <summary>
/// A message nobody waits for starts an instance of every deployed process whose message start event has its name
/// (the active version of each), at that start event, with the correlation key as business key — as Camunda's
/// correlation by business key does. Each start is its own transaction.
/// </summary>
public sealed class StartByMessage(ProjectWorkflowDbContext db, DefinitionCatalog catalog, WorkflowCommands commands)
{
    public async Task<IReadOnlyList<Guid>> HandleAsync(string name, string? correlationKey, JsonObject? variables, Actor actor, CancellationToken cancellationToken)
    {
        var keys = await db.Set<DefinitionRecord>().AsNoTracking()
            .Where(d => d.Status == DefinitionStatuses.Active)
            .Select(d => d.Key).Distinct().ToListAsync(cancellationToken);
        var started = new List<Guid>();
        foreach (var key in keys.Order(StringComparer.Ordinal))
        {
            var definition = await catalog.FindLatestAsync(db, key, cancellationToken);
            if (definition?.MessageStart(name) is not { } start) continue;
            var instance = await commands.RunAsync(actor,
                session => session.StartAsync(definition, Guid.NewGuid(), correlationKey, variables, start.Id, cancellationToken),
                cancellationToken);
            started.Add(instance.Id);
            db.ChangeTracker.Clear();
        }
        return started;
    }
}
