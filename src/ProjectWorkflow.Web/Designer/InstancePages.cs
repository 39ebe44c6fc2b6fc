using System.Security.Claims;
using ProjectWorkflow.Application.Identity;
using ProjectWorkflow.Application.Workflows.Incidents;
using ProjectWorkflow.Application.Workflows.Instances;
using ProjectWorkflow.Web.Applications;
using ProjectWorkflow.Web.Auth;
using ProjectWorkflow.Web.Portal;

namespace ProjectWorkflow.Web.Designer;

/// <summary>
/// The instance viewer: an instance's drawing with what it finished, where it waits, what failed and which flows it
/// took marked on it (by the bpmn-js viewer, from <c>GET /api/instances/{id}</c>), its journal beside it, and its
/// incidents with a retry button for administrators. Staff only, as the journal is the fund's internal record.
/// </summary>
public static class InstancePages
{
    public static IEndpointRouteBuilder MapInstancePages(this IEndpointRouteBuilder app)
    {
        var pages = app.MapGroup("/portal/instances").ExcludeFromDescription()
            .RequireAuthorization(policy => policy.RequireRole(Roles.DistrictReviewer, Roles.DeptApprover, Roles.Finance, Roles.Admin, Roles.Auditor));
        pages.MapGet("/{id:guid}", async (Guid id, string? done, ClaimsPrincipal user, GetInstance get, GetJournal journal, CancellationToken ct) =>
            await ApplicationPages.RefusedAsPageAsync(async () =>
            {
                var actor = ActorOf.User(user);
                var instance = await get.HandleAsync(id, actor, ct);
                var lines = await journal.HandleAsync(id, actor, ct);
                return PortalPageResult.Page<InstancePage>(new { Instance = instance, Journal = lines, Retried = done == "retried" });
            }));
        pages.MapPost("/{id:guid}/incidents/{incidentId:guid}/retry", async (Guid id, Guid incidentId, ClaimsPrincipal user, RetryIncident retry, CancellationToken ct) =>
                await ApplicationPages.RefusedAsPageAsync(async () =>
                {
                    var outcome = await retry.HandleAsync(incidentId, new RetryIncidentRequest(null), ActorOf.User(user), ct);
                    return Results.LocalRedirect($"/portal/instances/{outcome.InstanceId}?done=retried");
                }))
            .RequireAuthorization(policy => policy.RequireRole(Roles.Admin));
        return app;
    }
}
