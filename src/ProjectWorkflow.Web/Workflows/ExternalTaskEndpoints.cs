using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;
using ProjectWorkflow.Application.Identity;
using ProjectWorkflow.Application.Workflows.ExternalTasks;
using ProjectWorkflow.Web.Auth;

namespace ProjectWorkflow.Web.Workflows;

/// <summary>
/// Camunda 7's external-task REST API, under <c>/engine-rest/external-task</c> as Camunda serves it, so an off-the-shelf
/// worker (camunda-external-task-client-js, the Java client) works our topics unchanged. Callers are machine
/// accounts of the <c>worker</c> role (and administrators), signed in with a bearer token from <c>POST /api/auth/token</c>.
/// </summary>
public static class ExternalTaskEndpoints
{
    private static readonly string[] Callers = [Roles.Worker, Roles.Admin];

    public static RouteGroupBuilder MapExternalTasks(this RouteGroupBuilder engineRest)
    {
        var tasks = engineRest.MapGroup("/external-task").WithTags("External tasks")
            .RequireAuthorization(policy => policy.RequireRole(Callers));

        tasks.MapPost("/fetchAndLock", async (FetchAndLockRequest request, ClaimsPrincipal user, FetchAndLockExternalTasks fetch, CancellationToken ct) =>
                new CamundaJson(await fetch.HandleAsync(request, ActorOf.User(user), ct)))
            .Produces<IReadOnlyList<FetchedExternalTask>>(StatusCodes.Status200OK, "application/json")
            .WithSummary("Fetch and lock up to maxTasks external tasks of the given topics (Camunda's fetchAndLock; worker, admin)");

        tasks.MapPost("/{id:guid}/complete", async (Guid id, CompleteExternalTaskRequest request, ClaimsPrincipal user, CompleteExternalTask complete, CancellationToken ct) =>
            {
                await complete.HandleAsync(id, request, ActorOf.User(user), ct);
                return TypedResults.NoContent();
            })
            .WithSummary("Complete a locked external task with typed variables (worker, admin)");

        tasks.MapPost("/{id:guid}/failure", async (Guid id, ExternalTaskFailureRequest request, ClaimsPrincipal user, ReportExternalTaskFailure report, CancellationToken ct) =>
            {
                await report.HandleAsync(id, request, ActorOf.User(user), ct);
                return TypedResults.NoContent();
            })
            .WithSummary("Report a failure: retries left and a retry timeout, or an incident at 0 retries (worker, admin)");

        tasks.MapPost("/{id:guid}/bpmnError", async (Guid id, ExternalTaskBpmnErrorRequest request, ClaimsPrincipal user, RaiseExternalTaskBpmnError raise, CancellationToken ct) =>
            {
                await raise.HandleAsync(id, request, ActorOf.User(user), ct);
                return TypedResults.NoContent();
            })
            .WithSummary("Raise a BPMN error, caught by the boundary error event of its code (worker, admin)");

        tasks.MapPost("/{id:guid}/extendLock", async (Guid id, ExtendLockRequest request, ClaimsPrincipal user, ExtendExternalTaskLock extend, CancellationToken ct) =>
            {
                await extend.HandleAsync(id, request, ActorOf.User(user), ct);
                return TypedResults.NoContent();
            })
            .WithSummary("Extend the lock the worker holds by newDuration milliseconds from now (worker, admin)");

        tasks.MapPost("/{id:guid}/unlock", async (Guid id, ClaimsPrincipal user, UnlockExternalTask unlock, CancellationToken ct) =>
            {
                await unlock.HandleAsync(id, ActorOf.User(user), ct);
                return TypedResults.NoContent();
            })
            .WithSummary("Release the lock so any worker may fetch the task (worker, admin)");

        // On the parent group, so the route is /engine-rest/external-task itself (a group's "" would add a trailing slash).
        engineRest.MapGet("/external-task", async ([AsParameters] ExternalTaskQuery query, ListExternalTasks list, CancellationToken ct) =>
                new CamundaJson(await list.HandleAsync(query, ct)))
            .WithTags("External tasks").RequireAuthorization(policy => policy.RequireRole(Callers))
            .Produces<IReadOnlyList<ExternalTaskView>>(StatusCodes.Status200OK, "application/json")
            .WithSummary("List external tasks by topic, worker, lock, retries, instance, activity or priority (Camunda's GET /external-task; worker, admin)");

        tasks.MapGet("/count", async ([AsParameters] ExternalTaskQuery query, CountExternalTasks count, CancellationToken ct) =>
                new CamundaJson(await count.HandleAsync(query, ct)))
            .Produces<ExternalTaskCount>(StatusCodes.Status200OK, "application/json")
            .WithSummary("How many external tasks the query matches (Camunda's GET /external-task/count; worker, admin)");

        tasks.MapGet("/{id:guid}", async (Guid id, GetExternalTask get, CancellationToken ct) => new CamundaJson(await get.HandleAsync(id, ct)))
            .Produces<ExternalTaskView>(StatusCodes.Status200OK, "application/json")
            .WithSummary("One external task (worker, admin)");

        tasks.MapPost("/{id:guid}/lock", async (Guid id, LockExternalTaskRequest request, ClaimsPrincipal user, LockExternalTask lockTask, CancellationToken ct) =>
            {
                await lockTask.HandleAsync(id, request, ActorOf.User(user), ct);
                return TypedResults.NoContent();
            })
            .WithSummary("Lock this one task for the worker for lockDuration milliseconds (worker, admin)");

        tasks.MapPut("/{id:guid}/retries", async (Guid id, SetRetriesRequest request, ClaimsPrincipal user, SetExternalTaskRetries set, CancellationToken ct) =>
            {
                await set.HandleAsync(id, request, ActorOf.User(user), ct);
                return TypedResults.NoContent();
            })
            .WithSummary("Set the retries left: 0 raises an incident, more resolves one (worker, admin)");

        tasks.MapPut("/{id:guid}/priority", async (Guid id, SetPriorityRequest request, ClaimsPrincipal user, SetExternalTaskPriority set, CancellationToken ct) =>
            {
                await set.HandleAsync(id, request, ActorOf.User(user), ct);
                return TypedResults.NoContent();
            })
            .WithSummary("Set the task's priority, which fetchAndLock with usePriority takes highest first (worker, admin)");
        return engineRest;
    }

    /// <summary>
    /// JSON with the bare media type <c>application/json</c>: Camunda's JS client parses an answer only when its
    /// Content-Type is exactly that (ASP.NET Core's JSON results add <c>; charset=utf-8</c>).
    /// </summary>
    private sealed class CamundaJson(object value) : IResult
    {
        public async Task ExecuteAsync(HttpContext http)
        {
            var options = http.RequestServices.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
            http.Response.StatusCode = StatusCodes.Status200OK;
            http.Response.ContentType = "application/json";
            await JsonSerializer.SerializeAsync(http.Response.Body, value, value.GetType(), options, http.RequestAborted);
        }
    }
}
