using Microsoft.EntityFrameworkCore;
using ProjectWorkflow.Application.Persistence;
using ProjectWorkflow.Application.Validation;
using ProjectWorkflow.Application.Workflows.Tasks;

namespace ProjectWorkflow.Application.Workflows.Deputies;

/// <summary>A person the deputies' use cases name: existing, and whether their account is open, with their roles.</summary>
internal sealed record Person(string UserName, bool Active, IReadOnlyList<string> Roles)
{
    public static async Task<Person?> FindAsync(ProjectWorkflowDbContext db, string name, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var normalized = name.Trim().ToUpperInvariant();
        var user = await db.Users.AsNoTracking().Where(u => u.NormalizedUserName == normalized)
            .Select(u => new { u.Id, u.UserName, u.LockoutEnd }).FirstOrDefaultAsync(cancellationToken);
        if (user is null) return null;
        var roles = await (from link in db.UserRoles
                           join role in db.Roles on link.RoleId equals role.Id
                           where link.UserId == user.Id
                           select role.Name!).ToListAsync(cancellationToken);
        return new Person(user.UserName!, user.LockoutEnd is not { } until || until <= now, roles);
    }

    /// <summary>A user name field: present, at most Identity's length, no control characters.</summary>
    public static string RequireName(string? value, string field, string missing, string missingZh)
    {
        if (string.IsNullOrWhiteSpace(value)) throw InvalidRequestException.For(field, missing, missingZh);
        var name = value.Trim();
        if (name.Length > TaskPermissions.MaxUserNameLength || name.Any(char.IsControl))
            throw InvalidRequestException.For(field, $"A user name has at most {TaskPermissions.MaxUserNameLength} characters and no control characters.", $"用户名最多 {TaskPermissions.MaxUserNameLength} 个字符，且不能含控制字符。");
        return name;
    }
}
