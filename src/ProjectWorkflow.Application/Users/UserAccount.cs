using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using ProjectWorkflow.Application.Identity;
using ProjectWorkflow.Application.Persistence;
using ProjectWorkflow.Application.Refusals;

namespace ProjectWorkflow.Application.Users;

/// <summary>
/// What the administrators' user changes share: finding the person, telling a disabled account (locked until the end
/// of time by an administrator) from one locked a few minutes for wrong passwords, and counting the other administrators.
/// </summary>
public static class UserAccount
{
    /// <summary>The lockout end that marks an account an administrator disabled; enabling clears it.</summary>
    public static readonly DateTimeOffset DisabledUntil = new(9999, 12, 31, 0, 0, 0, TimeSpan.Zero);

    public static bool IsDisabled(DateTimeOffset? lockoutEnd) => lockoutEnd is { Year: >= 9999 };

    public static async Task<PortalUser> FindAsync(UserManager<PortalUser> users, string userName)
    {
        var name = (userName ?? "").Trim();
        var user = name.Length is > 0 and <= 256 ? await users.FindByNameAsync(name) : null;
        return user ?? throw new NotFoundException($"There is no user '{(name.Length > 64 ? name[..64] + "…" : name)}'.", $"用户“{(name.Length > 64 ? name[..64] + "…" : name)}”不存在。");
    }

    /// <summary>Administrators other than <paramref name="userId"/> whose accounts are not disabled.</summary>
    public static async Task<int> OtherEnabledAdministratorsAsync(ProjectWorkflowDbContext db, string userId, CancellationToken cancellationToken)
    {
        var others = await (from user in db.Users
                            join link in db.UserRoles on user.Id equals link.UserId
                            join role in db.Roles on link.RoleId equals role.Id
                            where role.Name == Roles.Admin && user.Id != userId
                            select user.LockoutEnd).ToListAsync(cancellationToken);
        return others.Count(end => !IsDisabled(end));
    }
}
