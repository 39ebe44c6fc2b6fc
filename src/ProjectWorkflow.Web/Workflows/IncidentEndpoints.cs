using System.Security.Claims;
using ProjectWorkflow.Application.Identity;
using ProjectWorkflow.Application.Workflows.Incidents;
using ProjectWorkflow.Web.Auth;

namespace ProjectWorkflow.Web.Workflows;

public static class IncidentEndpoints
{
    public static RouteGroupBuilder MapIncidents(this RouteGroupBuilder api)
    {
        var incidents = api.MapGroup("/incidents").WithTags("Incidents");

        incidents.MapGet("/", async (ListIncidents list, CancellationToken ct) => TypedResults.Ok(await list.HandleAsync(ct)))
            .RequireAuthorization(policy => policy.RequireRole(Roles.Admin, Roles.Auditor))
            .WithSummary("Open incidents with their cause, and faulted instances (admin, auditor)");

        incidents.MapPost("/{id:guid}/retry", async (Guid id, RetryIncidentRequest request, ClaimsPrincipal user, RetryIncident retry, CancellationToken ct) =>
                TypedResults.Ok(await retry.HandleAsync(id, request, ActorOf.User(user), ct)))
            .RequireAuthorization(policy => policy.RequireRole(Roles.Admin))
            .WithSummary("Run the failed step again after its cause is fixed, optionally with corrected variables (admin)");
        return api;
    }
}
