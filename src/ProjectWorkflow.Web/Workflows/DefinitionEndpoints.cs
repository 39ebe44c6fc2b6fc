using System.Security.Claims;
using ProjectWorkflow.Application.Identity;
using ProjectWorkflow.Application.Workflows.Definitions;
using ProjectWorkflow.Web.Auth;
using ProjectWorkflow.Web.Errors;

namespace ProjectWorkflow.Web.Workflows;

public static class DefinitionEndpoints
{
    public static RouteGroupBuilder MapDefinitions(this RouteGroupBuilder api)
    {
        var definitions = api.MapGroup("/definitions").WithTags("Workflow definitions");

        definitions.MapPost("/", Deploy)
            .RequireAuthorization(policy => policy.RequireRole(Roles.Admin))
            .Accepts<string>("application/xml", "text/xml", "application/octet-stream")
            .WithBodyLimit(null, DeployDefinition.MaxBytes)
            .WithSummary("Deploy a BPMN 2.0 file (admin). Same bytes again: 200 with the existing version. A new version of a process money depends on answers status pending-approval and runs only once a second administrator approves it.");

        definitions.MapGet("/", async (ListDefinitions list, CancellationToken ct) => TypedResults.Ok(await list.HandleAsync(ct)))
            .WithSummary("Deployed processes with their latest version");

        definitions.MapGet("/pending", async (ReviewDefinition review, CancellationToken ct) => TypedResults.Ok(await review.PendingAsync(ct)))
            .RequireAuthorization(policy => policy.RequireRole(Roles.Admin, Roles.Auditor))
            .WithSummary("Versions of processes money depends on, waiting for a second administrator (admin, auditor)");

        definitions.MapPost("/{key}/versions/{version:int}/approve", async (string key, int version, ClaimsPrincipal user, ReviewDefinition review, CancellationToken ct) =>
                TypedResults.Ok(await review.ApproveAsync(key, version, ActorOf.User(user), ct)))
            .RequireAuthorization(policy => policy.RequireRole(Roles.Admin))
            .WithSummary("Approve a pending version: it becomes the active one (admin, not the one who deployed it)");

        definitions.MapPost("/{key}/versions/{version:int}/reject", async (string key, int version, RejectDefinitionRequest request, ClaimsPrincipal user, ReviewDefinition review, CancellationToken ct) =>
                TypedResults.Ok(await review.RejectAsync(key, version, request, ActorOf.User(user), ct)))
            .RequireAuthorization(policy => policy.RequireRole(Roles.Admin))
            .WithSummary("Reject a pending version with a reason: it never runs (admin, not the one who deployed it)");

        definitions.MapGet("/{key}/versions/{version:int}", async (string key, int version, GetDefinitionContent get, CancellationToken ct) =>
                await get.HandleAsync(key, version, ct) is { } content
                    ? Results.File(content, "application/xml")
                    : Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found",
                        detail: $"Process '{key}' has no version {version}."))
            .WithSummary("The BPMN XML of one version, as deployed");

        definitions.MapPost("/drafts", SaveDraft)
            .RequireAuthorization(policy => policy.RequireRole(Roles.Admin))
            .WithBodyLimit(null, DeployDefinition.MaxBytes)
            .WithSummary("Save a drawing (BPMN XML body, Content-Type application/xml; 415 otherwise) as the draft of its process without deploying it (admin): the latest draft per process key, with who and when");

        definitions.MapGet("/{key}/draft", async (string key, GetDefinitionDrafts drafts, CancellationToken ct) =>
                await drafts.ContentAsync(key, ct) is { } content
                    ? Results.File(content, "application/xml")
                    : Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found",
                        detail: $"Process '{key}' has no saved draft."))
            .RequireAuthorization(policy => policy.RequireRole(Roles.Admin))
            .WithSummary("The BPMN XML of a process's saved draft (admin)");

        return api;
    }

    private static async Task<IResult> Deploy(HttpRequest request, ClaimsPrincipal user, DeployDefinition deploy, CancellationToken ct)
    {
        var type = request.ContentType ?? "";
        if (!(type.StartsWith("application/xml", StringComparison.OrdinalIgnoreCase) || type.StartsWith("text/xml", StringComparison.OrdinalIgnoreCase)
              || type.StartsWith("application/octet-stream", StringComparison.OrdinalIgnoreCase) || type.Contains("bpmn", StringComparison.OrdinalIgnoreCase)))
            return Results.Problem(statusCode: StatusCodes.Status415UnsupportedMediaType, title: "Unsupported media type",
                detail: "Send the BPMN file as the body with Content-Type: application/xml.");

        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, ct);
        var deployed = await deploy.HandleAsync(buffer.ToArray(), user.Identity?.Name, ct);
        var body = new
        {
            deployed.Key, deployed.Version, deployed.Id, deployed.Status, Warnings = deployed.Warnings ?? [],
            processes = deployed.Processes.Select(p => new { p.Key, p.Version, p.Id, p.Status, p.IsNew }),
        };
        return deployed.IsNew
            ? Results.Created($"/api/definitions/{Uri.EscapeDataString(deployed.Key)}/versions/{deployed.Version}", body)
            : Results.Ok(body);
    }

    private static async Task<IResult> SaveDraft(HttpRequest request, ClaimsPrincipal user, SaveDefinitionDraft save, CancellationToken ct)
    {
        var type = request.ContentType ?? "";
        if (!(type.StartsWith("application/xml", StringComparison.OrdinalIgnoreCase) || type.StartsWith("text/xml", StringComparison.OrdinalIgnoreCase)))
            return Results.Problem(statusCode: StatusCodes.Status415UnsupportedMediaType, title: "Unsupported media type",
                detail: "Send the drawing as the body with Content-Type: application/xml.");
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, ct);
        return TypedResults.Ok(await save.HandleAsync(buffer.ToArray(), user.Identity?.Name, ct));
    }
}
