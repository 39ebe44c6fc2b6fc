using System.Security.Claims;
using Microsoft.AspNetCore.Mvc;
using ProjectWorkflow.Application.Persistence;
using ProjectWorkflow.Application.Applications;
using ProjectWorkflow.Application.Identity;
using ProjectWorkflow.Web.Auth;
using ProjectWorkflow.Web.Errors;
using ProjectWorkflow.Web.Portal;

namespace ProjectWorkflow.Web.Applications;

/// <summary>The portal's application pages: the list, and one application with its timeline.</summary>
public static class ApplicationPages
{
    public static IEndpointRouteBuilder MapApplicationPages(this IEndpointRouteBuilder app)
    {
        var pages = app.MapGroup("/portal/applications").ExcludeFromDescription()
            .RequireAuthorization(policy => policy.RequireRole(Roles.Enterprise, Roles.DistrictReviewer, Roles.DeptApprover, Roles.Finance, Roles.Admin, Roles.Auditor));
        pages.MapGet("/", () => PortalPageResult.Page<ApplicationsPage>());
        pages.MapGet("/new", () => PortalPageResult.Page<NewApplicationPage>())
            .RequireAuthorization(policy => policy.RequireRole(Roles.Enterprise));
        pages.MapPost("/new", async ([FromForm] string? scheme, ClaimsPrincipal user, ApplicationDraft drafts, CancellationToken ct) =>
            await RefusedAsPageAsync(async () =>
            {
                var draft = await drafts.StartAsync(new StartDraftRequest(scheme, null), ActorOf.User(user), ct);
                return Results.LocalRedirect($"/portal/applications/{draft.Id}/edit");
            }))
            .RequireAuthorization(policy => policy.RequireRole(Roles.Enterprise));
        pages.MapGet("/{id:guid}/edit", async (Guid id, ClaimsPrincipal user, ApplicationAccess access, ProjectWorkflowDbContext db, CancellationToken ct) =>
            await RefusedAsPageAsync(async () =>
                PortalPageResult.Page<DraftPage>(new { Draft = await ApplicationViews.OfAsync(db, await access.OwnedAsync(id, ActorOf.User(user), ct), ct) })))
            .RequireAuthorization(policy => policy.RequireRole(Roles.Enterprise));
        pages.MapGet("/{id:guid}", async (Guid id, ClaimsPrincipal user, ApplicationTimeline timeline, CancellationToken ct) =>
            await RefusedAsPageAsync(async () =>
                PortalPageResult.Page<ApplicationPage>(new { Timeline = await timeline.HandleAsync(id, ActorOf.User(user), ct) })));
        return app;
    }

    /// <summary>A page whose use case refuses shows the refusal in words, with its status (404, 403, 409 ...).</summary>
    internal static async Task<IResult> RefusedAsPageAsync(Func<Task<IResult>> page)
    {
        try
        {
            return await page();
        }
        catch (Exception refusal) when (RefusalProblems.Describe(refusal) is { } problem)
        {
            return PortalPageResult.Page<RefusalPage>(new { Message = RefusalProblems.ForReader(refusal, problem) }, problem.Status ?? StatusCodes.Status400BadRequest);
        }
    }
}
