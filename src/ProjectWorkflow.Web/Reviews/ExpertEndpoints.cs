using ProjectWorkflow.Application.Identity;
using ProjectWorkflow.Application.Reviews;

namespace ProjectWorkflow.Web.Reviews;

public static class ExpertEndpoints
{
    /// <summary>The expert pool (专家库): its experts' fields and their ties to enterprises and calls, kept by administrators.</summary>
    public static RouteGroupBuilder MapExperts(this RouteGroupBuilder api)
    {
        var experts = api.MapGroup("/experts").WithTags("Expert pool");

        experts.MapGet("/", async (ListExperts list, CancellationToken ct) => TypedResults.Ok(await list.HandleAsync(ct)))
            .RequireAuthorization(policy => policy.RequireRole(Roles.Admin, Roles.DeptApprover, Roles.Auditor))
            .WithSummary("The expert pool: each expert's fields and relations (admin, dept-approver, auditor)");

        experts.MapPut("/{expert}", async (string expert, SaveExpertRequest request, SaveExpert save, CancellationToken ct) =>
                TypedResults.Ok(await save.HandleAsync(expert, request, ct)))
            .RequireAuthorization(policy => policy.RequireRole(Roles.Admin))
            .WithSummary("Enrol a user with the expert role in the pool, or change their fields: { fields: [technical, financial] } (admin)");

        experts.MapPost("/{expert}/relations", async (string expert, RelateExpertRequest request, RelateExpert relate, CancellationToken ct) =>
                TypedResults.Created((string?)null, await relate.HandleAsync(expert, request, ct)))
            .RequireAuthorization(policy => policy.RequireRole(Roles.Admin))
            .WithSummary("Record a tie to an enterprise (employer, advisory, investment-or-control, legal-dispute; uscc, endedOn) or a call (drafted-call; schemeKey, year) (admin)");

        experts.MapDelete("/{expert}/relations/{id:long}", async (string expert, long id, UnrelateExpert unrelate, CancellationToken ct) =>
            {
                await unrelate.HandleAsync(expert, id, ct);
                return TypedResults.NoContent();
            })
            .RequireAuthorization(policy => policy.RequireRole(Roles.Admin))
            .WithSummary("Remove a relation recorded by mistake (admin)");

        return api;
    }
}
