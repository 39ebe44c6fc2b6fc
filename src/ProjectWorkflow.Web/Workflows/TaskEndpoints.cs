using System.Security.Claims;
using ProjectWorkflow.Application.Workflows.Tasks;
using ProjectWorkflow.Web.Auth;

namespace ProjectWorkflow.Web.Workflows;

public static class TaskEndpoints
{
    public static RouteGroupBuilder MapTasks(this RouteGroupBuilder api)
    {
        var tasks = api.MapGroup("/tasks").WithTags("Tasks");

        tasks.MapGet("/", async (string? scope, Guid? instanceId, int? skip, int? take, string? process, string? step, string? district, string? sort, Guid? after,
                    ClaimsPrincipal user, ListTasks list, CancellationToken ct) =>
                TypedResults.Ok(await list.HandleAsync(new ListTasksRequest(scope, instanceId, skip, take, process, step, district, sort, after), ActorOf.User(user), ct)))
            .WithSummary("The inbox: scope=mine|candidate|all, soonest due first; after={id of the last task of the page before} pages by keyset");

        Map(tasks, "claim", "Claim the task for yourself", (ops, id, user, ct) => ops.ClaimAsync(id, user, ct));
        Map(tasks, "unclaim", "Release the task back to its candidates", (ops, id, user, ct) => ops.UnclaimAsync(id, user, ct));
        MapWith<CompleteTaskRequest>(tasks, "complete", "Complete the task with variables", (ops, id, r, user, ct) => ops.CompleteAsync(id, r, user, ct));
        MapWith<HandOverRequest>(tasks, "delegate", "Delegate (委派): the delegate hands it back", (ops, id, r, user, ct) => ops.DelegateAsync(id, r, user, ct));
        MapWith<CompleteTaskRequest>(tasks, "resolve", "Hand a delegated task back to its owner", (ops, id, r, user, ct) => ops.ResolveAsync(id, r, user, ct));
        MapWith<HandOverRequest>(tasks, "transfer", "Transfer (转办) the task to someone else", (ops, id, r, user, ct) => ops.TransferAsync(id, r, user, ct));
        MapWith<AddSignersRequest>(tasks, "add-signers", "Add signers (加签) before or after you", (ops, id, r, user, ct) => ops.AddSignersAsync(id, r, user, ct));
        MapWith<SendBackRequest>(tasks, "send-back", "Send back (退回) to an earlier task", (ops, id, r, user, ct) => ops.SendBackAsync(id, r, user, ct));
        MapWith<RemindRequest>(tasks, "remind", "Remind (催办) whoever holds the task", (ops, id, r, user, ct) => ops.RemindAsync(id, r, user, ct));
        MapWith<CopyToRequest>(tasks, "copy-to", "Copy (抄送) the task to people who follow it", (ops, id, r, user, ct) => ops.CopyToAsync(id, r, user, ct));
        return api;
    }

    private static void Map(RouteGroupBuilder tasks, string action, string summary,
        Func<TaskOperations, Guid, Engine.Runtime.Actor, CancellationToken, Task> operation) =>
        tasks.MapPost($"/{{id:guid}}/{action}", async (Guid id, ClaimsPrincipal user, TaskOperations ops, CancellationToken ct) =>
            {
                await operation(ops, id, ActorOf.User(user), ct);
                return TypedResults.Ok(new { id });
            })
            .WithSummary(summary);

    private static void MapWith<TRequest>(RouteGroupBuilder tasks, string action, string summary,
        Func<TaskOperations, Guid, TRequest, Engine.Runtime.Actor, CancellationToken, Task> operation) =>
        tasks.MapPost($"/{{id:guid}}/{action}", async (Guid id, TRequest request, ClaimsPrincipal user, TaskOperations ops, CancellationToken ct) =>
            {
                await operation(ops, id, request, ActorOf.User(user), ct);
                return TypedResults.Ok(new { id });
            })
            .WithSummary(summary);
}
