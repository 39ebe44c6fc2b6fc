using Microsoft.EntityFrameworkCore;
using ProjectWorkflow.Application.Audit;
using ProjectWorkflow.Application.Persistence;
using ProjectWorkflow.Application.Refusals;
using ProjectWorkflow.Engine.Runtime;
using ProjectWorkflow.Funding.Enterprises;

namespace ProjectWorkflow.Application.Enterprises;

/// <summary>
/// The invited user accepts an invitation and acts for the enterprise from now on: they see and work on its
/// applications as its other users do. Only the invited user accepts; the rules of <see cref="InviteColleague"/>
/// are checked again. Audited <c>enterprise.invitation-accepted</c>.
/// </summary>
public sealed class AcceptInvitation(ProjectWorkflowDbContext db, AuditTrail audit, TimeProvider time)
{
    public async Task<EnterpriseView> HandleAsync(Guid invitationId, Actor actor, CancellationToken cancellationToken)
    {
        var invitation = await db.Set<EnterpriseInvitation>().FirstOrDefaultAsync(i => i.Id == invitationId, cancellationToken);
        // Another person's invitation is no invitation for you.
        if (invitation is null || invitation.UserName != actor.Id)
            throw new NotFoundException("There is no such invitation for you.", "没有发给您的这项邀请。");
        if (!invitation.IsPending) throw new ConflictException("You accepted this invitation already.", "您已接受此邀请。");
        var enterprise = await db.Set<Enterprise>().Include(e => e.Members).FirstAsync(e => e.Id == invitation.EnterpriseId, cancellationToken);
        var me = await PortalUsers.FindActiveAsync(db, actor.Id, time.GetUtcNow(), cancellationToken)
            ?? throw new ForbiddenException("Your account is locked or disabled.", "您的账号已锁定或停用。");
        var actsForAnEnterprise = await db.Set<EnterpriseMember>().AnyAsync(m => m.UserName == actor.Id, cancellationToken);

        invitation.Accept(enterprise, actor.Id, me.Roles, actsForAnEnterprise, time.GetUtcNow());
        audit.Record("enterprise.invitation-accepted", "enterprise", enterprise.Id.ToString(), detail: $"{enterprise.Name}: {actor.Id} acts for it");
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            throw new ConflictException("You joined an enterprise at the same moment; one account acts for one enterprise.", "一个账号只能代表一家企业。");
        }
        return (await new EnterpriseDirectory(db, time).MineAsync(actor, cancellationToken))!;
    }
}
