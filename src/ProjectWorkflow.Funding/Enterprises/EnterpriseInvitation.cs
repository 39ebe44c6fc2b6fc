using ProjectWorkflow.Funding.Rules;

namespace ProjectWorkflow.Funding.Enterprises;

/// <summary>
/// A user of the enterprise invites a colleague, by their user name, to act for it too; the colleague accepts, and
/// then sees and works on the same applications. Only a person who is an enterprise user and nothing else (not fund
/// staff, expert or provider) and who does not act for an enterprise yet can be invited.
/// </summary>
public sealed class EnterpriseInvitation
{
    public const string Pending = "pending";
    public const string Accepted = "accepted";

    private EnterpriseInvitation() { }

    public Guid Id { get; private set; }
    public Guid EnterpriseId { get; private set; }
    public string UserName { get; private set; } = "";
    public string InvitedBy { get; private set; } = "";
    public DateTimeOffset InvitedAt { get; private set; }
    public string Status { get; private set; } = Pending;
    public DateTimeOffset? AcceptedAt { get; private set; }

    /// <summary>
    /// <paramref name="inviter"/>, a member of <paramref name="enterprise"/>, invites <paramref name="userName"/>
    /// (whose roles are <paramref name="inviteeRoles"/>; <paramref name="inviteeActsForAnEnterprise"/> when they are a member already).
    /// </summary>
    public static EnterpriseInvitation Invite(Enterprise enterprise, string inviter, string userName, IReadOnlyCollection<string> inviteeRoles,
        bool inviteeActsForAnEnterprise, DateTimeOffset now)
    {
        if (!enterprise.HasMember(inviter)) throw new InvalidOperationException("Only a user who acts for the enterprise invites colleagues.");
        Check.Rules(
            new InviteeNotAnEnterpriseUserRule(userName, inviteeRoles),
            new InviteeActsForAnEnterpriseRule(userName, inviteeActsForAnEnterprise));
        return new EnterpriseInvitation
        {
            Id = Guid.NewGuid(),
            EnterpriseId = enterprise.Id,
            UserName = userName,
            InvitedBy = inviter,
            InvitedAt = now,
        };
    }

    public bool IsPending => Status == Pending;

    /// <summary>The invited user accepts: they act for the enterprise from now on.</summary>
    public void Accept(Enterprise enterprise, string userName, IReadOnlyCollection<string> roles, bool actsForAnEnterprise, DateTimeOffset now)
    {
        if (enterprise.Id != EnterpriseId) throw new InvalidOperationException("The invitation is to another enterprise.");
        if (userName != UserName) throw new InvalidOperationException("Only the invited user accepts an invitation.");
        if (!IsPending) throw new InvalidOperationException("The invitation was answered already.");
        // What was true when they were invited is checked again: a role given or an enterprise joined since counts.
        Check.Rules(
            new InviteeNotAnEnterpriseUserRule(userName, roles),
            new InviteeActsForAnEnterpriseRule(userName, actsForAnEnterprise));
        Status = Accepted;
        AcceptedAt = now;
        enterprise.AddMember(userName);
    }
}
