using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using ProjectWorkflow.Application.Enterprises;
using ProjectWorkflow.Application.Identity;
using ProjectWorkflow.Application.Persistence;

namespace ProjectWorkflow.Web.Auth;

/// <summary>
/// Adds to a signed-in enterprise user the group of the enterprise they act for (<see cref="EnterpriseGroups"/>), as a
/// <see cref="ActorOf.GroupClaimType"/> claim, so the engine offers them the enterprise's steps whoever submitted the
/// application. Read from the database on each request (one indexed lookup, enterprise users only): an accepted
/// invitation counts at once, without signing in again. Not a role: the audit log's roles stay the user's own.
/// </summary>
internal sealed class EnterpriseGroupClaims(ProjectWorkflowDbContext db) : IClaimsTransformation
{
    private const string AuthenticationType = "enterprise-membership";

    public async Task<ClaimsPrincipal> TransformAsync(ClaimsPrincipal principal)
    {
        // Runs once per authentication (the policy scheme forwards, so twice a request): add the groups once.
        if (principal.Identity is not { IsAuthenticated: true, Name: { Length: > 0 } name }
            || !principal.IsInRole(Roles.Enterprise)
            || principal.Identities.Any(i => i.AuthenticationType == AuthenticationType))
            return principal;
        var groups = await EnterpriseGroups.OfUserAsync(db, name, CancellationToken.None);
        var membership = new ClaimsIdentity(groups.Select(g => new Claim(ActorOf.GroupClaimType, g)), AuthenticationType);
        var transformed = principal.Clone();
        transformed.AddIdentity(membership);
        return transformed;
    }
}
