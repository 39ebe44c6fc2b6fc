using System.Security.Claims;
using Microsoft.AspNetCore.Mvc;
using ProjectWorkflow.Application.Identity;
using ProjectWorkflow.Application.Reviews;
using ProjectWorkflow.Application.Validation;
using ProjectWorkflow.Application.Workflows.Tasks;
using ProjectWorkflow.Web.Applications;
using ProjectWorkflow.Web.Auth;
using ProjectWorkflow.Web.Portal;

namespace ProjectWorkflow.Web.Workflows;

/// <summary>The portal's task inbox, a task's page, and its claim button.</summary>
public static class TaskPages
{
    private static readonly string[] Tabs = ["mine", "candidate", "overdue"];
    private static readonly string[] Sorts = ["due", "due-desc", "newest"];

    public static IEndpointRouteBuilder MapTaskPages(this IEndpointRouteBuilder app)
    {
        var pages = app.MapGroup("/portal/tasks").RequireAuthorization().ExcludeFromDescription();
        pages.MapGet("/", (string? tab, string? process, string? step, string? district, string? sort, int? skip, string? done, ClaimsPrincipal user) =>
            PortalPageResult.Page<TaskInboxPage>(new
            {
                // An enterprise's steps are offered to all who act for it (its group), so its users start on that tab.
                Tab = Tabs.Contains(tab) ? tab! : user.IsInRole(Roles.Enterprise) ? "candidate" : "mine",
                Process = Clip(process),
                Step = Clip(step),
                District = district is { Length: > 100 } ? null : Clip(district),
                Sort = Sorts.Contains(sort) ? sort! : "due",
                Skip = Math.Max(0, skip ?? 0),
                Done = Done(done),
            }));
        pages.MapGet("/{id:guid}", async (Guid id, string? done, ClaimsPrincipal user, ReviewFile file, CancellationToken ct) =>
            await ApplicationPages.RefusedAsPageAsync(async () =>
            {
                var actor = ActorOf.User(user);
                var view = await file.HandleAsync(id, actor, ct);
                // An expert's review is the panel page: the declaration, then the rubric (not the step's bare form).
                if (view.Task!.ElementId == PanelReview.ReviewElementId && view.ApplicationId is { } application && view.Task.Assignee == actor.Id)
                    return Results.LocalRedirect($"/portal/panel/{application}");
                return PortalPageResult.Page<TaskPage>(new { view.Task, File = view, Done = Done(done) });
            }));
        pages.MapPost("/{id:guid}/claim", async (Guid id, ClaimsPrincipal user, TaskOperations ops, CancellationToken ct) =>
            await ApplicationPages.RefusedAsPageAsync(async () =>
            {
                await ops.ClaimAsync(id, ActorOf.User(user), ct);
                return Results.LocalRedirect($"/portal/tasks/{id}");
            }));
        pages.MapPost("/{id:guid}/operations", (Guid id, [FromForm] TaskOperationForm form, ClaimsPrincipal user, TaskOperations ops, CancellationToken ct) =>
            ApplicationPages.RefusedAsPageAsync(async () =>
            {
                var actor = ActorOf.User(user);
                switch (form.Operation)
                {
                    case "unclaim": await ops.UnclaimAsync(id, actor, ct); break;
                    case "delegate": await ops.DelegateAsync(id, new HandOverRequest(form.User, form.Reason), actor, ct); break;
                    case "transfer": await ops.TransferAsync(id, new HandOverRequest(form.User, form.Reason), actor, ct); break;
                    case "send-back": await ops.SendBackAsync(id, new SendBackRequest(form.Target, form.Reason), actor, ct); break;
                    case "add-signers": await ops.AddSignersAsync(id, new AddSignersRequest(Names(form.Users), form.Position), actor, ct); break;
                    case "copy-to": await ops.CopyToAsync(id, new CopyToRequest(Names(form.Users)), actor, ct); break;
                    case "remind": await ops.RemindAsync(id, new RemindRequest(form.Message), actor, ct); break;
                    default: throw InvalidRequestException.For("operation", "The operation is one of: unclaim, delegate, transfer, send-back, add-signers, copy-to, remind.", "操作须为以下之一：unclaim（退回任务池）、delegate（委派）、transfer（转办）、send-back（退回）、add-signers（加签）、copy-to（抄送）、remind（催办）。");
                }
                // The task stays with its holder after these three; after the others it has left them.
                return form.Operation is "add-signers" or "copy-to" or "remind"
                    ? Results.LocalRedirect($"/portal/tasks/{id}?done={form.Operation}")
                    : Results.LocalRedirect($"/portal/tasks?done={form.Operation}");
            }));
        return app;
    }

    private static List<string>? Names(string? users) =>
        users?.Split([',', '，', ' ', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();

    private static readonly string[] Operations = ["complete", "unclaim", "delegate", "transfer", "send-back", "add-signers", "copy-to", "remind", "recused"];

    /// <summary>Which button was pressed, for the page's "done" line: only a known operation, never free text.</summary>
    private static string? Done(string? done) => Operations.FirstOrDefault(o => o == done);

    private static string? Clip(string? value) => string.IsNullOrWhiteSpace(value) || value.Length > 200 ? null : value.Trim();
}

/// <summary>The fields of a task page's operation forms (who to hand over to, why, where to send back ...).</summary>
public sealed class TaskOperationForm
{
    public string? Operation { get; set; }
    public string? User { get; set; }
    public string? Users { get; set; }
    public string? Reason { get; set; }
    public string? Position { get; set; }
    public string? Target { get; set; }
    public string? Message { get; set; }
}
