using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using ProjectWorkflow.Application.Applications;

namespace ProjectWorkflow.Web.Errors;

/// <summary>
/// A download whose attachment's bytes are gone from the upload store answers <c>410 Gone</c> problem+json (the
/// attachment is listed, its file cannot be served until it is restored) and logs one error naming the application and
/// the attachment, for the operator to restore from a backup (docs/operations.md). Not a 500: nothing in the request
/// or the code is wrong.
/// </summary>
internal sealed class AttachmentBytesMissing(IProblemDetailsService problemDetails, ILogger<AttachmentBytesMissing> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext http, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not AttachmentBytesMissingException missing) return false;

        logger.LogError(exception, "The file of attachment {AttachmentId} of application {ApplicationId} is missing from the upload store; restore it from a backup",
            missing.AttachmentId, missing.ApplicationId);
        var problem = new ProblemDetails
        {
            Status = StatusCodes.Status410Gone,
            Title = "The attachment's file is missing",
            Detail = "The file of this attachment is missing from the upload store and cannot be downloaded until an administrator restores it; the error is logged.",
        };
        await problemDetails.WriteAsync(http, problem, exception);
        return true;
    }
}
