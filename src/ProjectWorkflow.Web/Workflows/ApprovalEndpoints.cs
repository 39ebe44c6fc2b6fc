using System.Security.Claims;
using ProjectWorkflow.Application.Identity;
using ProjectWorkflow.Application.Workflows.Deputies;
using ProjectWorkflow.Application.Workflows.Instances;
using ProjectWorkflow.Application.Workflows.Tasks;
using ProjectWorkflow.Web.Auth;

namespace ProjectWorkflow.Web.Workflows;

/// <summary>
/// The approval operations beside the task buttons of <see cref="TaskEndpoints"/>: vote (票签), remove a signer (减签),
/// take back (拿回), draft (暂存), reopen (唤醒), deputies (代理) and handing a leaving user's tasks over (离职转办).
/// </summary>
public static class ApprovalEndpoints
{
    public static RouteGroupBuilder MapApprovals(this RouteGroupBuilder api)
    {
        var tasks = api.MapGroup("/tasks").WithTags("Tasks");
        tasks.MapPost("/{id:guid}/vote", async (Guid id, VoteRequest request, ClaimsPrincipal user, TaskApprovals ops, CancellationToken ct) =>
            {
                await ops.VoteAsync(id, request, ActorOf.User(user), ct);
                return TypedResults.Ok(new { id });
            })
            .WithSummary("Vote (票签) approve or reject on your instance of a vote task; the share of the signers' weight decides it");
        tasks.MapPost("/{id:guid}/remove-signer", async (Guid id, RemoveSignerRequest request, ClaimsPrincipal user, TaskApprovals ops, CancellationToken ct) =>
            {
                await ops.RemoveSignerAsync(id, request, ActorOf.User(user), ct);
                return TypedResults.Ok(new { id });
            })
            .RequireAuthorization(policy => policy.RequireRole(Roles.Admin))
            .WithSummary("Remove a signer (减签) from a running multi-instance task, never its last (admin)");
        tasks.MapPost("/{id:guid}/take-back", async (Guid id, TakeBackRequest request, ClaimsPrincipal user, TaskApprovals ops, CancellationToken ct) =>
            {
                await ops.TakeBackAsync(id, request, ActorOf.User(user), ct);
                return TypedResults.Ok(new { id });
            })
            .WithSummary("Take back (拿回) the task you sent here, while nobody has acted on it (its sender)");
        tasks.MapPost("/{id:guid}/draft", async (Guid id, DraftRequest request, ClaimsPrincipal user, TaskApprovals ops, CancellationToken ct) =>
            {
                await ops.SaveDraftAsync(id, request, ActorOf.User(user), ct);
                return TypedResults.Ok(new { id });
            })
            .WithSummary("Save the task's form values without completing it (暂存); completing starts from them");
        tasks.MapGet("/{id:guid}/draft", async (Guid id, ClaimsPrincipal user, TaskApprovals ops, CancellationToken ct) =>
                TypedResults.Ok(await ops.GetDraftAsync(id, ActorOf.User(user), ct)))
            .WithSummary("The task's saved draft, to its holder and candidates only");

        api.MapPost("/instances/{id:guid}/reopen", async (Guid id, ReopenInstanceRequest request, ClaimsPrincipal user, ReopenInstance reopen, CancellationToken ct) =>
            {
                await reopen.HandleAsync(id, request, ActorOf.User(user), ct);
                return TypedResults.Ok(new { id });
            })
            .WithTags("Workflow instances")
            .RequireAuthorization(policy => policy.RequireRole(Roles.Admin))
            .WithSummary("Reopen (唤醒) an ended instance at a user task it went through, with a reason (admin)");

        var deputies = api.MapGroup("/me/deputies").WithTags("Deputies");
        deputies.MapGet("/", async (ClaimsPrincipal user, ListMyDeputies list, CancellationToken ct) =>
                TypedResults.Ok(await list.HandleAsync(ActorOf.User(user), ct)))
            .WithSummary("The deputies you named and the people you stand in for (代理)");
        deputies.MapPost("/", async (NameDeputyRequest request, ClaimsPrincipal user, NameDeputy name, CancellationToken ct) =>
            {
                var named = await name.HandleAsync(request, ActorOf.User(user), ct);
                return TypedResults.Created($"/api/me/deputies/{named.Id}", named);
            })
            .RequireAuthorization(policy => policy.RequireRole([.. Roles.ActingStaff]))
            .WithSummary("Name a colleague who stands in for you for a period: tasks that arrive for you meanwhile reach them too (acting staff)");
        deputies.MapDelete("/{id:guid}", async (Guid id, ClaimsPrincipal user, EndDeputyship end, CancellationToken ct) =>
            {
                await end.HandleAsync(id, ActorOf.User(user), ct);
                return TypedResults.NoContent();
            })
            .WithSummary("End a deputy you named (back early)");

        api.MapPost("/users/{userName}/hand-over-tasks", async (string userName, HandOverTasksRequest request, ClaimsPrincipal user, HandOverTasks handOver, CancellationToken ct) =>
                TypedResults.Ok(await handOver.HandleAsync(userName, request, ActorOf.User(user), ct)))
            .WithTags("Users")
            .RequireAuthorization(policy => policy.RequireRole(Roles.Admin))
            .WithSummary("Hand every open task of a leaving user to another user at once (离职转办, admin)");
        return api;
    }
}
