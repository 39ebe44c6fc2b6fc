using ProjectWorkflow.Application.Identity;
using ProjectWorkflow.Application.Warnings;

namespace ProjectWorkflow.Web.Warnings;

public static class WarningEndpoints
{
    public static RouteGroupBuilder MapWarnings(this RouteGroupBuilder api)
    {
        api.MapGet("/admin/warnings", async (AdminWarnings warnings, CancellationToken ct) => TypedResults.Ok(await warnings.HandleAsync(ct)))
            .WithTags("Warnings")
            .RequireAuthorization(policy => policy.RequireRole(Roles.Admin))
            .WithSummary("What administrators must still set for this year and the next: rule sets, budgets, holiday data (admin)");
        return api;
    }
}
