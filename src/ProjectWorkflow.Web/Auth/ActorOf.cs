using System.Security.Claims;
using ProjectWorkflow.Engine.Runtime;

namespace ProjectWorkflow.Web.Auth;

/// <summary>The engine's view of the signed-in person: user name, and roles plus group claims as groups.</summary>
internal static class ActorOf
{
    public const string GroupClaimType = "group";

    public static Actor User(ClaimsPrincipal user)
    {
        var groups = user.Identities
            .SelectMany(identity => identity.FindAll(identity.RoleClaimType).Concat(identity.FindAll(GroupClaimType)))
            .Select(claim => claim.Value)
            .ToHashSet(StringComparer.Ordinal);
        return new Actor(user.Identity?.Name ?? throw new InvalidOperationException("An authenticated user has no name."), groups);
    }
}
