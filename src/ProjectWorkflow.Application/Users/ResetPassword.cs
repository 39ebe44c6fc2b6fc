using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using ProjectWorkflow.Application.Audit;
using ProjectWorkflow.Application.Identity;
using ProjectWorkflow.Application.Persistence;

namespace ProjectWorkflow.Application.Users;

/// <summary>The new password, shown once to the administrator who hands it over; it is stored only as its hash and never logged.</summary>
public sealed record PasswordReset(string UserName, string TemporaryPassword);

/// <summary>
/// An administrator resets a person's password: a random one replaces it (only its hash is kept), the person's sessions
/// and tokens end (the security stamp changes), and a lockout for wrong passwords is lifted; a disabled account stays disabled.
/// </summary>
public sealed class ResetPassword(UserManager<PortalUser> users, ProjectWorkflowDbContext db, AuditTrail audit)
{
    // No look-alikes (0/O, 1/l/I): the administrator reads it out or writes it down.
    private const string Letters = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ";
    private const string Digits = "23456789";
    private const string Marks = "#%+-=";

    public async Task<PasswordReset> HandleAsync(string userName, CancellationToken cancellationToken)
    {
        var user = await UserAccount.FindAsync(users, userName);
        var password = NewPassword();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        audit.Record("user.password-reset", "user", user.UserName!, detail: "a temporary password was handed to the administrator");
        if (await users.HasPasswordAsync(user))
            (await users.RemovePasswordAsync(user)).ThrowIfFailed($"remove '{user.UserName}''s password");
        (await users.AddPasswordAsync(user, password)).ThrowIfFailed($"set '{user.UserName}''s temporary password");
        if (!UserAccount.IsDisabled(user.LockoutEnd) && user.LockoutEnd is not null)
            (await users.SetLockoutEndDateAsync(user, null)).ThrowIfFailed($"lift '{user.UserName}''s lockout");
        (await users.ResetAccessFailedCountAsync(user)).ThrowIfFailed($"reset '{user.UserName}''s failed sign-ins");
        await transaction.CommitAsync(cancellationToken);
        return new PasswordReset(user.UserName!, password);
    }

    /// <summary>16 characters (about 90 bits) from a cryptographic source, with a letter of each case, a digit and a mark (Identity's password rules).</summary>
    private static string NewPassword()
    {
        var all = Letters + Digits + Marks;
        while (true)
        {
            var chars = Enumerable.Range(0, 16).Select(_ => all[RandomNumberGenerator.GetInt32(all.Length)]).ToArray();
            var text = new string(chars);
            if (text.Any(char.IsLower) && text.Any(char.IsUpper) && text.Any(char.IsDigit) && text.Any(Marks.Contains)) return text;
        }
    }
}
