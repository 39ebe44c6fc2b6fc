using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using ProjectWorkflow.Application.Applications;
using ProjectWorkflow.Application.Persistence;
using ProjectWorkflow.Application.Schemes;
using ProjectWorkflow.Application.Validation;
using ProjectWorkflow.Application.Workflows;
using ProjectWorkflow.Engine.Runtime;
using ProjectWorkflow.Funding.Applications;
using ProjectWorkflow.Funding.Calendar;
using ProjectWorkflow.Funding.Projects;
using ProjectWorkflow.Funding;

namespace ProjectWorkflow.Application.Projects;

public sealed record RequestAcceptanceRequest(long? EquipmentFen, long? SoftwareFen, long? ConstructionFen, long? OtherFen, Guid? AuditReportId, string? Summary);

public sealed record AcceptanceView(Guid Id, DateTimeOffset RequestedAt, string RequestedBy, InvestmentView ActualInvestment, long ActualEligibleFen,
    Guid AuditReportId, string Summary, string? Outcome, DateTimeOffset? ReviewedAt, string? ReviewedBy, string? ReviewReason, string? Calculation);

/// <summary>
/// The enterprise requests acceptance (验收) of its completed project: the actual investment by category and
/// the audit report (an attachment of kind audit-report), within the rule set's window after the build
/// period (AcceptanceOutsideWindow). The building stage of the process ends with it; progress reports and
/// change requests still open close.
/// </summary>
public sealed class RequestAcceptance(ProjectWorkflowDbContext db, ApplicationAccess access, RuleSets ruleSets, WorkflowCommands commands, TimeProvider time)
{
    public async Task<AcceptanceView> HandleAsync(Guid id, RequestAcceptanceRequest request, Actor actor, CancellationToken cancellationToken)
    {
        var application = await access.OwnedAsync(id, actor, cancellationToken);
        ProjectFile.RequireStatus(application, ApplicationStatus.Building, "Requesting acceptance", "申请验收");
        var actual = new InvestmentBreakdown(new Money(request.EquipmentFen ?? 0), new Money(request.SoftwareFen ?? 0), new Money(request.ConstructionFen ?? 0), new Money(request.OtherFen ?? 0));
        var errors = actual.Problems().Select(p => FieldError.Of("actualInvestment", p.English, p.Chinese)).ToList();
        if (string.IsNullOrWhiteSpace(request.Summary) || request.Summary.Length > 8000)
            errors.Add(FieldError.Of("summary", "Summarise what was built against the agreement (at most 8,000 characters).", "请填写项目总结。"));
        if (request.AuditReportId is not { } reportId
            || !await db.Set<AttachmentRecord>().AnyAsync(a => a.Id == reportId && a.ApplicationId == application.Id && a.Kind == "audit-report", cancellationToken))
            errors.Add(FieldError.Of("auditReportId", "Attach the audit report first (POST …/attachments with kind audit-report) and give its id.", "请上传专项审计报告。"));
        if (errors.Count > 0) throw new InvalidRequestException(errors);

        var rules = await ruleSets.ForAsync(application.SchemeKey, application.Year, cancellationToken);
        var now = time.GetUtcNow();
        var acceptance = Acceptance.Request(application, actual, request.AuditReportId!.Value, request.Summary!, actor.Id, now, rules);
        var task = await ProjectFile.OpenTaskAsync(db, application, "requestAcceptance", "The process is not waiting for an acceptance request.", "流程当前不在申请验收环节。", cancellationToken);
        db.Add(acceptance);
        await commands.RunAsync(actor, s => s.CompleteAsync(task, new JsonObject
        {
            ["acceptanceId"] = acceptance.Id.ToString(),
            ["actualEligibleInvestmentFen"] = acceptance.ActualEligibleFen,
        }, cancellationToken), cancellationToken);
        return View(acceptance);
    }

    public static AcceptanceView View(Acceptance a) => new(a.Id, a.RequestedAt, a.RequestedBy,
        new InvestmentView(a.ActualEquipmentFen, a.ActualSoftwareFen, a.ActualConstructionFen, a.ActualOtherFen,
            a.ActualEquipmentFen + a.ActualSoftwareFen + a.ActualConstructionFen + a.ActualOtherFen),
        a.ActualEligibleFen, a.AuditReportId, a.Summary, a.Outcome, a.ReviewedAt, a.ReviewedBy, a.ReviewReason, a.Calculation);
}
