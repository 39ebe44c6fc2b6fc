using Microsoft.EntityFrameworkCore;
using ProjectWorkflow.Application.Persistence;
using ProjectWorkflow.Application.Workflows.Storage;
using ProjectWorkflow.Funding.Applications;
using ProjectWorkflow.Funding.Ledger;
using ProjectWorkflow.Funding.Projects;

namespace ProjectWorkflow.Application.Dashboards;

/// <summary>How many applications of a scheme stand in a status.</summary>
public sealed record SchemeStageCount(string SchemeKey, string Status, int Applications);

/// <summary>
/// One user-task step of a process, from the engine's task records: how long finished ones took (median, p90, in
/// hours), what the step's due date allowed (median), how many finished late, and how many wait now.
/// </summary>
public sealed record StageTime(string ProcessKey, string ElementId, string? Name, int Finished, double? MedianHours, double? P90Hours,
    double? MedianAllowedHours, int FinishedLate, int WaitingNow, int OverdueNow);

/// <summary>A budget's balances (integer fen), as the ledger caches them on the budget row.</summary>
public sealed record BudgetFigures(string Kind, string OwnerKey, int Year, long AllocatedFen, long ReservedFen, long PaidFen,
    long RecoveryDueFen, long ReturnedToTreasuryFen, long AvailableFen);

/// <summary>
/// One plan target with what the fund's projects promised (approved onward) and delivered (accepted or closed) toward
/// it, in the target's unit; both null when the fund's data does not measure it.
/// </summary>
public sealed record PlanProgress(string Key, string Group, string LabelZh, string LabelEn, string Unit, long? Target,
    string? TargetTextZh, string? TargetTextEn, int TargetYear, string? Measure, long? Promised, long? Reached);

public sealed record FundDashboard(
    DateTimeOffset At,
    IReadOnlyList<SchemeStageCount> Applications,
    IReadOnlyList<StageTime> StageTimes,
    IReadOnlyList<BudgetFigures> Budgets,
    IReadOnlyList<PlanProgress> Plan);

/// <summary>
/// The fund against the plan (leadership, staff): applications per scheme and status, review times per step against
/// their due dates, budgets per scheme-year, and the plan's seeded targets with the projects' progress. Read-only.
/// </summary>
public sealed class ReadFundDashboard(ProjectWorkflowDbContext db, TimeProvider time)
{
    /// <summary>Statuses from approval on: the project is funded and promised what it applied with.</summary>
    public static readonly IReadOnlyList<ApplicationStatus> Promised =
        [ApplicationStatus.Approved, ApplicationStatus.Building, ApplicationStatus.AcceptanceRequested, ApplicationStatus.Accepted, ApplicationStatus.Closed];

    /// <summary>Statuses after a passed acceptance: the project delivered.</summary>
    public static readonly IReadOnlyList<ApplicationStatus> Delivered = [ApplicationStatus.Accepted, ApplicationStatus.Closed];

    public async Task<FundDashboard> HandleAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var applications = (await db.Set<FundingApplication>().AsNoTracking()
                .Where(a => a.Status != ApplicationStatus.Draft)
                .GroupBy(a => new { a.SchemeKey, a.Status })
                .Select(g => new { g.Key.SchemeKey, g.Key.Status, Count = g.Count() })
                .ToListAsync(cancellationToken))
            .Select(g => new SchemeStageCount(g.SchemeKey, ApplicationStatusText.Of(g.Status), g.Count))
            .OrderBy(g => g.SchemeKey, StringComparer.Ordinal).ThenBy(g => g.Status, StringComparer.Ordinal).ToList();

        var budgets = (await db.Set<Budget>().AsNoTracking().ToListAsync(cancellationToken))
            .OrderBy(b => b.Kind, StringComparer.Ordinal).ThenBy(b => b.OwnerKey, StringComparer.Ordinal).ThenBy(b => b.Year)
            .Select(b => new BudgetFigures(b.Kind, b.OwnerKey, b.Year, b.AllocatedFen, b.ReservedFen, b.PaidFen, b.RecoveryDueFen, b.ReturnedToTreasuryFen, b.AvailableFen))
            .ToList();

