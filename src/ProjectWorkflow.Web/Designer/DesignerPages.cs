using System.Security.Claims;
using ProjectWorkflow.Application.Identity;
using ProjectWorkflow.Application.Workflows.Definitions;
using ProjectWorkflow.Web.Applications;
using ProjectWorkflow.Web.Auth;
using ProjectWorkflow.Web.Portal;

namespace ProjectWorkflow.Web.Designer;

/// <summary>
/// The designer for administrators: the deployed processes and the versions waiting for a second administrator; a
/// definition opened in the bpmn-js modeler with the Camunda properties panel and token simulation, deployed through
/// <c>POST /api/definitions</c> or kept as a draft (<c>POST /api/definitions/drafts</c>, offered again when the designer reopens); and two versions' difference drawn on the diagram, read before approving.
/// </summary>
public static class DesignerPages
{
    public static IEndpointRouteBuilder MapDesignerPages(this IEndpointRouteBuilder app)
    {
        var pages = app.MapGroup("/portal/designer").ExcludeFromDescription()
            .RequireAuthorization(policy => policy.RequireRole(Roles.Admin));
        pages.MapGet("/", async (string? done, ListDefinitions list, ReviewDefinition review, GetDefinitionDrafts drafts, CancellationToken ct) =>
            PortalPageResult.Page<DefinitionsPage>(new
            {
                Definitions = await list.HandleAsync(ct),
                Pending = await review.PendingAsync(ct),
                Drafts = await drafts.ListAsync(ct),
                Done = done is "approved" or "rejected" ? done : null,
            }));
        pages.MapGet("/new", () => PortalPageResult.Page<DesignerPage>(new { Key = (string?)null, Version = 0 }));
        pages.MapGet("/{key}/versions/{version:int}", async (string key, int version, GetDefinitionDrafts drafts, CancellationToken ct) =>
            PortalPageResult.Page<DesignerPage>(new { Key = Clip(key), Version = version, Draft = Clip(key) is { } k ? await drafts.FindAsync(k, ct) : null }));
        pages.MapGet("/{key}/draft", async (string key, GetDefinitionDrafts drafts, CancellationToken ct) =>
            Clip(key) is { } k && await drafts.FindAsync(k, ct) is { } draft
                ? PortalPageResult.Page<DesignerPage>(new { Key = k, Version = 0, Draft = draft, FromDraft = true })
                : Results.LocalRedirect("/portal/designer"));
        pages.MapGet("/{key}/diff", async (string key, int? from, int? to, ReviewDefinition review, CancellationToken ct) =>
        {
            var newer = Math.Max(1, to ?? 1);
            var pending = (await review.PendingAsync(ct)).Any(p => p.Key == key && p.Version == newer);
            return PortalPageResult.Page<VersionDiffPage>(new { Key = Clip(key), From = Math.Max(1, from ?? 1), To = newer, Pending = pending });
        });
        pages.MapPost("/{key}/versions/{version:int}/approve", async (string key, int version, ClaimsPrincipal user, ReviewDefinition review, CancellationToken ct) =>
            await ApplicationPages.RefusedAsPageAsync(async () =>
            {
                await review.ApproveAsync(key, version, ActorOf.User(user), ct);
                return Results.LocalRedirect("/portal/designer?done=approved");
            }));
        return app;
    }

    private static string? Clip(string? key) => string.IsNullOrWhiteSpace(key) || key.Length > 200 ? null : key;
}
