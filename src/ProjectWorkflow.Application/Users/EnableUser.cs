using Microsoft.AspNetCore.Identity;
using ProjectWorkflow.Application.Audit;
using ProjectWorkflow.Application.Identity;
using ProjectWorkflow.Application.Persistence;

namespace ProjectWorkflow.Application.Users;

/// <summary>An administrator enables a disabled (or locked-out) account again: the person signs in with the password they had.</summary>
public sealed class EnableUser(UserManager<PortalUser> users, ProjectWorkflowDbContext db, AuditTrail audit, TimeProvider time)
{
    public async Task<UserSummary> HandleAsync(string userName, CancellationToken cancellationToken)
    {
        var user = await UserAccount.FindAsync(users, userName);
        if (user.LockoutEnd is { } end && end > time.GetUtcNow())
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            audit.Record("user.enabled", "user", user.UserName!, detail: UserAccount.IsDisabled(end) ? "was disabled" : "was locked out after wrong passwords");
            (await users.SetLockoutEndDateAsync(user, null)).ThrowIfFailed($"enable '{user.UserName}'");
            (await users.ResetAccessFailedCountAsync(user)).ThrowIfFailed($"reset '{user.UserName}''s failed sign-ins");
            await transaction.CommitAsync(cancellationToken);
        }
        return await UserSummaryOf.UserAsync(users, user);
    }
}
