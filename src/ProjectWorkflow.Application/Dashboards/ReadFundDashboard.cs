using Microsoft.EntityFrameworkCore;
using ProjectWorkflow.Application.Persistence;
using ProjectWorkflow.Application.Workflows.Storage;
using ProjectWorkflow.Funding;
using ProjectWorkflow.Funding.Applications;
using ProjectWorkflow.Funding.Ledger;
using ProjectWorkflow.Funding.Projects;
using ProjectWorkflow.Funding.Vouchers;

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
/// For the plan's indicators (<see cref="PlanMeasures.Sum"/>, <see cref="PlanMeasures.Ratio"/>) the values are in
/// <see cref="ValueUnit"/>: <see cref="PromisedValue"/> over every funded project, <see cref="DeliveredValue"/> over the
/// accepted and evaluated ones that reported the figure, beside <see cref="PromisedByDeliveredValue"/>, what those same
/// projects had promised.
/// </summary>
public sealed record PlanProgress(string Key, string Group, string LabelZh, string LabelEn, string Unit, long? Target,
    string? TargetTextZh, string? TargetTextEn, int TargetYear, string? Measure, long? Promised, long? Reached)
{
    public string? Figure { get; init; }
    public string? PerFigure { get; init; }
    public string? ValueUnit { get; init; }
    public decimal? PromisedValue { get; init; }
    public decimal? PromisedByDeliveredValue { get; init; }
    public decimal? DeliveredValue { get; init; }
    public int? ProjectsFunded { get; init; }
    public int? ProjectsDelivered { get; init; }

    /// <summary>Delivered as a percentage of what the same projects promised (null when they promised nothing).</summary>
    public decimal? DeliveredShare => DeliveredValue is { } d && PromisedByDeliveredValue is { } p && p != 0 ? decimal.Round(100m * d / p, 1) : null;
}

/// <summary>A voucher scheme-year's vouchers (integer fen): granted to holders, used (redeemed claims), settled (paid to providers).</summary>
public sealed record VoucherFigures(string SchemeKey, int Year, int Quotas, long GrantedFen, long RedeemedFen, long SettledFen);

/// <summary>A scheme-year budget's burn-down forecast: when its available money runs out at the recent pace, with its band.</summary>
public sealed record BurnDownFigures(string Kind, string OwnerKey, int Year, long AvailableFen, int WindowDays, long DrawnInWindowFen,
    decimal PaceFenPerDay, decimal SpreadFenPerDay, DateOnly? RunsOutOn, DateOnly? EarliestOn, DateOnly? LatestOn);

/// <summary>How many times a process's task sent the file back (its completion answered "return").</summary>
public sealed record ReturnCount(string ProcessKey, string ElementId, string? Name, int Returned, int Finished);

