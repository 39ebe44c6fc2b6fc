using System.Security.Claims;

namespace ProjectWorkflow.Web.Auth;

public sealed record Me(string UserName, IReadOnlyList<string> Roles);

public static class MeEndpoint
{
    public static RouteGroupBuilder MapMe(this RouteGroupBuilder api)
    {
        api.MapGet("/me", (ClaimsPrincipal user) => TypedResults.Ok(Describe(user)))
            .WithTags("Auth")
            .WithSummary("Who the caller is, and their roles");
        return api;
    }

    /// <summary>
    /// Each identity names its own role claim type (cookie: the WS-* URI; our tokens: "role";
    /// an external provider: whatever Auth:RoleClaimType says), so ask each one.
    /// </summary>
    private static Me Describe(ClaimsPrincipal user) => new(
        user.Identity?.Name ?? "",
        user.Identities
            .SelectMany(identity => identity.FindAll(identity.RoleClaimType))
            .Select(claim => claim.Value)
            .Distinct()
            .Order(StringComparer.Ordinal)
            .ToList());
}
