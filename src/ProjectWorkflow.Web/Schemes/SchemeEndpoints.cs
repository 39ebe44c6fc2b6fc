using System.Security.Claims;
using ProjectWorkflow.Application.Identity;
using ProjectWorkflow.Application.Schemes;
using ProjectWorkflow.Web.Auth;
using ProjectWorkflow.Web.Workflows;

namespace ProjectWorkflow.Web.Schemes;

public static class SchemeEndpoints
{
    public static RouteGroupBuilder MapSchemes(this RouteGroupBuilder api)
    {
        var schemes = api.MapGroup("/schemes").WithTags("Schemes");

        schemes.MapGet("/", async (ListSchemes list, CancellationToken ct) => TypedResults.Ok(await list.HandleAsync(ct)))
            .WithSummary("The schemes and the years they have rules for");

        schemes.MapGet("/{key}", async (string key, ListSchemes list, CancellationToken ct) => TypedResults.Ok(await list.GetAsync(key, ct)))
            .WithSummary("A scheme with every year's rule set (amounts in integer fen)");

        schemes.MapPost("/{key}/rule-sets", async (string key, RuleSetDocument document, ClaimsPrincipal user, AddRuleSet add, CancellationToken ct) =>
            {
                var added = await add.HandleAsync(key, document, ActorOf.User(user), ct);
                return TypedResults.Created($"/api/schemes/{Uri.EscapeDataString(key)}", added);
            })
            .RequireAuthorization(policy => policy.RequireRole(Roles.Admin))
            .WithSummary("Add a year's rules to a scheme (admin); a year's rules never change once added");

        schemes.MapGet("/{key}/results/{year:int}", async (string key, int year, ClaimsPrincipal user, SchemeResults results, CancellationToken ct) =>
                TypedResults.Ok(await results.HandleAsync(key, year, ActorOf.User(user), ct)))
            .WithSummary("A scheme-year's contribution to the plan (staff): projects funded, closed, recovered; the plan indicators promised and delivered");

        return api;
    }
}
