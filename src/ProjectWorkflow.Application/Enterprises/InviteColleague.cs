using Microsoft.EntityFrameworkCore;
using ProjectWorkflow.Application.Audit;
using ProjectWorkflow.Application.Persistence;
using ProjectWorkflow.Application.Refusals;
using ProjectWorkflow.Application.Validation;
using ProjectWorkflow.Engine.Runtime;
using ProjectWorkflow.Funding.Enterprises;

namespace ProjectWorkflow.Application.Enterprises;

public sealed record InviteColleagueRequest(string? UserName);

/// <summary>
/// A user of the enterprise invites a colleague, by user name, to act for it too (the colleague accepts with
/// <see cref="AcceptInvitation"/>). The colleague must be an existing, active enterprise user who acts for no
/// enterprise yet; one invitation waits per person and enterprise. Audited <c>enterprise.colleague-invited</c>.
/// </summary>
public sealed class InviteColleague(ProjectWorkflowDbContext db, AuditTrail audit, TimeProvider time)
{
    public const int MaxUserNameLength = 256;

    public async Task<InvitationView> HandleAsync(InviteColleagueRequest request, Actor actor, CancellationToken cancellationToken)
    {
        var enterprise = await db.Set<Enterprise>().Include(e => e.Members)
            .FirstOrDefaultAsync(e => e.Members.Any(m => m.UserName == actor.Id), cancellationToken)
            ?? throw new ForbiddenException("You do not act for a registered enterprise: register it first.", "您尚未代表已登记的企业，请先登记企业。");
        var name = request.UserName?.Trim() ?? "";
        if (name.Length is 0 or > MaxUserNameLength || name.Any(char.IsControl))
            throw InvalidRequestException.For("userName", "Give your colleague's user name (at most 256 characters).", "请填写同事的用户名。");
        var invitee = await PortalUsers.FindActiveAsync(db, name, time.GetUtcNow(), cancellationToken)
            ?? throw InvalidRequestException.For("userName", $"There is no active user named '{name}'.", $"没有名为 {name} 的有效用户。");
        if (enterprise.HasMember(invitee.UserName))
            throw new ConflictException($"{invitee.UserName} already acts for your enterprise.", $"{invitee.UserName} 已代表贵企业。");
        if (await db.Set<EnterpriseInvitation>().AnyAsync(i => i.EnterpriseId == enterprise.Id && i.UserName == invitee.UserName && i.Status == EnterpriseInvitation.Pending, cancellationToken))
            throw new ConflictException($"{invitee.UserName} is invited already and has not answered yet.", $"已邀请 {invitee.UserName}，对方尚未接受。");

        var actsForAnEnterprise = await db.Set<EnterpriseMember>().AnyAsync(m => m.UserName == invitee.UserName, cancellationToken);
        var invitation = EnterpriseInvitation.Invite(enterprise, actor.Id, invitee.UserName, invitee.Roles, actsForAnEnterprise, time.GetUtcNow());
        db.Add(invitation);
        audit.Record("enterprise.colleague-invited", "enterprise", enterprise.Id.ToString(), detail: $"{enterprise.Name}: {invitee.UserName} invited");
        await db.SaveChangesAsync(cancellationToken);
        return InvitationView.Of(invitation, enterprise.Name);
    }
}
