using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using ProjectWorkflow.Application.Identity;
using ProjectWorkflow.Application.Validation;
using ProjectWorkflow.Web.Errors;
using ProjectWorkflow.Web.Idempotency;

namespace ProjectWorkflow.Web.Auth;

public sealed record TokenRequest(string? Username, string? Password);

public sealed record TokenResponse(string AccessToken, string TokenType, int ExpiresIn);

public static class TokenEndpoint
{
    public static RouteGroupBuilder MapTokenEndpoint(this RouteGroupBuilder api)
    {
        api.MapPost("/auth/token", IssueToken)
            .AllowAnonymous()
            // A token response must not be stored and replayed.
            .WithoutIdempotency()
            .WithTags("Auth")
            .WithSummary("Exchange a user name and password for a bearer token");
        return api;
    }

    private static async Task<Results<Ok<TokenResponse>, ProblemHttpResult>> IssueToken(
        TokenRequest? request,
        UserManager<PortalUser> users,
        SignInManager<PortalUser> signIn,
        TokenIssuer issuer,
        IOptions<AuthSettings> settings)
    {
        if (settings.Value.UsesExternalProvider)
        {
            return TypedResults.Problem(
                statusCode: StatusCodes.Status404NotFound,
                title: "Tokens come from the identity provider",
                detail: $"This deployment accepts tokens issued by {settings.Value.Authority}; ask that provider for one.");
        }

        var errors = new List<FieldError>();
        if (string.IsNullOrWhiteSpace(request?.Username))
            errors.Add(new FieldError("username", "Enter the user name."));
        if (string.IsNullOrEmpty(request?.Password))
            errors.Add(new FieldError("password", "Enter the password."));
        if (errors.Count > 0)
            return ValidationErrors.Problem(errors);

        var user = await users.FindByNameAsync(request!.Username!);
        if (user is null)
            return InvalidCredentials();

        var check = await signIn.CheckPasswordSignInAsync(user, request.Password!, lockoutOnFailure: true);
        if (check.IsLockedOut)
        {
            return TypedResults.Problem(
                statusCode: StatusCodes.Status401Unauthorized,
                title: "Account locked",
                detail: "Too many wrong passwords: this account is locked for a few minutes. Try again later.");
        }
        if (!check.Succeeded)
            return InvalidCredentials();

        var token = issuer.Issue(user, await users.GetRolesAsync(user));
        return TypedResults.Ok(new TokenResponse(token.Token, "Bearer", token.ExpiresInSeconds));
    }

    private static ProblemHttpResult InvalidCredentials() => TypedResults.Problem(
        statusCode: StatusCodes.Status401Unauthorized,
        title: "Invalid credentials",
        detail: "The user name or password is not correct.");
}
