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
            .RequireRateLimiting(SignInLimits.Policy)
            .Produces<TokenResponse>()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status429TooManyRequests)
            .WithTags("Auth")
            .WithSummary("Exchange a user name and password for a bearer token");
        return api;
    }

    private static async Task<IResult> IssueToken(
        TokenRequest? request,
        HttpContext http,
        UserManager<PortalUser> users,
        PasswordCheck check,
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
            errors.Add(FieldError.Of("username", "Enter the user name.", "请输入用户名。"));
        if (string.IsNullOrEmpty(request?.Password))
            errors.Add(FieldError.Of("password", "Enter the password.", "请输入密码。"));
        if (errors.Count > 0)
            return ValidationErrors.Problem(errors);

        switch (await check.CheckAsync(request!.Username!, request.Password!, "token", http))
        {
            case PasswordCheck.SignedIn(var user):
                var token = issuer.Issue(user, await users.GetRolesAsync(user));
                return TypedResults.Ok(new TokenResponse(token.Token, "Bearer", token.ExpiresInSeconds));
            case PasswordCheck.TooManyAttempts(var lease):
                await SignInLimits.RefuseAsync(http, lease);
                return new Empty();
            default:
                return InvalidCredentials();
        }
    }

    private static ProblemHttpResult InvalidCredentials() => TypedResults.Problem(
        statusCode: StatusCodes.Status401Unauthorized,
        title: PasswordCheck.RefusalTitle,
        detail: PasswordCheck.RefusalDetail);

    /// <summary>The answer was already written (the 429 of the per-user-name limit).</summary>
    private sealed class Empty : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext) => Task.CompletedTask;
    }
}
