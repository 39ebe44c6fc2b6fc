using Microsoft.EntityFrameworkCore;
using ProjectWorkflow.Application.Persistence;
using ProjectWorkflow.Engine.Runtime;
using ProjectWorkflow.Funding.Enterprises;

namespace ProjectWorkflow.Application.Enterprises;

/// <summary>Invitations waiting: those addressed to me, and those my enterprise sent.</summary>
public sealed class ListInvitations(ProjectWorkflowDbContext db)
{
    public async Task<IReadOnlyList<InvitationView>> ForMeAsync(Actor actor, CancellationToken cancellationToken) =>
        await (from i in db.Set<EnterpriseInvitation>().AsNoTracking()
               join e in db.Set<Enterprise>() on i.EnterpriseId equals e.Id
               where i.UserName == actor.Id && i.Status == EnterpriseInvitation.Pending
               orderby i.InvitedAt
               select new InvitationView(i.Id, i.EnterpriseId, e.Name, i.UserName, i.InvitedBy, i.InvitedAt, i.Status)).ToListAsync(cancellationToken);

    public async Task<IReadOnlyList<InvitationView>> SentByMyEnterpriseAsync(Actor actor, CancellationToken cancellationToken) =>
        await (from i in db.Set<EnterpriseInvitation>().AsNoTracking()
               join e in db.Set<Enterprise>() on i.EnterpriseId equals e.Id
               where e.Members.Any(m => m.UserName == actor.Id) && i.Status == EnterpriseInvitation.Pending
               orderby i.InvitedAt
               select new InvitationView(i.Id, i.EnterpriseId, e.Name, i.UserName, i.InvitedBy, i.InvitedAt, i.Status)).ToListAsync(cancellationToken);
}
