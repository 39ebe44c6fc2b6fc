using Microsoft.AspNetCore.Identity;
using ProjectWorkflow.Application.Audit;
using ProjectWorkflow.Application.Identity;
using ProjectWorkflow.Application.Ledger;
using ProjectWorkflow.Application.Persistence;
using ProjectWorkflow.Application.Validation;
using ProjectWorkflow.Engine.Runtime;
using ProjectWorkflow.Funding.Rules;

namespace ProjectWorkflow.Application.Users;

public sealed record ChangeRolesRequest(IReadOnlyList<string>? Roles);

/// <summary>
/// An administrator sets a person's roles. Refused (RoleSetConflict) when the set would let them play two of applicant,
/// expert, approver and payer; an administrator keeps their own administrator role, and the last enabled administrator
/// keeps theirs. Sessions carrying a role taken away end at once (the security stamp changes).
/// </summary>
public sealed class ChangeRoles(UserManager<PortalUser> users, ProjectWorkflowDbContext db, AuditTrail audit)
{
    public async Task<UserSummary> HandleAsync(string userName, ChangeRolesRequest request, Actor actor, CancellationToken cancellationToken)
    {
        if (request.Roles is null || request.Roles.Count == 0)
            throw new InvalidRequestException([FieldError.Of("roles", $"Give at least one role: {string.Join(", ", Identity.Roles.All)}.", "请至少选择一个角色。")]);
        if (request.Roles.Count > Identity.Roles.All.Count * 2 || request.Roles.Any(r => !Identity.Roles.All.Contains(r)))
            throw new InvalidRequestException([FieldError.Of("roles", $"Roles are: {string.Join(", ", Identity.Roles.All)}.", $"角色只能是：{string.Join("、", Identity.Roles.All)}。")]);
        var user = await UserAccount.FindAsync(users, userName);
        var wanted = request.Roles.Distinct().Order(StringComparer.Ordinal).ToList();
        var parts = wanted.Select(r => ProjectRoles.RoleOfGroups([r])).OfType<ProjectRole>().ToList();
        Check.Rules(new RoleSetConflictRule(user.UserName!, parts));

        var current = (await users.GetRolesAsync(user)).Order(StringComparer.Ordinal).ToList();
        var taken = current.Except(wanted).ToList();
        var given = wanted.Except(current).ToList();
        if (taken.Contains(Identity.Roles.Admin))
        {
            Check.Rules(new OwnAccountRule(actor.Id, user.UserName!));
            if (!UserAccount.IsDisabled(user.LockoutEnd))
                Check.Rules(new LastAdministratorRule(user.UserName!, await UserAccount.OtherEnabledAdministratorsAsync(db, user.Id, cancellationToken)));
        }
        if (taken.Count > 0 || given.Count > 0)
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            audit.Record("user.roles-changed", "user", user.UserName!, detail: $"roles {string.Join(", ", current)} → {string.Join(", ", wanted)}");
            if (taken.Count > 0) (await users.RemoveFromRolesAsync(user, taken)).ThrowIfFailed($"take roles from '{user.UserName}'");
            if (given.Count > 0) (await users.AddToRolesAsync(user, given)).ThrowIfFailed($"give roles to '{user.UserName}'");
            await transaction.CommitAsync(cancellationToken);
        }
        return await UserSummaryOf.UserAsync(users, user);
    }
}
