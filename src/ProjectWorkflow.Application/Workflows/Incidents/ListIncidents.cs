using Microsoft.EntityFrameworkCore;
using ProjectWorkflow.Application.Persistence;
using ProjectWorkflow.Application.Workflows.Storage;

namespace ProjectWorkflow.Application.Workflows.Incidents;

public sealed record OpenIncidentView(
    Guid Id, Guid InstanceId, string DefinitionKey, int Version, string? BusinessKey, string InstanceStatus,
    string ElementId, string Kind, string Message, DateTimeOffset CreatedAt);

public sealed record FaultedInstanceView(Guid Id, string DefinitionKey, int Version, string? BusinessKey, DateTimeOffset StartedAt, IReadOnlyList<Guid> IncidentIds);

public sealed record IncidentList(IReadOnlyList<OpenIncidentView> Incidents, IReadOnlyList<FaultedInstanceView> FaultedInstances);

/// <summary>
/// What is stuck (administrators; auditors read): every open incident with its cause (the element, the kind, the engine's
/// message) and the instance it stops, and the faulted instances. Oldest first; at most <see cref="MaxRows"/> of each.
/// </summary>
public sealed class ListIncidents(ProjectWorkflowDbContext db)
{
    public const int MaxRows = 500;

    public async Task<IncidentList> HandleAsync(CancellationToken cancellationToken)
    {
        var incidents = await (
                from incident in db.Set<IncidentRecord>().AsNoTracking()
                join instance in db.Set<InstanceRecord>().AsNoTracking() on incident.InstanceId equals instance.Id
                where incident.ResolvedAt == null
                orderby incident.CreatedAt, incident.Id
                select new OpenIncidentView(incident.Id, instance.Id, instance.DefinitionKey, instance.Version, instance.BusinessKey, instance.Status,
                    incident.ElementId, incident.Kind, incident.Message, incident.CreatedAt))
            .Take(MaxRows).ToListAsync(cancellationToken);
        var faulted = await db.Set<InstanceRecord>().AsNoTracking().Where(i => i.Status == "faulted")
            .OrderBy(i => i.StartedAt).ThenBy(i => i.Id).Take(MaxRows)
            .Select(i => new { i.Id, i.DefinitionKey, i.Version, i.BusinessKey, i.StartedAt }).ToListAsync(cancellationToken);
        var faultedIds = faulted.Select(f => f.Id).ToList();
        var openByInstance = (await db.Set<IncidentRecord>().AsNoTracking().Where(i => i.ResolvedAt == null && faultedIds.Contains(i.InstanceId))
                .Select(i => new { i.InstanceId, i.Id }).ToListAsync(cancellationToken))
            .ToLookup(i => i.InstanceId, i => i.Id);
        return new IncidentList(incidents,
            faulted.Select(f => new FaultedInstanceView(f.Id, f.DefinitionKey, f.Version, f.BusinessKey, f.StartedAt, openByInstance[f.Id].ToList())).ToList());
    }
}
