using Microsoft.EntityFrameworkCore;
using ProjectWorkflow.Application.Audit;
using ProjectWorkflow.Application.Persistence;
using ProjectWorkflow.Application.Validation;
using ProjectWorkflow.Funding.Calendar;
using ProjectWorkflow.Funding.Enterprises;
using ProjectWorkflow.Funding.Projects;

namespace ProjectWorkflow.Application.Enterprises;

/// <summary>
/// <c>subjectKind</c>: enterprise (with its USCC as <c>subject</c>) or leader (a project leader's identity number);
/// <c>until</c>: the last day of the bar (Shanghai date), after today; <c>reason</c>: the credit platform's grounds.
/// </summary>
public sealed record RecordCreditSanctionRequest(string? SubjectKind, string? Subject, DateOnly? Until, string? Reason);

public sealed record CreditSanctionView(Guid Id, string SubjectKind, string Subject, DateTimeOffset From, DateTimeOffset Until, string Reason, Guid? ApplicationId);

/// <summary>
/// An administrator records a credit sanction (失信惩戒) published on the city's public credit platform against an
/// enterprise or a project leader, from now until the day given. Submission refuses them (EnterpriseUnderSanction), and
/// the credit check before every payment holds their payments with the reason (PayeeUnderSanction), even on projects
/// approved before. Audited with who recorded it; the enterprise reads the bar and its reason, never who recorded it.
/// </summary>
public sealed class RecordCreditSanction(ProjectWorkflowDbContext db, AuditTrail audit, TimeProvider time)
{
    /// <summary>The longest bar one record may set; the rules' own bars are 3 (Shanghai) or 5 (Shandong) years.</summary>
    public const int MaxYears = 10;

    /// <summary>The stored subject's length (a USCC is 18; an identity number as long as the draft's leader field allows).</summary>
    public const int SubjectLength = 64;

    public async Task<CreditSanctionView> HandleAsync(RecordCreditSanctionRequest request, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var today = ShanghaiDate.Of(now);
        var errors = new List<FieldError>();
        string? subject = null;
        if (request.SubjectKind is not (CreditSanction.Enterprise or CreditSanction.Leader))
            errors.Add(FieldError.Of("subjectKind", "Say whom the sanction bars: enterprise or leader.", "请选择惩戒对象：企业或项目负责人。"));
        else if (request.SubjectKind == CreditSanction.Enterprise)
        {
            if (Uscc.TryParse(request.Subject, out var code, out var problem)) subject = code.Value;
            else errors.Add(FieldError.Of("subject", problem?.English ?? "Give the enterprise's unified social credit code.", problem?.Chinese ?? "请填写企业统一社会信用代码。"));
        }
        else if (string.IsNullOrWhiteSpace(request.Subject) || request.Subject.Trim().Length > SubjectLength
            || request.Subject.Trim().Any(c => !char.IsAsciiLetterOrDigit(c)))
            errors.Add(FieldError.Of("subject", $"Give the project leader's identity number (letters and digits, at most {SubjectLength}).", "请填写项目负责人身份证号。"));
        else
            subject = request.Subject.Trim();
        if (request.Until is not { } until || until <= today || until > today.AddYears(MaxYears))
            errors.Add(FieldError.Of("until", $"Give the last day of the bar: after today and at most {MaxYears} years on (yyyy-MM-dd).", $"请填写惩戒截止日期：晚于今天，且不超过 {MaxYears} 年（yyyy-MM-dd）。"));
        if (string.IsNullOrWhiteSpace(request.Reason) || request.Reason.Trim().Length > CreditSanction.ReasonLength)
            errors.Add(FieldError.Of("reason", $"Give the grounds as published on the credit platform (at most {CreditSanction.ReasonLength:N0} characters).", $"请填写信用平台公布的惩戒事由（最多 {CreditSanction.ReasonLength:N0} 个字符）。"));
        if (errors.Count > 0) throw new InvalidRequestException(errors);

        // The bar lasts to the end of its last day, Shanghai time.
        var end = ShanghaiDate.EndOf(request.Until!.Value);
        var sanction = new CreditSanction(subject!, request.SubjectKind!, now, end, request.Reason!.Trim());
        db.Add(sanction);
        audit.Record("credit-sanction.recorded", "credit-sanction", sanction.Id.ToString(), reason: sanction.Reason,
            detail: $"{sanction.SubjectKind} {sanction.Subject} until {request.Until:yyyy-MM-dd}");
        await db.SaveChangesAsync(cancellationToken);
        return View(sanction);
    }

    public static CreditSanctionView View(CreditSanction s) => new(s.Id, s.SubjectKind, s.Subject, s.From, s.Until, s.Reason, s.ApplicationId);
}
