using System.Diagnostics;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Routing;

namespace ProjectWorkflow.Web.Errors;

/// <summary>
/// Every error leaves as RFC 9457 <c>application/problem+json</c>: thrown exceptions,
/// bare status codes set by auth or routing (401, 403, 404, 405, 415), and results.
/// </summary>
public static class ErrorHandling
{
    public static IServiceCollection AddErrorHandling(this IServiceCollection services)
    {
        services.AddProblemDetails(options => options.CustomizeProblemDetails = context =>
        {
            var http = context.HttpContext;
            context.ProblemDetails.Instance ??= $"{http.Request.PathBase}{http.Request.Path}";
            context.ProblemDetails.Extensions.TryAdd(
                "traceId", Activity.Current?.Id ?? http.TraceIdentifier);
            if (context.ProblemDetails.Detail is null
                && StatusDetails.TryGetValue(context.ProblemDetails.Status ?? 0, out var detail))
            {
                context.ProblemDetails.Detail = detail;
            }
        });
        // Order matters: an unreachable database or upload store is a 503 to retry and refusals become 4xx, before
        // anything left is treated as a bug.
        services.AddExceptionHandler<DatabaseUnavailable>();
        services.AddExceptionHandler<UploadStoreUnavailable>();
        services.AddExceptionHandler<RefusalProblems>();
        services.AddExceptionHandler<AttachmentBytesMissing>();
        services.AddExceptionHandler<UnhandledExceptionHandler>();

        // Malformed JSON, wrong content type, missing body: let them reach the exception
        // handler with the framework's own explanation, instead of an empty 400.
        services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
        return services;
    }

    public static WebApplication UseErrorHandling(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        return app;
    }

    private static readonly Dictionary<int, string> StatusDetails = new()
    {
        [StatusCodes.Status401Unauthorized] =
            "Sign in first: send 'Authorization: Bearer <token>' (from POST /api/auth/token) or use the portal's sign-in.",
        [StatusCodes.Status403Forbidden] = "Your roles do not allow this action.",
        [StatusCodes.Status404NotFound] = "Nothing exists at this address.",
        [StatusCodes.Status405MethodNotAllowed] = "This address does not accept this HTTP method.",
        [StatusCodes.Status415UnsupportedMediaType] = "Send the body with the content type this endpoint accepts (usually application/json).",
    };
}
