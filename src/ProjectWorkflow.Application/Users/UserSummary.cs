using Microsoft.AspNetCore.Identity;
using ProjectWorkflow.Application.Identity;

namespace ProjectWorkflow.Application.Users;

/// <summary>A user as the administrators' list shows them; <c>disabled</c> when an administrator disabled the account.</summary>
public sealed record UserSummary(string Id, string UserName, string DisplayName, string? Organisation, IReadOnlyList<string> Roles, string? Email = null, bool Disabled = false);

internal static class UserSummaryOf
{
    public static async Task<UserSummary> UserAsync(UserManager<PortalUser> users, PortalUser user) => new(
        user.Id, user.UserName!, user.DisplayName, user.Organisation,
        (await users.GetRolesAsync(user)).Order(StringComparer.Ordinal).ToList(), user.Email, UserAccount.IsDisabled(user.LockoutEnd));
}
