using Microsoft.EntityFrameworkCore;
using ProjectWorkflow.Application.Enterprises;
using ProjectWorkflow.Application.Persistence;
using ProjectWorkflow.Funding.Enterprises;

namespace ProjectWorkflow.Application.Notifications;

public sealed record MailRecipient(string UserName, string Address, string? DisplayName);

/// <summary>
/// The e-mail addresses behind notification recipients: a user's own address, or those of
/// everyone holding the role a group names, or everyone acting for the enterprise an enterprise's
/// group (<see cref="EnterpriseGroups"/>) names. A user without an address gets the inbox item only.
/// Groups that exist only in an external provider's tokens (e.g. <c>district-reviewer:pudong</c>
/// without a local role of that name) have no members here, so they get no e-mail.
/// </summary>
public sealed class MailRecipients(ProjectWorkflowDbContext db)
{
    /// <summary>At most two queries for all the recipients of a command, however many notifications it stages.</summary>
    public async Task<ILookup<Recipient, MailRecipient>> ResolveAsync(IReadOnlyCollection<Recipient> recipients, CancellationToken cancellationToken)
    {
        var userNames = recipients.Where(r => !r.IsGroup).Select(r => r.Name).Distinct().ToList();
        var groups = recipients.Where(r => r.IsGroup).Select(r => r.Name).Distinct().ToList();

        var found = new List<(Recipient Recipient, MailRecipient Person)>();
        if (userNames.Count > 0)
            found.AddRange((await db.Users.AsNoTracking()
                    .Where(u => userNames.Contains(u.UserName!) && u.Email != null && u.Email != "")
                    .Select(u => new { UserName = u.UserName!, Email = u.Email!, u.DisplayName })
                    .ToListAsync(cancellationToken))
                .Select(u => (Recipient.User(u.UserName), new MailRecipient(u.UserName, u.Email, u.DisplayName))));
        if (groups.Count > 0)
            found.AddRange((await (
                        from role in db.Roles
                        join userRole in db.UserRoles on role.Id equals userRole.RoleId
                        join user in db.Users on userRole.UserId equals user.Id
                        where groups.Contains(role.Name!) && user.Email != null && user.Email != ""
                        select new { Group = role.Name!, UserName = user.UserName!, Email = user.Email!, user.DisplayName })
                    .AsNoTracking()
                    .ToListAsync(cancellationToken))
                .Select(m => (Recipient.Group(m.Group), new MailRecipient(m.UserName, m.Email, m.DisplayName))));
        // An enterprise's group (its steps in a scheme's process) reaches everyone acting for the enterprise.
        var enterprises = groups.Select(g => (Group: g, Enterprise: EnterpriseGroups.EnterpriseOf(g))).Where(e => e.Enterprise is not null)
            .ToDictionary(e => e.Enterprise!.Value, e => e.Group);
        if (enterprises.Count > 0)
        {
            var ids = enterprises.Keys.ToList();
            found.AddRange((await (
                        from member in db.Set<EnterpriseMember>()
                        join user in db.Users on member.UserName equals user.UserName
                        where ids.Contains(member.EnterpriseId) && user.Email != null && user.Email != ""
                        select new { member.EnterpriseId, UserName = user.UserName!, Email = user.Email!, user.DisplayName })
                    .AsNoTracking()
                    .ToListAsync(cancellationToken))
                .Select(m => (Recipient.Group(enterprises[m.EnterpriseId]), new MailRecipient(m.UserName, m.Email, m.DisplayName))));
        }
        return found.ToLookup(f => f.Recipient, f => f.Person);
    }
}
