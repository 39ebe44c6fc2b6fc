using Microsoft.EntityFrameworkCore;
using ProjectWorkflow.Application.Applications;
using ProjectWorkflow.Application.Enterprises;
using ProjectWorkflow.Application.Identity;
using ProjectWorkflow.Application.Persistence;
using ProjectWorkflow.Engine.Runtime;
using ProjectWorkflow.Funding.Projects;

namespace ProjectWorkflow.Application.Projects;

public sealed record ProjectHistoryView(
    ProjectStateView? State,
    IReadOnlyList<ProgressReportView> ProgressReports,
    IReadOnlyList<ChangeRequestView> ChangeRequests,
    IReadOnlyList<AcceptanceView> Acceptances,
    EvaluationView? Evaluation);

/// <summary>
/// A funded project's file after approval: the reports, change requests, acceptance and evaluation, for whoever may
/// read the application. The decisions' reasons are addressed to the applicant; who on the staff decided, and the
/// evaluator's internal comment, are shown to the fund's staff only.
/// </summary>
public sealed class ProjectHistory(ProjectWorkflowDbContext db, ApplicationAccess access)
{
    public async Task<ProjectHistoryView> HandleAsync(Guid id, Actor actor, CancellationToken cancellationToken)
    {
        var application = await access.ReadableAsync(id, actor, cancellationToken);
        var reports = await db.Set<ProgressReport>().AsNoTracking().Where(r => r.ApplicationId == id).OrderBy(r => r.Sequence).ToListAsync(cancellationToken);
        var changes = await db.Set<ChangeRequest>().AsNoTracking().Where(c => c.ApplicationId == id).OrderBy(c => c.RequestedAt).ToListAsync(cancellationToken);
        var acceptances = await db.Set<Acceptance>().AsNoTracking().Where(a => a.ApplicationId == id).OrderBy(a => a.RequestedAt).ToListAsync(cancellationToken);
        var evaluation = await db.Set<Evaluation>().AsNoTracking().FirstOrDefaultAsync(e => e.ApplicationId == id, cancellationToken);
        var staff = Roles.IsStaff(actor);
        return new ProjectHistoryView(
            ApplicationViews.Of(application, []).Project,
            reports.Select(SubmitProgressReport.View).ToList(),
            changes.Select(RequestChange.View).Select(c => staff ? c : c with { DecidedBy = null }).ToList(),
            acceptances.Select(RequestAcceptance.View).Select(a => staff ? a : a with { ReviewedBy = null }).ToList(),
            evaluation is null ? null : Evaluation(EvaluatePerformance.View(evaluation), staff));
    }

    private static EvaluationView Evaluation(EvaluationView view, bool staff) => staff ? view : view with { EvaluatedBy = null, Comment = null };
}
