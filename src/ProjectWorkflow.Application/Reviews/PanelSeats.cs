using Microsoft.EntityFrameworkCore;
using ProjectWorkflow.Application.Persistence;
using ProjectWorkflow.Engine.Runtime;
using ProjectWorkflow.Funding.Reviews;

namespace ProjectWorkflow.Application.Reviews;

/// <summary>Whether an expert holds a seat on an application's panel: asked before anything about the file is told to them.</summary>
public sealed class PanelSeats(ProjectWorkflowDbContext db)
{
    public Task<bool> HoldsAsync(Guid applicationId, Actor actor, CancellationToken cancellationToken) =>
        db.Set<PanelMember>().AnyAsync(p => p.ApplicationId == applicationId && p.Expert == actor.Id, cancellationToken);
}
