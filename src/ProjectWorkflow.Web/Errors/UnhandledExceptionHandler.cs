using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace ProjectWorkflow.Web.Errors;

/// <summary>
/// Turns exceptions into problem details without ever sending exception text or stack
/// traces for a 500: those go to the log, keyed by the trace id the client receives.
/// </summary>
internal sealed class UnhandledExceptionHandler(
    IProblemDetailsService problemDetails, ILogger<UnhandledExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext http, Exception exception, CancellationToken cancellationToken)
    {
        ProblemDetails problem;
        if (exception is BadHttpRequestException bad)
        {
            // The framework's messages for unreadable requests name the parameter and the
            // cause, and contain no internals: the caller can act on them.
            problem = new ProblemDetails
            {
                Status = bad.StatusCode,
                Title = bad.StatusCode == StatusCodes.Status415UnsupportedMediaType
                    ? "Unsupported media type"
                    : "The request could not be read",
                Detail = bad.Message,
            };
            logger.LogInformation("Bad request {Method} {Path}: {Message}", http.Request.Method, http.Request.Path, bad.Message);
        }
        else
        {
            problem = new ProblemDetails
            {
                Status = StatusCodes.Status500InternalServerError,
                Title = "Internal server error",
                Detail = "Something failed on our side; this is a bug. Report it with the traceId of this response.",
            };
            logger.LogError(exception, "Unhandled exception for {Method} {Path}", http.Request.Method, http.Request.Path);
        }

        await problemDetails.WriteAsync(http, problem, exception);
        return true;
    }
}
