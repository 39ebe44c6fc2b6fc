using Microsoft.AspNetCore.Identity;
using ProjectWorkflow.Application.Audit;
using ProjectWorkflow.Application.Identity;
using ProjectWorkflow.Application.Persistence;
using ProjectWorkflow.Engine.Runtime;
using ProjectWorkflow.Funding.Rules;

namespace ProjectWorkflow.Application.Users;

/// <summary>
/// An administrator disables a person's account: sign-in is refused from then on and the sessions and tokens they hold
/// stop working at once (the lockout changes the security stamp, <see cref="PortalUserManager"/>). Never their own
/// account, nor the last enabled administrator.
/// </summary>
public sealed class DisableUser(UserManager<PortalUser> users, ProjectWorkflowDbContext db, AuditTrail audit)
{
    public async Task<UserSummary> HandleAsync(string userName, string? reason, Actor actor, CancellationToken cancellationToken)
    {
        var user = await UserAccount.FindAsync(users, userName);
        if (reason is { Length: > 500 })
            throw Validation.InvalidRequestException.For("reason", "The reason is at most 500 characters.", "原因最多 500 个字符。");
        Check.Rules(new OwnAccountRule(actor.Id, user.UserName!));
        if (await users.IsInRoleAsync(user, Roles.Admin))
            Check.Rules(new LastAdministratorRule(user.UserName!, await UserAccount.OtherEnabledAdministratorsAsync(db, user.Id, cancellationToken)));
        if (!UserAccount.IsDisabled(user.LockoutEnd))
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            audit.Record("user.disabled", "user", user.UserName!, reason: string.IsNullOrWhiteSpace(reason) ? null : reason.Trim());
            (await users.SetLockoutEnabledAsync(user, true)).ThrowIfFailed($"let '{user.UserName}' be locked");
            (await users.SetLockoutEndDateAsync(user, UserAccount.DisabledUntil)).ThrowIfFailed($"disable '{user.UserName}'");
            await transaction.CommitAsync(cancellationToken);
        }
        return await UserSummaryOf.UserAsync(users, user);
    }
}
