using Microsoft.EntityFrameworkCore;
using ProjectWorkflow.Application.Audit;
using ProjectWorkflow.Application.Persistence;
using ProjectWorkflow.Application.Refusals;
using ProjectWorkflow.Engine.Runtime;

namespace ProjectWorkflow.Application.Workflows.Deputies;

public sealed record MyDeputiesView(IReadOnlyList<DeputyshipView> Named, IReadOnlyList<DeputyshipView> StandingInFor);

/// <summary>The deputies one has named (not ended, not over) and the people one stands in for.</summary>
public sealed class ListMyDeputies(ProjectWorkflowDbContext db, TimeProvider time)
{
    public async Task<MyDeputiesView> HandleAsync(Actor actor, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var rows = await db.Set<Deputyship>().AsNoTracking()
            .Where(d => (d.UserName == actor.Id || d.Deputy == actor.Id) && d.EndedAt == null)
            .ToListAsync(cancellationToken);
        var current = rows.Where(d => d.Until > now).OrderBy(d => d.From).ToList();
        return new MyDeputiesView(
            current.Where(d => d.UserName == actor.Id).Select(d => NameDeputy.ViewOf(d, now)).ToList(),
            current.Where(d => d.Deputy == actor.Id).Select(d => NameDeputy.ViewOf(d, now)).ToList());
    }
}

/// <summary>Back early: the person who named a deputy ends it; tasks already shared stay shared. Audited as <c>deputy.ended</c>.</summary>
public sealed class EndDeputyship(ProjectWorkflowDbContext db, AuditTrail audit, TimeProvider time)
{
    public async Task HandleAsync(Guid id, Actor actor, CancellationToken cancellationToken)
    {
        var deputyship = await db.Set<Deputyship>().FirstOrDefaultAsync(d => d.Id == id && d.UserName == actor.Id, cancellationToken)
            ?? throw new NotFoundException("You have no such deputy.", "未找到您指定的这项代理。");
        if (deputyship.EndedAt is not null) return;
        deputyship.EndedAt = time.GetUtcNow();
        audit.Record("deputy.ended", "user", actor.Id, detail: $"{deputyship.Deputy}, named until {deputyship.Until:O}");
        await db.SaveChangesAsync(cancellationToken);
    }
}
