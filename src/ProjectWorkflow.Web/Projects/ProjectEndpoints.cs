using System.Security.Claims;
using ProjectWorkflow.Application.Identity;
using ProjectWorkflow.Application.Projects;
using ProjectWorkflow.Web.Auth;
using ProjectWorkflow.Web.Workflows;

namespace ProjectWorkflow.Web.Projects;

/// <summary>A funded project after approval: agreement, progress reports, change requests, acceptance, evaluation, recovery.</summary>
public static class ProjectEndpoints
{
    public static RouteGroupBuilder MapProjects(this RouteGroupBuilder api)
    {
        var project = api.MapGroup("/applications/{id:guid}").WithTags("Projects");

        project.MapGet("/project", async (Guid id, ClaimsPrincipal user, ProjectHistory history, CancellationToken ct) =>
                TypedResults.Ok(await history.HandleAsync(id, ActorOf.User(user), ct)))
            .WithSummary("The project after approval: schedule, progress reports, change requests, acceptance, evaluation");

        project.MapPost("/agreement", async (Guid id, SignAgreementRequest request, ClaimsPrincipal user, SignAgreement sign, CancellationToken ct) =>
                TypedResults.Ok(await sign.HandleAsync(id, request, ActorOf.User(user), ct)))
            .RequireAuthorization(policy => policy.RequireRole(Roles.Enterprise))
            .WithSummary("Sign the funding agreement and name the account installments are paid to (the applicant)");

        project.MapPost("/progress-reports", async (Guid id, SubmitProgressReportRequest request, ClaimsPrincipal user, SubmitProgressReport submit, CancellationToken ct) =>
                TypedResults.Ok(await submit.HandleAsync(id, request, ActorOf.User(user), ct)))
            .RequireAuthorization(policy => policy.RequireRole(Roles.Enterprise))
            .WithSummary("File the quarterly progress report that is due (the applicant)");

        project.MapPost("/interest-evidence", async (Guid id, FileInterestEvidenceRequest request, ClaimsPrincipal user, FileInterestEvidence file, CancellationToken ct) =>
                TypedResults.Ok(await file.HandleAsync(id, request, ActorOf.User(user), ct)))
            .RequireAuthorization(policy => policy.RequireRole(Roles.Enterprise))
            .WithSummary("File evidence of interest paid on a loan-interest project's loan (the applicant): the next installment pays the rule's share of it");

        project.MapPost("/change-requests", async (Guid id, RequestChangeRequest request, ClaimsPrincipal user, RequestChange change, CancellationToken ct) =>
                TypedResults.Ok(await change.HandleAsync(id, request, ActorOf.User(user), ct)))
            .RequireAuthorization(policy => policy.RequireRole(Roles.Enterprise))
            .WithSummary("Ask for an extension of the build period or a change to the project (the applicant); extension rules apply");

        project.MapPost("/change-requests/{changeRequestId:guid}/decision", async (Guid id, Guid changeRequestId, DecideChangeRequestRequest request, ClaimsPrincipal user, DecideChangeRequest decide, CancellationToken ct) =>
                TypedResults.Ok(await decide.HandleAsync(id, changeRequestId, request, ActorOf.User(user), ct)))
            .RequireAuthorization(policy => policy.RequireRole(Roles.DeptApprover))
            .WithSummary("Approve or refuse a change request, with the reason (department approvers)");

        project.MapPost("/acceptance", async (Guid id, RequestAcceptanceRequest request, ClaimsPrincipal user, RequestAcceptance accept, CancellationToken ct) =>
                TypedResults.Ok(await accept.HandleAsync(id, request, ActorOf.User(user), ct)))
            .RequireAuthorization(policy => policy.RequireRole(Roles.Enterprise))
            .WithSummary("Request acceptance: actual investment by category (fen) and the audit report's attachment id (the applicant)");

        project.MapPost("/acceptance/review", async (Guid id, ReviewAcceptanceRequest request, ClaimsPrincipal user, ReviewAcceptance review, CancellationToken ct) =>
                TypedResults.Ok(await review.HandleAsync(id, request, ActorOf.User(user), ct)))
            .RequireAuthorization(policy => policy.RequireRole(Roles.DeptApprover))
            .WithSummary("Pass or fail the project at acceptance, with the grounds (department approvers)");

        project.MapPost("/evaluation", async (Guid id, EvaluatePerformanceRequest request, ClaimsPrincipal user, EvaluatePerformance evaluate, CancellationToken ct) =>
                TypedResults.Ok(await evaluate.HandleAsync(id, request, ActorOf.User(user), ct)))
            .RequireAuthorization(policy => policy.RequireRole(Roles.DeptApprover))
            .WithSummary("Evaluate the accepted project against its plan indicators (department approvers); the project then closes");

        project.MapPost("/recovery", async (Guid id, OrderRecoveryRequest request, ClaimsPrincipal user, OrderRecovery recover, CancellationToken ct) =>
                TypedResults.Ok(await recover.HandleAsync(id, request, ActorOf.User(user), ct)))
            .RequireAuthorization(policy => policy.RequireRole(Roles.DeptApprover))
            .WithSummary("Order the recovery of a project's funds with its grounds (department approvers); bars the enterprise and the project leader");

        return api;
    }
}
