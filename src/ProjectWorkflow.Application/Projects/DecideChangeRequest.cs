using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using ProjectWorkflow.Application.Applications;
using ProjectWorkflow.Application.Persistence;
using ProjectWorkflow.Application.Refusals;
using ProjectWorkflow.Application.Validation;
using ProjectWorkflow.Application.Workflows;
using ProjectWorkflow.Engine.Runtime;
using ProjectWorkflow.Funding.Projects;
using ProjectWorkflow.Funding.Rules;

namespace ProjectWorkflow.Application.Projects;

public sealed record DecideChangeRequestRequest(bool? Approved, string? Reason);

/// <summary>
/// The department approves or refuses a pending change request, with its reason; the review task completes
/// in the same transaction and the process applies an approved extension (<c>change.apply</c>).
/// </summary>
public sealed class DecideChangeRequest(ProjectWorkflowDbContext db, WorkflowCommands commands, TimeProvider time)
{
    public async Task<ChangeRequestView> HandleAsync(Guid applicationId, Guid changeRequestId, DecideChangeRequestRequest request, Actor actor, CancellationToken cancellationToken)
    {
        var application = await ApplicationAccess.FindAsync(db, applicationId, track: true, cancellationToken);
        var change = await db.Set<ChangeRequest>().FirstOrDefaultAsync(c => c.Id == changeRequestId && c.ApplicationId == applicationId, cancellationToken)
            ?? throw new NotFoundException($"The application has no change request {changeRequestId}.", $"该申报没有变更申请 {changeRequestId}。");
        var decidedOnce = new ChangeAlreadyDecidedRule(change);
        if (decidedOnce.IsBroken()) throw new ConflictException(decidedOnce.Message.English, decidedOnce.Message.Chinese);
        var errors = new List<FieldError>();
        if (request.Approved is null) errors.Add(FieldError.Of("approved", "Say whether the change is approved (true) or refused (false).", "请选择是否批准该变更申请。"));
        if (string.IsNullOrWhiteSpace(request.Reason) || request.Reason.Length > 4000) errors.Add(FieldError.Of("reason", "Give the reason for the decision (at most 4,000 characters); the enterprise reads it.", "请填写审核意见。"));
        if (errors.Count > 0) throw new InvalidRequestException(errors);

        var task = await ProjectFile.OpenTaskAsync(db, application, "reviewChange", "The process is not waiting for a decision on a change request.", "流程当前不在变更申请审核环节。", cancellationToken);
        change.Decide(request.Approved!.Value, actor.Id, request.Reason!, time.GetUtcNow());
        await commands.RunAsync(actor, s => s.CompleteAsync(task, new JsonObject
        {
            ["changeRequestId"] = change.Id.ToString(),
            ["changeApproved"] = change.Status == ChangeRequestStatus.Approved,
            ["changeDecisionReason"] = change.DecisionReason,
        }, cancellationToken), cancellationToken);
        return RequestChange.View(change);
    }
}
