using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using ProjectWorkflow.Application.Applications;
using ProjectWorkflow.Application.Persistence;
using ProjectWorkflow.Application.Validation;
using ProjectWorkflow.Application.Workflows.Storage;
using ProjectWorkflow.Application.Workflows;
using ProjectWorkflow.Engine.Runtime;
using ProjectWorkflow.Funding;
using ProjectWorkflow.Funding.Applications;
using ProjectWorkflow.Funding.Projects;

namespace ProjectWorkflow.Application.Projects;

public sealed record SubmitProgressReportRequest(long? InvestedSoFarFen, int? PercentComplete, string? Summary, string? Problems, string? Kind = null);

public sealed record ProgressReportView(Guid Id, int Sequence, DateTimeOffset? DueAt, DateTimeOffset SubmittedAt, string SubmittedBy, bool Late,
    long InvestedSoFarFen, int PercentComplete, string Summary, string? Problems, string Kind = ProgressReport.Quarterly);

/// <summary>
/// The enterprise files the progress report the process asked for: quarterly (every three months of the build period)
/// or, with <c>kind: annual</c>, the annual report (every year); the reminder and overdue checks chase both. A report
/// filed after its due date is kept, marked late.
/// </summary>
public sealed class SubmitProgressReport(ProjectWorkflowDbContext db, ApplicationAccess access, WorkflowCommands commands, TimeProvider time)
{
    public async Task<ProgressReportView> HandleAsync(Guid id, SubmitProgressReportRequest request, Actor actor, CancellationToken cancellationToken)
    {
        var application = await access.OwnedAsync(id, actor, cancellationToken);
        ProjectFile.RequireStatus(application, ApplicationStatus.Building, "A progress report", "提交进度报告");
        var errors = new List<FieldError>();
        if (request.InvestedSoFarFen is null or < 0) errors.Add(FieldError.Of("investedSoFarFen", "Give the investment made so far, in fen (0 or more).", "请填写累计完成投资（分）。"));
        if (request.PercentComplete is null or < 0 or > 100) errors.Add(FieldError.Of("percentComplete", "Give how far the project is, 0 to 100 percent.", "请填写形象进度（0–100%）。"));
        if (string.IsNullOrWhiteSpace(request.Summary) || request.Summary.Length > 8000) errors.Add(FieldError.Of("summary", "Say what was done this quarter (at most 8,000 characters).", "请填写本季度进展。"));
        if (request.Problems?.Length > 8000) errors.Add(FieldError.Of("problems", "Problems take at most 8,000 characters.", "存在问题最多 8000 个字符。"));
        var kind = request.Kind ?? ProgressReport.Quarterly;
        if (kind is not (ProgressReport.Quarterly or ProgressReport.Annual)) errors.Add(FieldError.Of("kind", "A report is quarterly (the default) or annual.", "报告类型为季度或年度。"));
        if (errors.Count > 0) throw new InvalidRequestException(errors);

        var taskId = kind == ProgressReport.Annual
            ? await ProjectFile.OpenTaskAsync(db, application, "annualReport", "No annual report is due now; it is asked for at the end of each year of building.", "当前无需提交年度报告；建设期每满一年时提交。", cancellationToken)
            : await ProjectFile.OpenTaskAsync(db, application, "progressReport", "No progress report is due now; the next one is asked for at the end of the quarter.", "当前无需提交进度报告；下一次在本季度末提交。", cancellationToken);
        var task = await db.Set<TaskRecord>().AsNoTracking().FirstAsync(t => t.Id == taskId, cancellationToken);
        var now = time.GetUtcNow();
        var sequence = await db.Set<ProgressReport>().CountAsync(r => r.ApplicationId == application.Id && r.Kind == kind, cancellationToken) + 1;
        var report = ProgressReport.File(application.Id, sequence, task.DueAt, now, actor.Id,
            new Money(request.InvestedSoFarFen!.Value), request.PercentComplete!.Value, request.Summary!, request.Problems, kind);
        db.Add(report);
        await commands.RunAsync(actor, s => s.CompleteAsync(taskId,
            new JsonObject { ["progressReportId"] = report.Id.ToString(), ["percentComplete"] = report.PercentComplete, ["reportLate"] = report.Late }, cancellationToken), cancellationToken);
        return View(report);
    }

    public static ProgressReportView View(ProgressReport r) =>
        new(r.Id, r.Sequence, r.DueAt, r.SubmittedAt, r.SubmittedBy, r.Late, r.InvestedSoFarFen, r.PercentComplete, r.Summary, r.Problems, r.Kind);
}
