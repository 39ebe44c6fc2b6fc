using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using ProjectWorkflow.Application.Applications;
using ProjectWorkflow.Application.Audit;
using ProjectWorkflow.Application.Persistence;
using ProjectWorkflow.Application.Refusals;
using ProjectWorkflow.Application.Schemes;
using ProjectWorkflow.Application.Validation;
using ProjectWorkflow.Application.Workflows.Instances;
using ProjectWorkflow.Engine.Runtime;
using ProjectWorkflow.Funding;
using ProjectWorkflow.Funding.Applications;
using ProjectWorkflow.Funding.Projects;

namespace ProjectWorkflow.Application.Projects;

public sealed record FileInterestEvidenceRequest(long? InterestPaidFen, DateOnly? PeriodFrom, DateOnly? PeriodTo, string? Lender, Guid? AttachmentId);

public sealed record InterestEvidenceView(Guid Id, long InterestPaidFen, DateOnly PeriodFrom, DateOnly PeriodTo, string Lender, Guid AttachmentId,
    DateTimeOffset FiledAt, string FiledBy, Guid? PaymentOrderId);

/// <summary>
/// The applicant of a loan-interest project files evidence of interest paid while building: the amount, the period,
/// the lender and the bank's statement (an attachment of kind interest-evidence). It reaches the process as the message
/// <c>interest.evidence-filed</c>, which orders an installment of the rule's share of the interest (installment-payment),
/// never more than is left of the approved amount.
/// </summary>
public sealed class FileInterestEvidence(ProjectWorkflowDbContext db, ApplicationAccess access, RuleSets ruleSets, DeliverMessage deliver, AuditTrail audit, TimeProvider time)
{
    public const string Message = "interest.evidence-filed";

    public async Task<InterestEvidenceView> HandleAsync(Guid id, FileInterestEvidenceRequest request, Actor actor, CancellationToken cancellationToken)
    {
        var application = await access.OwnedAsync(id, actor, cancellationToken);
        var errors = new List<FieldError>();
        if (request.InterestPaidFen is not > 0 || !Money.IsWithinLimit(request.InterestPaidFen.Value))
            errors.Add(FieldError.Of("interestPaidFen", "Give the interest paid, a positive amount in integer fen.", "请填写实付利息（分）。"));
        if (request.PeriodFrom is null) errors.Add(FieldError.Of("periodFrom", "Give the first day the interest covers.", "请填写计息起始日。"));
        if (request.PeriodTo is null || request.PeriodFrom is { } from && request.PeriodTo < from)
            errors.Add(FieldError.Of("periodTo", "Give the last day the interest covers, on or after the first.", "请填写计息截止日。"));
        if (string.IsNullOrWhiteSpace(request.Lender) || request.Lender.Length > InterestEvidence.LenderLength)
            errors.Add(FieldError.Of("lender", $"Name the lender (at most {InterestEvidence.LenderLength} characters).", "请填写贷款银行。"));
        if (request.AttachmentId is not { } attachmentId
            || !await db.Set<AttachmentRecord>().AnyAsync(a => a.Id == attachmentId && a.ApplicationId == application.Id && a.Kind == "interest-evidence", cancellationToken))
            errors.Add(FieldError.Of("attachmentId", "Attach the bank's interest statement first (POST …/attachments with kind interest-evidence) and give its id.", "请上传付息凭证。"));
        if (errors.Count > 0) throw new InvalidRequestException(errors);
        ProjectFile.RequireStatus(application, ApplicationStatus.Building, "Interest evidence", "提交贷款付息凭证");

        var rules = await ruleSets.ForAsync(application.SchemeKey, application.Year, cancellationToken);
        var method = rules.OptionFor(application.SupportMethod)?.Rule ?? rules.Support;
        var evidence = InterestEvidence.File(application, method, new Money(request.InterestPaidFen!.Value), request.PeriodFrom!.Value, request.PeriodTo!.Value,
            request.Lender!.Trim(), request.AttachmentId!.Value, actor.Id, time.GetUtcNow());
        db.Add(evidence);
        audit.Record("interest-evidence.filed", "application", application.Id.ToString(),
            detail: $"{application.Number}: interest {evidence.InterestPaid} for {evidence.PeriodFrom:yyyy-MM-dd} – {evidence.PeriodTo:yyyy-MM-dd}, lender {evidence.Lender}");
        var delivered = await deliver.HandleAsync(new DeliverMessageRequest(Message, application.Number, new JsonObject
        {
            ["interestEvidenceId"] = evidence.Id.ToString(),
        }), actor, cancellationToken);
        if (delivered == 0)
            throw new ConflictException("The project's process does not take interest evidence now (acceptance may already be requested).", "项目流程当前不接收付息凭证（可能已申请验收）。");
        return View(evidence);
    }

    public static InterestEvidenceView View(InterestEvidence e) =>
        new(e.Id, e.InterestPaidFen, e.PeriodFrom, e.PeriodTo, e.Lender, e.AttachmentId, e.FiledAt, e.FiledBy, e.PaymentOrderId);
}
