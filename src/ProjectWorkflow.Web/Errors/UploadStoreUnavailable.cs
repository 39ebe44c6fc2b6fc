using Microsoft.AspNetCore.Diagnostics;
using ProjectWorkflow.Application.Applications;

namespace ProjectWorkflow.Web.Errors;

/// <summary>
/// A request that failed because the S3-compatible store of uploads could not be reached answers <c>503</c>
/// problem+json with <c>Retry-After</c> (<c>Storage:S3:RetryAfterSeconds</c>, 5 by default) and one warning line, as an
/// unreachable database does (<see cref="DatabaseUnavailable"/>): an upload that met it wrote no row, so the client
/// sends it again later.
/// </summary>
internal sealed class UploadStoreUnavailable(
    IProblemDetailsService problemDetails, IConfiguration configuration, ILogger<UploadStoreUnavailable> logger) : IExceptionHandler
{
    public const string RetryAfterSetting = "Storage:S3:RetryAfterSeconds";

    public async ValueTask<bool> TryHandleAsync(HttpContext http, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not UploadStoreUnavailableException unavailable) return false;

        var retryAfter = Math.Max(1, configuration.GetValue(RetryAfterSetting, DatabaseUnavailable.DefaultRetryAfterSeconds));
        logger.LogWarning("The upload store is unavailable; {Method} {Path} answered 503, retry after {RetryAfterSeconds} s: {Reason}",
            http.Request.Method, http.Request.Path, retryAfter, unavailable.Message);
        await DatabaseUnavailable.AnswerAsync(problemDetails, http, exception, "The upload store is unavailable", retryAfter);
        return true;
    }
}
