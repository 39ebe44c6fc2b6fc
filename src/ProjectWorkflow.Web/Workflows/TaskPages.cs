using System.Security.Claims;
using ProjectWorkflow.Application.Workflows.Tasks;
using ProjectWorkflow.Web.Applications;
using ProjectWorkflow.Web.Auth;
using ProjectWorkflow.Web.Portal;

namespace ProjectWorkflow.Web.Workflows;

/// <summary>The portal's task inbox, a task's page, and its claim button.</summary>
public static class TaskPages
{
    private static readonly string[] Tabs = ["mine", "candidate", "overdue"];

    public static IEndpointRouteBuilder MapTaskPages(this IEndpointRouteBuilder app)
    {
        var pages = app.MapGroup("/portal/tasks").RequireAuthorization().ExcludeFromDescription();
        pages.MapGet("/", (string? tab, string? process, string? step, int? skip, string? done) =>
            PortalPageResult.Page<TaskInboxPage>(new
            {
                Tab = Tabs.Contains(tab) ? tab! : "mine",
                Process = Clip(process),
                Step = Clip(step),
                Skip = Math.Max(0, skip ?? 0),
                Completed = done is not null,
            }));
        pages.MapGet("/{id:guid}", async (Guid id, ClaimsPrincipal user, OpenTask open, CancellationToken ct) =>
            await ApplicationPages.RefusedAsPageAsync(async () => PortalPageResult.Page<TaskPage>(new { Task = await open.HandleAsync(id, ActorOf.User(user), ct) })));
        pages.MapPost("/{id:guid}/claim", async (Guid id, ClaimsPrincipal user, TaskOperations ops, CancellationToken ct) =>
            await ApplicationPages.RefusedAsPageAsync(async () =>
            {
                await ops.ClaimAsync(id, ActorOf.User(user), ct);
                return Results.LocalRedirect($"/portal/tasks/{id}");
            }));
        return app;
    }

    private static string? Clip(string? value) => string.IsNullOrWhiteSpace(value) || value.Length > 200 ? null : value.Trim();
}
