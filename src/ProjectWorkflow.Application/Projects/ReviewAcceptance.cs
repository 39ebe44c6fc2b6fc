using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using ProjectWorkflow.Application.Applications;
using ProjectWorkflow.Application.Persistence;
using ProjectWorkflow.Application.Refusals;
using ProjectWorkflow.Application.Validation;
using ProjectWorkflow.Application.Workflows;
using ProjectWorkflow.Engine.Runtime;
using ProjectWorkflow.Funding.Applications;
using ProjectWorkflow.Funding.Projects;

namespace ProjectWorkflow.Application.Projects;

public sealed record ReviewAcceptanceRequest(string? Outcome, string? Reason);

/// <summary>
/// The department checks the completed project against the agreement (site, content, investment, equipment)
/// and passes or fails it, with its reason. A pass settles the accepted amount (cut pro rata on a shortfall)
/// and pays the rest; a fail recovers what was paid and sanctions the enterprise and the project leader.
/// </summary>
public sealed class ReviewAcceptance(ProjectWorkflowDbContext db, WorkflowCommands commands, TimeProvider time)
{
    public async Task<AcceptanceView> HandleAsync(Guid applicationId, ReviewAcceptanceRequest request, Actor actor, CancellationToken cancellationToken)
    {
        var application = await ApplicationAccess.FindAsync(db, applicationId, track: true, cancellationToken);
        ProjectFile.RequireStatus(application, ApplicationStatus.AcceptanceRequested, "An acceptance review", "进行验收审核");
        var errors = new List<FieldError>();
        if (request.Outcome is not ("pass" or "fail")) errors.Add(FieldError.Of("outcome", "Say whether the project passes acceptance: pass or fail.", "请选择验收结论。"));
        if (string.IsNullOrWhiteSpace(request.Reason) || request.Reason.Length > 4000) errors.Add(FieldError.Of("reason", "Give the grounds of the verdict (at most 4,000 characters); it is recorded and the enterprise reads it.", "请填写验收意见。"));
        if (errors.Count > 0) throw new InvalidRequestException(errors);

        var acceptance = await db.Set<Acceptance>().Where(a => a.ApplicationId == applicationId && a.Outcome == null)
            .OrderByDescending(a => a.RequestedAt).FirstOrDefaultAsync(cancellationToken)
            ?? throw new ConflictException("There is no acceptance request waiting for review.", "没有待审核的验收申请。");
        var task = await ProjectFile.OpenTaskAsync(db, application, "acceptanceReview", "The process is not waiting for an acceptance review.", "流程当前不在验收审核环节。", cancellationToken);
        acceptance.Review(request.Outcome!, actor.Id, request.Reason!, time.GetUtcNow());
        var variables = new JsonObject { ["acceptanceOutcome"] = acceptance.Outcome, ["acceptanceReason"] = acceptance.ReviewReason };
        if (!acceptance.Passed) variables["recoveryReason"] = $"验收不合格：{acceptance.ReviewReason}";
        await commands.RunAsync(actor, s => s.CompleteAsync(task, variables, cancellationToken), cancellationToken);
        return RequestAcceptance.View(acceptance);
    }
}
