using Microsoft.AspNetCore.Mvc;

namespace ProjectWorkflow.Web.Errors;

/// <summary>How every error handler answers: the problem's status, then the body through the problem-details service
/// (which adds <c>instance</c> and <c>traceId</c>), and problem+json all the same when the client did not accept JSON.</summary>
internal static class ProblemAnswer
{
    public static async ValueTask WriteAsync(this IProblemDetailsService problemDetails, HttpContext http, ProblemDetails problem, Exception? exception = null)
    {
        http.Response.StatusCode = problem.Status!.Value;
        if (!await problemDetails.TryWriteAsync(new ProblemDetailsContext { HttpContext = http, ProblemDetails = problem, Exception = exception }))
            await Results.Problem(problem).ExecuteAsync(http);
    }
}
