using System.Security.Claims;
using ProjectWorkflow.Application.Identity;
using ProjectWorkflow.Application.Workflows.Definitions;
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
            .WithSummary("Deploy a BPMN 2.0 file (admin). Same bytes again: 200 with the existing version.");

        definitions.MapGet("/", async (ListDefinitions list, CancellationToken ct) => TypedResults.Ok(await list.HandleAsync(ct)))
            .WithSummary("Deployed processes with their latest version");

        definitions.MapGet("/{key}/versions/{version:int}", async (string key, int version, GetDefinitionContent get, CancellationToken ct) =>
                await get.HandleAsync(key, version, ct) is { } content
                    ? Results.File(content, "application/xml")
                    : Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found",
                        detail: $"Process '{key}' has no version {version}."))
            .WithSummary("The BPMN XML of one version, as deployed");

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
        var body = new { deployed.Key, deployed.Version, deployed.Id };
        return deployed.IsNew
            ? Results.Created($"/api/definitions/{Uri.EscapeDataString(deployed.Key)}/versions/{deployed.Version}", body)
            : Results.Ok(body);
    }
}
