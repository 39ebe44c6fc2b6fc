using Microsoft.EntityFrameworkCore;
using ProjectWorkflow.Application.Persistence;

namespace ProjectWorkflow.Application.Users;

/// <summary>The user list an administrator or auditor sees, with each user's roles.</summary>
public sealed class ListUsers(ProjectWorkflowDbContext db)
{
    public async Task<IReadOnlyList<UserSummary>> HandleAsync(CancellationToken cancellationToken)
    {
        var users = await db.Users.AsNoTracking()
            .OrderBy(u => u.UserName)
            .Select(u => new { u.Id, u.UserName, u.DisplayName, u.Organisation, u.Email, u.LockoutEnd })
            .ToListAsync(cancellationToken);
        var roles = await (
                from userRole in db.UserRoles
                join role in db.Roles on userRole.RoleId equals role.Id
                select new { userRole.UserId, role.Name })
            .ToListAsync(cancellationToken);
        var rolesByUser = roles.ToLookup(r => r.UserId, r => r.Name!);

        return users
            .Select(u => new UserSummary(
                u.Id, u.UserName!, u.DisplayName, u.Organisation,
                rolesByUser[u.Id].Order(StringComparer.Ordinal).ToList(), u.Email, UserAccount.IsDisabled(u.LockoutEnd)))
            .ToList();
    }
}
