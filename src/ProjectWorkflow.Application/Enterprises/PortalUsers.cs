using Microsoft.EntityFrameworkCore;
using ProjectWorkflow.Application.Persistence;

namespace ProjectWorkflow.Application.Enterprises;

/// <summary>An existing user whose account is not locked, with the roles they hold.</summary>
internal sealed record ActiveUser(string UserName, IReadOnlyList<string> Roles);

internal static class PortalUsers
{
    public static async Task<ActiveUser?> FindActiveAsync(ProjectWorkflowDbContext db, string name, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var normalized = name.ToUpperInvariant();
        var user = await db.Users.AsNoTracking().Where(u => u.NormalizedUserName == normalized)
            .Select(u => new { u.Id, u.UserName, u.LockoutEnd }).FirstOrDefaultAsync(cancellationToken);
        if (user is null || user.LockoutEnd is { } until && until > now) return null;
        var roles = await (from link in db.UserRoles
                           join role in db.Roles on link.RoleId equals role.Id
                           where link.UserId == user.Id
                           select role.Name!).ToListAsync(cancellationToken);
        return new ActiveUser(user.UserName!, roles);
    }
}