public sealed record FundDashboard(
    DateTimeOffset At,
    IReadOnlyList<SchemeStageCount> Applications,
    IReadOnlyList<StageTime> StageTimes,
    IReadOnlyList<BudgetFigures> Budgets,
    IReadOnlyList<PlanProgress> Plan,
    IReadOnlyList<VoucherFigures> Vouchers,
    IReadOnlyList<BurnDownFigures> BurnDowns,
    IReadOnlyList<ReturnCount> Returns);

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

        return new FundDashboard(now, applications, await StageTimesAsync(now, cancellationToken), budgets, await PlanAsync(cancellationToken),
            await VouchersAsync(cancellationToken), await BurnDownsAsync(budgets, now, cancellationToken), await ReturnsAsync(cancellationToken));
    }

    /// <summary>Vouchers per scheme-year, summed by the database: quotas' granted and redeemed fen, settlements paid.</summary>
    private async Task<List<VoucherFigures>> VouchersAsync(CancellationToken cancellationToken)
    {
        var quotas = await db.Set<VoucherQuota>().AsNoTracking()
            .Where(q => q.GrantedFen > 0)
            .GroupBy(q => new { q.SchemeKey, q.Year })
            .Select(g => new { g.Key.SchemeKey, g.Key.Year, Quotas = g.Count(), Granted = g.Sum(q => q.GrantedFen), Redeemed = g.Sum(q => q.RedeemedFen) })
            .ToListAsync(cancellationToken);
        var settled = await db.Set<VoucherSettlement>().AsNoTracking()
            .Where(s => s.Status == VoucherSettlementStatus.Paid)
            .GroupBy(s => new { s.SchemeKey, s.Year })
            .Select(g => new { g.Key.SchemeKey, g.Key.Year, Settled = g.Sum(s => s.AmountFen) })
            .ToListAsync(cancellationToken);
        return quotas.Select(q => (q.SchemeKey, q.Year)).Union(settled.Select(s => (s.SchemeKey, s.Year)))
            .Select(k =>
            {
                var quota = quotas.FirstOrDefault(q => q.SchemeKey == k.SchemeKey && q.Year == k.Year);
                return new VoucherFigures(k.SchemeKey, k.Year, quota?.Quotas ?? 0, quota?.Granted ?? 0, quota?.Redeemed ?? 0,
                    settled.FirstOrDefault(s => s.SchemeKey == k.SchemeKey && s.Year == k.Year)?.Settled ?? 0);
            })
            .OrderBy(v => v.SchemeKey, StringComparer.Ordinal).ThenBy(v => v.Year).ToList();
    }

    /// <summary>
    /// Each budget's forecast from its available account's postings of the window (allocations and lowerings are the
    /// budget's size, not its pace, so they are left out); only the window's rows are read.
    /// </summary>
    private async Task<List<BurnDownFigures>> BurnDownsAsync(IReadOnlyList<BudgetFigures> budgets, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var since = new DateTimeOffset(today.AddDays(1 - BudgetBurnDown.DefaultWindowDays).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        var available = nameof(LedgerAccount.Available);
        var ids = await db.Set<Budget>().AsNoTracking().Select(b => new { b.Id, b.Kind, b.OwnerKey, b.Year }).ToListAsync(cancellationToken);
        var postings = await (from posting in db.Set<LedgerEntryPosting>().AsNoTracking()
                join entry in db.Set<LedgerEntry>().AsNoTracking() on posting.EntryId equals entry.Id
                where posting.Account == available && entry.At >= since
                      && entry.Kind != LedgerEntryKinds.Allocate && entry.Kind != LedgerEntryKinds.Lower
                select new { posting.BudgetId, entry.At, posting.AmountFen })
            .ToListAsync(cancellationToken);
        return budgets.Select(b =>
        {
            var id = ids.Single(i => i.Kind == b.Kind && i.OwnerKey == b.OwnerKey && i.Year == b.Year).Id;
            // A negative posting to available is money drawn from it.
            var draws = postings.Where(p => p.BudgetId == id).Select(p => new DailyDraw(DateOnly.FromDateTime(p.At.UtcDateTime), new Money(-p.AmountFen)));
            var forecast = BudgetBurnDown.Forecast(new Money(b.AvailableFen), draws, today);
            return new BurnDownFigures(b.Kind, b.OwnerKey, b.Year, b.AvailableFen, forecast.WindowDays, forecast.DrawnInWindow.Fen,
                forecast.PaceFenPerDay, forecast.SpreadFenPerDay, forecast.RunsOutOn, forecast.EarliestOn, forecast.LatestOn);
        }).ToList();
    }

    /// <summary>
    /// Where applications are sent back most: per process and user task, the completed tasks whose answers chose
    /// "return", counted by the database (the answers are the task's submitted variables as JSON).
    /// </summary>
    private async Task<List<ReturnCount>> ReturnsAsync(CancellationToken cancellationToken)
    {
        var steps = await db.Set<TaskRecord>().AsNoTracking()
            .Where(t => t.Status == TaskStatuses.Completed)
            .GroupBy(t => new { t.DefinitionKey, t.ElementId })
            .Select(g => new
            {
                g.Key.DefinitionKey, g.Key.ElementId, Name = g.Max(t => t.Name), Finished = g.Count(),
                Returned = g.Count(t => t.Answers != null && t.Answers.Contains(ReturnAnswer)),
            })
            .ToListAsync(cancellationToken);
        return steps.Where(s => s.Returned > 0)
            .Select(s => new ReturnCount(s.DefinitionKey, s.ElementId, s.Name, s.Returned, s.Finished))
            .OrderBy(s => s.ProcessKey, StringComparer.Ordinal).ThenByDescending(s => s.Returned).ThenBy(s => s.ElementId, StringComparer.Ordinal).ToList();
    }

    /// <summary>The outcome value a returning task's answers carry (<c>"districtOutcome": "return"</c>, …).</summary>
    public const string ReturnAnswer = "\"return\"";

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
        var rows = (await db.Set<FundingApplication>().AsNoTracking()
                .Where(a => a.Status != ApplicationStatus.Draft)
                .Select(a => new
                {
                    a.Id, a.SchemeKey, a.Status, a.TitleSought, Investment = a.EquipmentFen + a.SoftwareFen + a.ConstructionFen + a.OtherFen,
                    a.SoftwareFen, a.OutputFen, a.ValueAddedFen, a.RdSpendFen, a.InventionPatents, a.EnergyBeforeTce, a.EnergyAfterTce,
                    a.Co2ReducedTonnes, a.WaterBeforeM3, a.WaterAfterM3, a.SolidWasteTonnes, a.SolidWasteUtilisedTonnes, a.LandM2, a.Headcount, a.Robots,
                })
                .ToListAsync(cancellationToken))
            .Where(a => Promised.Contains(a.Status)).ToList();
        var deliveredIds = rows.Where(a => Delivered.Contains(a.Status)).Select(a => a.Id).ToList();
        // The audited actual investment of each delivered project: its passed acceptance (the latest, should there be several).
        var actual = (await db.Set<Acceptance>().AsNoTracking()
                .Where(a => deliveredIds.Contains(a.ApplicationId) && a.Outcome == Acceptance.Pass)
                .Select(a => new { a.ApplicationId, a.RequestedAt, Total = a.ActualEquipmentFen + a.ActualSoftwareFen + a.ActualConstructionFen + a.ActualOtherFen, Software = a.ActualSoftwareFen })
                .ToListAsync(cancellationToken))
            .GroupBy(a => a.ApplicationId)
            .ToDictionary(g => g.Key, g => g.OrderByDescending(a => a.RequestedAt).First());
        var evaluated = (await db.Set<Evaluation>().AsNoTracking()
                .Where(e => deliveredIds.Contains(e.ApplicationId))
                .Select(e => new
                {
                    e.ApplicationId, e.EvaluatedAt, Figures = new DeliveredFigures(e.EnergySavedTce, e.OutputFen, e.ValueAddedFen, e.Robots, e.RdSpendFen, e.InventionPatents,
                        e.WaterSavedM3, e.Co2ReducedTonnes, e.SolidWasteTonnes, e.SolidWasteUtilisedTonnes, e.LandM2),
                })
                .ToListAsync(cancellationToken))
            .GroupBy(e => e.ApplicationId)
            .ToDictionary(g => g.Key, g => g.OrderByDescending(e => e.EvaluatedAt).First().Figures);
        var funded = rows.Select(a => new
        {
            a.TitleSought,
            Figures = new ProjectFigures(a.Id, a.SchemeKey, Delivered.Contains(a.Status), a.Investment, a.SoftwareFen, a.OutputFen, a.ValueAddedFen, a.RdSpendFen,
                a.InventionPatents, a.EnergyBeforeTce, a.EnergyAfterTce, a.Co2ReducedTonnes, a.WaterBeforeM3, a.WaterAfterM3, a.SolidWasteTonnes,
                a.SolidWasteUtilisedTonnes, a.LandM2, a.Headcount, a.Robots)
            {
                ActualInvestmentFen = actual.TryGetValue(a.Id, out var acceptance) ? acceptance.Total : null,
                ActualSoftwareFen = acceptance?.Software,
                Evaluated = evaluated.GetValueOrDefault(a.Id),
            },
        }).ToList();

        return targets.Select(target =>
        {
            var scope = funded.Where(a => (target.SchemeKey is null && target.Measure is PlanMeasures.Sum or PlanMeasures.Ratio || a.Figures.SchemeKey == target.SchemeKey)
                && (target.Measure != PlanMeasures.Title || a.TitleSought == target.Title)).Select(a => a.Figures).ToList();
            var delivered = scope.Where(a => a.Delivered).ToList();
            (long? promised, long? reached) = target.Measure switch
            {
                PlanMeasures.Projects or PlanMeasures.Title => (scope.Count, delivered.Count),
                PlanMeasures.Investment => (scope.Sum(a => a.InvestmentFen), delivered.Sum(a => a.ActualInvestmentFen ?? a.InvestmentFen)),
                _ => ((long?)null, (long?)null),
            };
            var progress = new PlanProgress(target.Key, target.Group, target.LabelZh, target.LabelEn, target.Unit, target.Target,
                target.TargetTextZh, target.TargetTextEn, target.TargetYear, target.Measure, promised, reached);
            if (target.Measure is not (PlanMeasures.Sum or PlanMeasures.Ratio) || target.Figure is null || !PlanFigures.All.TryGetValue(target.Figure, out var figure))
                return progress;
            var per = target.PerFigure is null ? null : PlanFigures.All.GetValueOrDefault(target.PerFigure);
            var reporting = delivered.Where(p => figure.Delivered(p) is not null && (per is null || per.Delivered(p) is not null)).ToList();
            return progress with
            {
                Figure = target.Figure,
                PerFigure = target.PerFigure,
                ValueUnit = target.ValueUnit ?? figure.Unit,
                PromisedValue = PlanFigures.Value(target, scope, delivered: false),
                PromisedByDeliveredValue = PlanFigures.Value(target, reporting, delivered: false),
                DeliveredValue = PlanFigures.Value(target, reporting, delivered: true),
                ProjectsFunded = scope.Count,
                ProjectsDelivered = reporting.Count,
            };
        }).ToList();
    }
}
