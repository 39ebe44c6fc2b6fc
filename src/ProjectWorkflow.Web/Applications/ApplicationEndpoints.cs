using System.Security.Claims;
using Microsoft.AspNetCore.Mvc;
using ProjectWorkflow.Application.Applications;
using ProjectWorkflow.Application.Identity;
using ProjectWorkflow.Web.Auth;
using ProjectWorkflow.Web.Errors;
using ProjectWorkflow.Web.Workflows;

namespace ProjectWorkflow.Web.Applications;

public static class ApplicationEndpoints
{
    public static RouteGroupBuilder MapApplications(this RouteGroupBuilder api)
    {
        var applications = api.MapGroup("/applications").WithTags("Applications");

        applications.MapPost("/", async (StartDraftRequest request, ClaimsPrincipal user, ApplicationDraft drafts, CancellationToken ct) =>
            {
                var draft = await drafts.StartAsync(request, ActorOf.User(user), ct);
                return TypedResults.Created($"/api/applications/{draft.Id}", draft);
            })
            .RequireAuthorization(policy => policy.RequireRole(Roles.Enterprise))
            .WithSummary("Start a draft application for a scheme (enterprise users)");

        applications.MapGet("/", async (string? scheme, string? status, int? skip, int? take, ClaimsPrincipal user, ListApplications list, CancellationToken ct) =>
                TypedResults.Ok(await list.HandleAsync(scheme, status, skip, take, ActorOf.User(user), ct)))
            .WithSummary("Applications: your enterprise's, or every one for the fund's staff");

        applications.MapGet("/{id:guid}", async (Guid id, ClaimsPrincipal user, ApplicationAccess access, Application.Persistence.ProjectWorkflowDbContext db, CancellationToken ct) =>
                TypedResults.Ok(await ApplicationViews.OfAsync(db, await access.ReadableAsync(id, ActorOf.User(user), ct), ct)))
            .WithSummary("One application (its enterprise, the fund's staff, its assigned experts)");

        applications.MapGet("/{id:guid}/timeline", async (Guid id, ClaimsPrincipal user, ApplicationTimeline timeline, CancellationToken ct) =>
                TypedResults.Ok(await timeline.HandleAsync(id, ActorOf.User(user), ct)))
            .WithSummary("The application's way through the process as its applicant reads it: stages and dates, outcome, the reasons addressed to it (its enterprise, the fund's staff)");

        applications.MapPut("/{id:guid}", async (Guid id, SaveDraftRequest request, ClaimsPrincipal user, ApplicationDraft drafts, CancellationToken ct) =>
                TypedResults.Ok(await drafts.SaveAsync(id, request, ActorOf.User(user), ct)))
            .WithSummary("Autosave the draft: send any fields typed so far (amounts in integer fen); optional revision guards against overwriting another tab");

        applications.MapPost("/{id:guid}/attachments", async (Guid id, [FromForm] string? kind, IFormFile? file, ClaimsPrincipal user, Attachments attachments, CancellationToken ct) =>
            {
                if (file is null)
                    return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "The request is not valid",
                        detail: "Send the file as multipart/form-data with the fields 'file' and 'kind'.");
                await using var stream = file.OpenReadStream();
                var added = await attachments.UploadAsync(id, kind, file.FileName, stream, file.Length, ActorOf.User(user), ct);
                return Results.Created($"/api/applications/{id}/attachments/{added.Id}", added);
            })
            .DisableAntiforgery()
            .RequireAuthorization(policy => policy.RequireRole(Roles.Enterprise))
            .WithBodyLimit("Uploads:MaxBytes", Attachments.DefaultMaxBytes, overheadBytes: 64 * 1024)
            .WithSummary("Attach a file (PDF, PNG, JPEG, DOCX, XLSX; at most Uploads:MaxBytes) with its kind");

        applications.MapGet("/{id:guid}/attachments/{attachmentId:guid}", async (Guid id, Guid attachmentId, ClaimsPrincipal user, Attachments attachments, CancellationToken ct) =>
            {
                var (record, content) = await attachments.OpenAsync(id, attachmentId, ActorOf.User(user), ct);
                // Inert: a download (Content-Disposition: attachment) of bytes, never a page the browser renders (see Attachments).
                return Results.File(content, Attachments.DownloadContentType, record.FileName);
            })
            .ProducesProblem(StatusCodes.Status410Gone)
            .WithSummary("Download an attachment (served as application/octet-stream, as an attachment); 410 when its file is missing from the upload store");

        applications.MapPost("/{id:guid}/submit", async (Guid id, ClaimsPrincipal user, SubmitApplication submit, CancellationToken ct) =>
                TypedResults.Ok(await submit.HandleAsync(id, ActorOf.User(user), ct)))
            .WithSummary("Submit: checks completeness and eligibility, then starts the scheme's process");

        applications.MapDelete("/{id:guid}", async (Guid id, long? revision, ClaimsPrincipal user, DeleteDraft delete, CancellationToken ct) =>
            {
                await delete.HandleAsync(id, revision, ActorOf.User(user), ct);
                return TypedResults.NoContent();
            })
            .RequireAuthorization(policy => policy.RequireRole(Roles.Enterprise))
            .WithSummary("Delete a draft and its attachments, naming the revision you saw (?revision=N); its enterprise. A submitted application is withdrawn instead");

        applications.MapPost("/{id:guid}/withdraw", async (Guid id, WithdrawRequest request, ClaimsPrincipal user, WithdrawApplication withdraw, CancellationToken ct) =>
                TypedResults.Ok(await withdraw.HandleAsync(id, request, ActorOf.User(user), ct)))
            .RequireAuthorization(policy => policy.RequireRole(Roles.Enterprise))
            .WithSummary("Withdraw a submitted application while the district still reviews it, with a reason: its process ends, its invoices are released (its enterprise)");

        return api;
    }
}
