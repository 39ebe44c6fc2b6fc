using Microsoft.AspNetCore.Identity;
using ProjectWorkflow.Application.Audit;
using ProjectWorkflow.Application.Identity;
using ProjectWorkflow.Application.Persistence;
using ProjectWorkflow.Application.Validation;

namespace ProjectWorkflow.Application.Users;

public sealed record CreateUserRequest(
    string? UserName, string? DisplayName, string? Organisation, string? Password, IReadOnlyList<string>? Roles, string? Email = null);

/// <summary>The administrator adds a person who signs in with a local password.</summary>
public sealed class CreateUser(UserManager<PortalUser> users, ProjectWorkflowDbContext db, AuditTrail audit)
{
    public abstract record Outcome;
    public sealed record Created(UserSummary User) : Outcome;
    public sealed record Invalid(IReadOnlyList<FieldError> Errors) : Outcome;
    public sealed record UserNameTaken(string UserName) : Outcome;

    public async Task<Outcome> HandleAsync(CreateUserRequest request)
    {
        var errors = Validate(request);
        if (errors.Count > 0)
            return new Invalid(errors);

        if (await users.FindByNameAsync(request.UserName!) is not null)
            return new UserNameTaken(request.UserName!);

        var user = new PortalUser
        {
            UserName = request.UserName!.Trim(),
            DisplayName = request.DisplayName!.Trim(),
            Organisation = string.IsNullOrWhiteSpace(request.Organisation) ? null : request.Organisation.Trim(),
            // Where notifications are mailed; without one the person gets them in the portal only.
            Email = string.IsNullOrWhiteSpace(request.Email) ? null : request.Email.Trim(),
        };
        var roles = request.Roles!.Distinct().Order(StringComparer.Ordinal).ToList();
        // The person and their roles are one change: both saved, with their audit entries, or neither.
        await using var transaction = await db.Database.BeginTransactionAsync();
        audit.Record("user.created", "user", user.UserName,
            detail: $"display name {user.DisplayName}; organisation {user.Organisation ?? "-"}; e-mail {user.Email ?? "-"}");
        var created = await users.CreateAsync(user, request.Password!);
        if (!created.Succeeded)
        {
            audit.TakePending(); // nothing was created: the staged entry describes nothing
            return created.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.DuplicateUserName))
                ? new UserNameTaken(user.UserName)
                : new Invalid(created.Errors.Select(ToFieldError).ToList());
        }

        audit.Record("user.roles-granted", "user", user.UserName, detail: $"roles {string.Join(", ", roles)}");
        (await users.AddToRolesAsync(user, roles)).ThrowIfFailed($"give '{user.UserName}' its roles");
        await transaction.CommitAsync();
        return new Created(new UserSummary(user.Id, user.UserName, user.DisplayName, user.Organisation, roles, user.Email));
    }

    private static List<FieldError> Validate(CreateUserRequest request)
    {
        var errors = new List<FieldError>();
        if (string.IsNullOrWhiteSpace(request.UserName))
            errors.Add(new("userName", "Enter a user name."));
        if (string.IsNullOrWhiteSpace(request.DisplayName))
            errors.Add(new("displayName", "Enter the name to show for this person."));
        if (string.IsNullOrEmpty(request.Password))
            errors.Add(new("password", "Enter an initial password."));
        if (!string.IsNullOrWhiteSpace(request.Email)
            && !(System.Net.Mail.MailAddress.TryCreate(request.Email.Trim(), out var address) && address.Address == request.Email.Trim()))
            errors.Add(new("email", "Enter an e-mail address like name@example.gov, or leave it out."));
        if (request.Roles is null || request.Roles.Count == 0)
            errors.Add(new("roles", $"Give at least one role: {string.Join(", ", Identity.Roles.All)}."));
        else
        {
            foreach (var unknown in request.Roles.Where(r => !Identity.Roles.All.Contains(r)))
                errors.Add(new("roles", $"'{unknown}' is not a role. Roles are: {string.Join(", ", Identity.Roles.All)}."));
        }
        return errors;
    }

    private static FieldError ToFieldError(IdentityError error) => new(
        error.Code.StartsWith("Password", StringComparison.Ordinal) ? "password" : "userName",
        error.Description);
}
