using System.Security.Claims;
using ProjectWorkflow.Application.Enterprises;
using ProjectWorkflow.Application.Identity;
using ProjectWorkflow.Application.Reviews;
using ProjectWorkflow.Engine.Runtime;
using ProjectWorkflow.Web.Auth;
using ProjectWorkflow.Web.Workflows;

namespace ProjectWorkflow.Web.Reviews;

public static class ReviewEndpoints
{
    public static RouteGroupBuilder MapReviews(this RouteGroupBuilder api)
    {
        var application = api.MapGroup("/applications/{id:guid}").WithTags("Applications");

        application.MapPost("/panel/declaration", async (Guid id, DeclarationRequest request, ClaimsPrincipal user, PanelReview panel, CancellationToken ct) =>
                TypedResults.Ok(await panel.DeclareAsync(id, request, ActorOf.User(user), ct)))
            .RequireAuthorization(policy => policy.RequireRole(Roles.Expert))
            .WithSummary("Declare conflicts of interest before the file opens (experts on the panel); a conflict recuses you");

        application.MapPost("/panel/scores", async (Guid id, ScoresRequest request, ClaimsPrincipal user, PanelReview panel, CancellationToken ct) =>
                TypedResults.Ok(await panel.ScoreAsync(id, request, ActorOf.User(user), ct)))
            .RequireAuthorization(policy => policy.RequireRole(Roles.Expert))
            .WithSummary("Score the rubric (experts on the panel, after declaring); completes your review");

        api.MapPost("/tasks/batch/complete", async (BatchReviewRequest request, ClaimsPrincipal user, BatchReview batch, CancellationToken ct) =>
                TypedResults.Ok(await batch.HandleAsync(request, ActorOf.User(user), ct)))
            .WithTags("Tasks")
            .WithSummary("Batch review (批量审核): complete several tasks with one set of variables; each is checked and completed on its own, the refused ones listed with their reasons");

        application.MapGet("/panel", async (Guid id, ClaimsPrincipal user, PanelReview panel, CancellationToken ct) =>
            {
                var actor = ActorOf.User(user);
                if (!Roles.IsStaff(actor)) throw WorkflowException.Forbidden("The panel's make-up is visible to the fund's staff only.", "评审组的组成情况仅对专项资金工作人员可见。");
                return TypedResults.Ok(await panel.ListAsync(id, ct));
            })
            .WithSummary("The panel: who declared, who recused, totals (the fund's staff)");

        application.MapPost("/objections", async (Guid id, FileObjectionRequest request, ClaimsPrincipal user, Objections objections, CancellationToken ct) =>
                TypedResults.Ok(await objections.FileAsync(id, request, ActorOf.User(user), ct)))
            .WithSummary("File a signed, named objection during public notice");

        application.MapGet("/objections", async (Guid id, ClaimsPrincipal user, Objections objections, CancellationToken ct) =>
                TypedResults.Ok(await objections.ListAsync(id, ActorOf.User(user), ct)))
            .WithSummary("Objections filed (the objector is named to the fund's staff only)");

        return api;
    }
}
