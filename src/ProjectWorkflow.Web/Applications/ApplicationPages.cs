using System.Security.Claims;
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
        pages.MapGet("/{id:guid}", async (Guid id, ClaimsPrincipal user, ApplicationTimeline timeline, CancellationToken ct) =>
        {
            try
            {
                return PortalPageResult.Page<ApplicationPage>(new { Timeline = await timeline.HandleAsync(id, ActorOf.User(user), ct) });
            }
            catch (Exception refusal) when (RefusalProblems.Describe(refusal) is { } problem)
            {
                return PortalPageResult.Page<RefusalPage>(new { Message = problem.Detail ?? problem.Title }, problem.Status ?? StatusCodes.Status400BadRequest);
            }
        });
        return app;
    }
}
