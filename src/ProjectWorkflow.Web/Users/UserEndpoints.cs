using Microsoft.AspNetCore.Http.HttpResults;
using ProjectWorkflow.Application.Identity;
using ProjectWorkflow.Application.Users;
using ProjectWorkflow.Web.Errors;

namespace ProjectWorkflow.Web.Users;

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
