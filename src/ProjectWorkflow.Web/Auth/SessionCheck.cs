using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using ProjectWorkflow.Application.Identity;

namespace ProjectWorkflow.Web.Auth;

/// <summary>
/// A bearer token we issued is good only while its user exists, is not locked out and still has the security stamp
/// the token was issued with (a hash of it is the token's <see cref="StampClaim"/>): a role given or taken, a new
/// password, a lockout or a disabled account change the stamp (see <see cref="PortalUserManager"/>), and the token is
/// refused with 401. The answer is remembered for <c>Auth:SessionCheckSeconds</c>. The portal cookie gets the same
/// check from Identity's <c>SecurityStampValidator</c> on the same interval. Tokens of an external provider are its business.
/// </summary>
public static class SessionCheck
{
    public const string StampClaim = "sst";

    /// <summary>What the token carries instead of the stamp itself.</summary>
    public static string StampOf(PortalUser user) =>
        Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(user.SecurityStamp ?? "")))[..22];

    public static async Task OnTokenValidatedAsync(TokenValidatedContext context)
    {
        var services = context.HttpContext.RequestServices;
        var settings = services.GetRequiredService<IOptions<AuthSettings>>().Value;
        if (settings.UsesExternalProvider)
            return;

        var userId = context.Principal?.FindFirst("sub")?.Value;
        var stamp = context.Principal?.FindFirst(StampClaim)?.Value;
        if (string.IsNullOrEmpty(userId) || string.IsNullOrEmpty(stamp))
        {
            context.Fail("The token names no user or carries no security stamp.");
            return;
        }

        var cache = services.GetRequiredService<IMemoryCache>();
        var key = $"session-check:{userId}:{stamp}";
        if (!cache.TryGetValue(key, out bool current))
        {
            var users = services.GetRequiredService<UserManager<PortalUser>>();
            var user = await users.FindByIdAsync(userId);
            current = user is not null && StampOf(user) == stamp && !await users.IsLockedOutAsync(user);
            if (settings.SessionCheckSeconds > 0)
                cache.Set(key, current, TimeSpan.FromSeconds(settings.SessionCheckSeconds));
        }
        if (!current)
            context.Fail("The token's user no longer exists, is locked out, or its roles or password changed since the token was issued.");
    }
}
