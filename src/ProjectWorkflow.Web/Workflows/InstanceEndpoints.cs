using System.Security.Claims;
using ProjectWorkflow.Application.Identity;
using ProjectWorkflow.Application.Workflows.Instances;
using ProjectWorkflow.Engine.Runtime;
using ProjectWorkflow.Web.Auth;

namespace ProjectWorkflow.Web.Workflows;

public sealed record ReasonRequest(string? Reason);

public static class InstanceEndpoints
{
    public static RouteGroupBuilder MapInstances(this RouteGroupBuilder api)
    {
        var instances = api.MapGroup("/instances").WithTags("Workflow instances");

        // The generic engine API starts any process: an administrator's or integration's tool.
        // People start funding processes through the domain routes, which check their own rules.
        instances.MapPost("/", async (StartInstanceRequest request, ClaimsPrincipal user, StartInstance start, CancellationToken ct) =>
            {
                var started = await start.HandleAsync(request, ActorOf.User(user), ct);
                return TypedResults.Created($"/api/instances/{started.Id}", started);
            })
            .RequireAuthorization(policy => policy.RequireRole(Roles.Admin))
            .WithSummary("Start a process instance (admin)");

        instances.MapGet("/{id:guid}", async (Guid id, ClaimsPrincipal user, GetInstance get, CancellationToken ct) =>
                TypedResults.Ok(await get.HandleAsync(id, ActorOf.User(user), ct)))
            .WithSummary("Status, variables and position of an instance (admin, auditor, or someone involved)");

        instances.MapGet("/{id:guid}/journal", async (Guid id, ClaimsPrincipal user, GetJournal journal, CancellationToken ct) =>
                TypedResults.Ok(await journal.HandleAsync(id, ActorOf.User(user), ct)))
            .WithSummary("Every step of an instance, in order, with its actor");

        instances.MapPost("/{id:guid}/cancel", async (Guid id, ReasonRequest request, ClaimsPrincipal user, EndInstance end, CancellationToken ct) =>
            {
                await end.HandleAsync(id, InstanceStatus.Cancelled, request.Reason, ActorOf.User(user), ct);
                return TypedResults.Ok(new { id, status = "cancelled" });
            })
            .RequireAuthorization(policy => policy.RequireRole(Roles.Admin))
            .WithSummary("Cancel a running instance, with a reason (admin)");

        instances.MapPost("/{id:guid}/terminate", async (Guid id, ReasonRequest request, ClaimsPrincipal user, EndInstance end, CancellationToken ct) =>
            {
                await end.HandleAsync(id, InstanceStatus.Terminated, request.Reason, ActorOf.User(user), ct);
                return TypedResults.Ok(new { id, status = "terminated" });
            })
            .RequireAuthorization(policy => policy.RequireRole(Roles.Admin, Roles.DeptApprover))
            .WithSummary("Terminate (终止) a running instance as a decision, with a reason (admin, dept-approver)");

        instances.MapPost("/{id:guid}/migrate", async (Guid id, MigrateInstanceRequest request, ClaimsPrincipal user, MigrateInstance migrate, CancellationToken ct) =>
            {
                await migrate.HandleAsync(id, request, ActorOf.User(user), ct);
                return TypedResults.Ok(new { id, version = request.ToVersion });
            })
            .RequireAuthorization(policy => policy.RequireRole(Roles.Admin))
            .WithSummary("Move a running instance to another version (admin)");

        instances.MapPost("/{id:guid}/modify", async (Guid id, ModifyInstanceRequest request, ClaimsPrincipal user, ModifyInstance modify, CancellationToken ct) =>
            {
                await modify.HandleAsync(id, request, ActorOf.User(user), ct);
                return TypedResults.Ok(new { id });
            })
            .RequireAuthorization(policy => policy.RequireRole(Roles.Admin))
            .WithSummary("Move a stuck token (跳转): cancel the tokens at elements and start tokens before others, with a reason (admin)");

        instances.MapPost("/{id:guid}/withdraw", async (Guid id, ReasonRequest request, ClaimsPrincipal user, WithdrawCompletion withdraw, CancellationToken ct) =>
            {
                await withdraw.HandleAsync(id, request.Reason, ActorOf.User(user), ct);
                return TypedResults.Ok(new { id });
            })
            .WithSummary("Withdraw (撤回) your last completed task while the next step is untouched");

        api.MapPost("/messages", async Task<IResult> (DeliverMessageRequest request, ClaimsPrincipal user, DeliverMessageFromOutside deliver, CancellationToken ct) =>
            {
                var outcome = await deliver.HandleAsync(request, ActorOf.User(user), ct);
                var body = new { delivered = outcome.Delivered, started = outcome.Started };
                return outcome.Started.Count > 0
                    ? TypedResults.Created($"/api/instances/{outcome.Started[0]}", body)
                    : TypedResults.Accepted((string?)null, body);
            })
            // Who may send which name is declared in one place (MessageSenders), not here: any signed-in caller is
            // asked, and every name the caller's roles are not declared for answers 403 with the reason.
            .WithTags("Workflow instances")
            .WithSummary("Deliver a message to every instance waiting for it under the business key (202 { delivered }); when none waits, start the processes whose message start event has its name, the correlation key as business key (201 { delivered: 0, started: [id] }). The roles declared for its name; never the names the system drives itself");

        api.MapPost("/signals", async (BroadcastSignalRequest request, ClaimsPrincipal user, BroadcastSignal broadcast, CancellationToken ct) =>
            {
                var reached = await broadcast.HandleAsync(request, ActorOf.User(user), ct);
                return TypedResults.Ok(new { reached });
            })
            .RequireAuthorization(policy => policy.RequireRole(Roles.Admin))
            .WithTags("Workflow instances")
            .WithSummary("Broadcast a BPMN signal (admin): every waiting signal event of every running instance fires and every signal start event of the name starts its process, in one transaction ({ reached })");

        return api;
    }
}
