using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using ProjectWorkflow.Application.Identity;
using ProjectWorkflow.Application.Users;
using ProjectWorkflow.Web.Auth;
using ProjectWorkflow.Web.Errors;

namespace ProjectWorkflow.Web.Users;

public sealed record DisableUserRequest(string? Reason);

public static class UserEndpoints
{
    public static RouteGroupBuilder MapUsers(this RouteGroupBuilder api)
    {
        var users = api.MapGroup("/users").WithTags("Users");

        users.MapGet("/", async (ListUsers list, CancellationToken cancellationToken) =>
                TypedResults.Ok(await list.HandleAsync(cancellationToken)))
            .RequireAuthorization(policy => policy.RequireRole(Roles.Admin, Roles.Auditor))
            .WithSummary("List users and their roles (admin, auditor)");

        users.MapPost("/", Create)
            .RequireAuthorization(policy => policy.RequireRole(Roles.Admin))
            .WithSummary("Create a user with a local password (admin)");

        users.MapPost("/{userName}/disable", async (string userName, DisableUserRequest? request, ClaimsPrincipal user, DisableUser disable, CancellationToken ct) =>
                TypedResults.Ok(await disable.HandleAsync(userName, request?.Reason, ActorOf.User(user), ct)))
            .RequireAuthorization(policy => policy.RequireRole(Roles.Admin))
            .WithSummary("Disable a user: sign-in refused, sessions ended; never oneself nor the last administrator (admin)");

        users.MapPost("/{userName}/enable", async (string userName, EnableUser enable, CancellationToken ct) =>
                TypedResults.Ok(await enable.HandleAsync(userName, ct)))
            .RequireAuthorization(policy => policy.RequireRole(Roles.Admin))
            .WithSummary("Enable a disabled or locked-out user again (admin)");

        users.MapPost("/{userName}/password-reset", async (string userName, ResetPassword reset, HttpContext http, CancellationToken ct) =>
            {
                // The temporary password is in this answer only: never cached, never stored but as its hash.
                http.Response.Headers.CacheControl = "no-store";
                return TypedResults.Ok(await reset.HandleAsync(userName, ct));
            })
            .RequireAuthorization(policy => policy.RequireRole(Roles.Admin))
            .WithSummary("Reset a user's password to a temporary one, shown once in the answer (admin)");

        users.MapPut("/{userName}/roles", async (string userName, ChangeRolesRequest request, ClaimsPrincipal user, ChangeRoles change, CancellationToken ct) =>
                TypedResults.Ok(await change.HandleAsync(userName, request, ActorOf.User(user), ct)))
            .RequireAuthorization(policy => policy.RequireRole(Roles.Admin))
            .WithSummary("Set a user's roles; refused when they would play two of applicant, expert, approver, payer (admin)");

        return api;
    }

    private static async Task<Results<Created<UserSummary>, ProblemHttpResult>> Create(
        CreateUserRequest request, CreateUser createUser) =>
        await createUser.HandleAsync(request) switch
        {
            CreateUser.Created created => TypedResults.Created((string?)null, created.User),
            CreateUser.Invalid invalid => ValidationErrors.Problem(invalid.Errors),
            CreateUser.UserNameTaken taken => TypedResults.Problem(
                statusCode: StatusCodes.Status409Conflict,
                title: "User name taken",
                detail: $"A user named '{taken.UserName}' already exists. Choose another user name."),
            var other => throw new InvalidOperationException($"Unexpected outcome {other}"),
        };
}
