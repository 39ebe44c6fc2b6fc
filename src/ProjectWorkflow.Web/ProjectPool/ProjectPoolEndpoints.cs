using System.Security.Claims;
using ProjectWorkflow.Application.Applications;
using ProjectWorkflow.Application.Identity;
using ProjectWorkflow.Application.ProjectPool;
using ProjectWorkflow.Web.Auth;
using ProjectWorkflow.Web.Errors;
using ProjectWorkflow.Web.Workflows;

namespace ProjectWorkflow.Web.ProjectPool;

public static class ProjectPoolEndpoints
{
    public static RouteGroupBuilder MapProjectPool(this RouteGroupBuilder api)
    {
        var pool = api.MapGroup("/project-pool").WithTags("Project pool");

        pool.MapGet("/", async (string? uscc, int? year, int? skip, int? take, ListProjectPool list, CancellationToken ct) =>
                TypedResults.Ok(await list.HandleAsync(uscc, year, skip, take, ct)))
            .RequireAuthorization(policy => policy.RequireRole([.. Roles.Staff]))
            .WithSummary("The project pool's register (the fund's staff), by USCC or pool year");

        pool.MapPost("/imports", async (HttpRequest request, ClaimsPrincipal user, ImportProjectPool import, IConfiguration configuration, CancellationToken ct) =>
            {
                // The form is read here, after authorisation, so a caller without the role hears 401/403 whatever it sent.
                var file = request.HasFormContentType ? (await request.ReadFormAsync(ct)).Files.GetFile("file") : null;
                if (file is null)
                    return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "The request is not valid",
                        detail: "Send the workbook as multipart/form-data in the field 'file'.",
                        extensions: new Dictionary<string, object?> { ["errors"] = new[] { new { field = "file", message = "Send the .xlsx workbook in the form field 'file'." } } });
                await using var stream = file.OpenReadStream();
                var imported = await import.HandleAsync(file.FileName, stream, configuration.GetValue("Uploads:MaxBytes", Attachments.DefaultMaxBytes), ActorOf.User(user), ct);
                return Results.Created($"/api/project-pool?take=100", imported);
            })
            .DisableAntiforgery()
            .RequireAuthorization(policy => policy.RequireRole(Roles.Admin, Roles.DistrictReviewer))
            .WithBodyLimit("Uploads:MaxBytes", Attachments.DefaultMaxBytes, overheadBytes: 64 * 1024)
            .WithSummary("Import projects into the pool's register from an .xlsx sheet: USCC, project name, pool year, district (admin, district reviewer)");

        return api;
    }
}
