using System.Security.Claims;
using ProjectWorkflow.Application.Enterprises;
using ProjectWorkflow.Application.Identity;
using ProjectWorkflow.Web.Workflows;

namespace ProjectWorkflow.Web.Enterprises;

public static class EnterpriseEndpoints
{
    public static RouteGroupBuilder MapEnterprises(this RouteGroupBuilder api)
    {
        var enterprises = api.MapGroup("/enterprises").WithTags("Enterprises");

        enterprises.MapPost("/", async (RegisterEnterpriseRequest request, ClaimsPrincipal user, EnterpriseDirectory directory, CancellationToken ct) =>
            {
                var registered = await directory.RegisterAsync(request, ActorOf.User(user), ct);
                return TypedResults.Created($"/api/enterprises/{registered.Id}", registered);
            })
            .RequireAuthorization(policy => policy.RequireRole(Roles.Enterprise))
            .WithSummary("Register the enterprise you act for, by its unified social credit code (enterprise users)");

        enterprises.MapGet("/mine", async (ClaimsPrincipal user, EnterpriseDirectory directory, CancellationToken ct) =>
                await directory.MineAsync(ActorOf.User(user), ct) is { } mine
                    ? Results.Ok(mine)
                    : Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found",
                        detail: "You do not act for a registered enterprise yet: register it with POST /api/enterprises."))
            .WithSummary("The enterprise you act for");

        enterprises.MapGet("/{id:guid}", async (Guid id, ClaimsPrincipal user, EnterpriseDirectory directory, CancellationToken ct) =>
                TypedResults.Ok(await directory.GetAsync(id, ActorOf.User(user), ct)))
            .WithSummary("One enterprise (its own users, and the fund's staff)");

        enterprises.MapGet("/", async (ClaimsPrincipal user, EnterpriseDirectory directory, CancellationToken ct) =>
                TypedResults.Ok(await directory.ListAsync(ActorOf.User(user), ct)))
            .WithSummary("Every registered enterprise (the fund's staff)");

        return api;
    }
}
