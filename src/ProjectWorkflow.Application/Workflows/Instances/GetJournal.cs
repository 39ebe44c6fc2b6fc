using Microsoft.EntityFrameworkCore;
using ProjectWorkflow.Application.Persistence;
using ProjectWorkflow.Application.Workflows.Storage;
using ProjectWorkflow.Engine.Runtime;

namespace ProjectWorkflow.Application.Workflows.Instances;

public sealed record JournalLine(DateTimeOffset At, string ElementId, string Kind, string Event, string? Actor, string? Detail);

/// <summary>Every step of an instance, in order, with who did it and why.</summary>
public sealed class GetJournal(ProjectWorkflowDbContext db, InstanceAccess access)
{
    public async Task<IReadOnlyList<JournalLine>> HandleAsync(Guid instanceId, Actor actor, CancellationToken cancellationToken)
    {
        await access.RequireReadableAsync(instanceId, actor, cancellationToken);
        return await db.Set<JournalRecord>().AsNoTracking()
            .Where(j => j.InstanceId == instanceId)
            .OrderBy(j => j.Sequence)
            .Select(j => new JournalLine(j.At, j.ElementId, j.Kind, j.Event, j.Actor, j.Detail))
            .ToListAsync(cancellationToken);
    }
}
