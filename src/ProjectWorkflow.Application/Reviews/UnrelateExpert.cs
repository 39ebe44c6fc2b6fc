using Microsoft.EntityFrameworkCore;
using ProjectWorkflow.Application.Audit;
using ProjectWorkflow.Application.Persistence;
using ProjectWorkflow.Application.Refusals;
using ProjectWorkflow.Funding.Reviews;

namespace ProjectWorkflow.Application.Reviews;

/// <summary>An administrator removes a relation recorded by mistake (the audit log keeps what it was).</summary>
public sealed class UnrelateExpert(ProjectWorkflowDbContext db, AuditTrail audit, TimeProvider time)
{
    public async Task HandleAsync(string expert, long relationId, CancellationToken cancellationToken)
    {
        var userName = await SaveExpert.ExpertUserAsync(db, expert, cancellationToken);
        var profile = await db.Set<ExpertProfile>().Include(p => p.Relations).FirstOrDefaultAsync(p => p.Expert == userName, cancellationToken);
        var relation = profile?.Relations.FirstOrDefault(r => r.Id == relationId);
        if (profile is null || relation is null || !profile.Unrelate(relationId, time.GetUtcNow()))
            throw new NotFoundException($"{userName} has no relation {relationId}.", $"{userName} 没有编号为 {relationId} 的回避关系。");
        audit.Record("expert.unrelated", "expert", userName, detail: $"relation {relationId}: {relation.Kind} {relation.Uscc ?? $"{relation.SchemeKey} {relation.Year}"}");
        await db.SaveChangesAsync(cancellationToken);
    }
}
