using Microsoft.AspNetCore.Identity;
using ProjectWorkflow.Application.Audit;
using ProjectWorkflow.Application.Identity;
using ProjectWorkflow.Application.Persistence;

namespace ProjectWorkflow.Web.Auth;

/// <summary>
/// One sign-in attempt, for the token endpoint and the portal form alike. Whoever asks learns only "signed in" or
/// "not": an unknown user name, a wrong password and a locked account get the same answer after the same work (a
/// password hash is checked in every case, against a dummy user when there is no real one or it is locked). Every
/// refusal is logged and audited (<c>sign-in.failed</c>, <c>sign-in.locked-out</c> when this attempt locked the
/// account, <c>sign-in.rate-limited</c>); attempts beyond the per-user-name limit are refused before any check.
/// </summary>
public sealed class PasswordCheck(
    UserManager<PortalUser> users,
    SignInManager<PortalUser> signIn,
    IPasswordHasher<PortalUser> hasher,
    SignInLimits limits,
    AuditTrail audit,
    ProjectWorkflowDbContext db,
    ILogger<PasswordCheck> logger)
{
    public abstract record Outcome;
    public sealed record SignedIn(PortalUser User) : Outcome;
    public sealed record Refused : Outcome;
    public sealed record TooManyAttempts(System.Threading.RateLimiting.RateLimitLease Lease) : Outcome;

    public const string RefusalTitle = "Invalid credentials";
    public const string RefusalDetail =
        "The user name or password is not correct, or the account is locked for a few minutes after too many wrong passwords.";

    private static readonly PortalUser DummyUser = new() { Id = "00000000-0000-0000-0000-000000000000", UserName = "-" };
    private static readonly Lazy<string> DummyHash = new(() => new PasswordHasher<PortalUser>().HashPassword(DummyUser, Guid.NewGuid().ToString("N")));

    public async Task<Outcome> CheckAsync(string userName, string password, string channel, HttpContext http)
    {
        var name = userName.Trim();
        var shown = name.Length > 128 ? name[..128] + "…" : name;
        var address = http.Connection.RemoteIpAddress?.ToString() ?? "unknown";

        using var lease = limits.TryAcquireForUser(name);
        if (!lease.IsAcquired)
        {
            logger.LogWarning("Sign-in for {UserName} from {Address} ({Channel}) refused: too many attempts for this user name", shown, address, channel);
            await AuditAsync("sign-in.rate-limited", shown, "Too many attempts for this user name.", channel, address);
            return new TooManyAttempts(lease);
        }

        var user = await users.FindByNameAsync(name);
        if (user is null || await users.IsLockedOutAsync(user))
        {
            // The same work as a real check, so the answer's timing does not tell an unknown or locked user apart.
            hasher.VerifyHashedPassword(DummyUser, DummyHash.Value, password);
            var reason = user is null ? "No such user." : "The account is locked.";
            logger.LogWarning("Sign-in for {UserName} from {Address} ({Channel}) refused: {Reason}", shown, address, channel, reason);
            await AuditAsync("sign-in.failed", shown, reason, channel, address);
            return new Refused();
        }

        var result = await signIn.CheckPasswordSignInAsync(user, password, lockoutOnFailure: true);
        if (result.Succeeded)
            return new SignedIn(user);

        if (result.IsLockedOut)
        {
            logger.LogWarning("Sign-in for {UserName} from {Address} ({Channel}): wrong password, the account is now locked out", shown, address, channel);
            await AuditAsync("sign-in.locked-out", shown, "Too many wrong passwords: the account is locked.", channel, address);
        }
        else
        {
            logger.LogWarning("Sign-in for {UserName} from {Address} ({Channel}) refused: wrong password", shown, address, channel);
            await AuditAsync("sign-in.failed", shown, "Wrong password.", channel, address);
        }
        return new Refused();
    }

    private async Task AuditAsync(string action, string userName, string reason, string channel, string address)
    {
        audit.Record(action, "user", userName, reason: reason, outcome: AuditOutcomes.Refused, detail: $"{channel} from {address}");
        await db.SaveChangesAsync();
    }
}