        return new FundDashboard(now, applications, await StageTimesAsync(now, cancellationToken), budgets, await PlanAsync(cancellationToken));
    }

    private async Task<List<StageTime>> StageTimesAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var tasks = await db.Set<TaskRecord>().AsNoTracking()
            .Where(t => t.Status == TaskStatuses.Completed || t.Status == TaskStatuses.Open)
            .Select(t => new { t.DefinitionKey, t.ElementId, t.Name, t.Status, t.CreatedAt, t.EndedAt, t.DueAt })
            .ToListAsync(cancellationToken);
        return tasks.GroupBy(t => (t.DefinitionKey, t.ElementId))
            .Select(step =>
            {
                var finished = step.Where(t => t.Status == TaskStatuses.Completed && t.EndedAt is not null).ToList();
                var took = finished.Select(t => (t.EndedAt!.Value - t.CreatedAt).TotalHours).ToList();
                var allowed = step.Where(t => t.DueAt is not null).Select(t => (t.DueAt!.Value - t.CreatedAt).TotalHours).ToList();
                var open = step.Where(t => t.Status == TaskStatuses.Open).ToList();
                return new StageTime(step.Key.DefinitionKey, step.Key.ElementId, step.Select(t => t.Name).FirstOrDefault(n => n is not null),
                    finished.Count, Percentile(took, 0.5), Percentile(took, 0.9), Percentile(allowed, 0.5),
                    finished.Count(t => t.DueAt is not null && t.EndedAt > t.DueAt),
                    open.Count, open.Count(t => t.DueAt is not null && t.DueAt < now));
            })
            .OrderBy(s => s.ProcessKey, StringComparer.Ordinal).ThenBy(s => s.ElementId, StringComparer.Ordinal).ToList();
    }

    /// <summary>The nearest-rank percentile, rounded to a tenth of an hour; null for no values.</summary>
    public static double? Percentile(IReadOnlyCollection<double> values, double share)
    {
        if (values.Count == 0) return null;
        var sorted = values.OrderBy(v => v).ToList();
        var rank = (int)Math.Ceiling(share * sorted.Count);
        return Math.Round(sorted[Math.Clamp(rank - 1, 0, sorted.Count - 1)], 1);
    }

    private async Task<List<PlanProgress>> PlanAsync(CancellationToken cancellationToken)
    {
        var targets = await db.Set<PlanTarget>().AsNoTracking().OrderBy(t => t.Position).ToListAsync(cancellationToken);
        // Filtered here, not in SQL: a list of converted statuses is not translated alike by every provider.
        var funded = (await db.Set<FundingApplication>().AsNoTracking()
                .Where(a => a.Status != ApplicationStatus.Draft)
                .Select(a => new { a.Id, a.SchemeKey, a.Status, a.TitleSought, Investment = a.EquipmentFen + a.SoftwareFen + a.ConstructionFen + a.OtherFen })
                .ToListAsync(cancellationToken))
            .Where(a => Promised.Contains(a.Status)).ToList();
        var deliveredIds = funded.Where(a => Delivered.Contains(a.Status)).Select(a => a.Id).ToList();
        // The audited actual investment of each delivered project: its passed acceptance (the latest, should there be several).
        var actual = (await db.Set<Acceptance>().AsNoTracking()
                .Where(a => deliveredIds.Contains(a.ApplicationId) && a.Outcome == Acceptance.Pass)
                .Select(a => new { a.ApplicationId, a.RequestedAt, Total = a.ActualEquipmentFen + a.ActualSoftwareFen + a.ActualConstructionFen + a.ActualOtherFen })
                .ToListAsync(cancellationToken))
            .GroupBy(a => a.ApplicationId)
            .ToDictionary(g => g.Key, g => g.OrderByDescending(a => a.RequestedAt).First().Total);

        return targets.Select(target =>
        {
            var scope = funded.Where(a => a.SchemeKey == target.SchemeKey && (target.Measure != PlanMeasures.Title || a.TitleSought == target.Title)).ToList();
            var delivered = scope.Where(a => Delivered.Contains(a.Status)).ToList();
            (long? promised, long? reached) = target.Measure switch
            {
                PlanMeasures.Projects or PlanMeasures.Title => (scope.Count, delivered.Count),
                PlanMeasures.Investment => (scope.Sum(a => a.Investment), delivered.Sum(a => actual.GetValueOrDefault(a.Id, a.Investment))),
                _ => ((long?)null, (long?)null),
            };
            return new PlanProgress(target.Key, target.Group, target.LabelZh, target.LabelEn, target.Unit, target.Target,
                target.TargetTextZh, target.TargetTextEn, target.TargetYear, target.Measure, promised, reached);
        }).ToList();
    }
}
