using Microsoft.EntityFrameworkCore;
using ProjectWorkflow.Application.Calendar;
using ProjectWorkflow.Application.Persistence;
using ProjectWorkflow.Application.Schemes;
using ProjectWorkflow.Funding.Calendar;
using ProjectWorkflow.Funding.Ledger;

namespace ProjectWorkflow.Application.Warnings;

/// <summary>
/// One thing an administrator must set before the fund can work through a year. <see cref="Key"/> names the finding
/// (<c>rule-set:tech-upgrade:2027</c>, <c>budget:green-park:2027</c>, <c>calendar:2027</c>); the message is zh and en.
/// </summary>
public sealed record AdminWarning(string Key, string Kind, string? SchemeKey, int Year, string MessageZh, string MessageEn);

/// <summary>
/// What the administrators have not set yet for the current year and the next (Shanghai calendar): a scheme without a
/// rule set (nobody can apply), a scheme without a budget (nothing can be approved), a year without holiday data
/// (every working-day count falls back to plain weekdays).
/// </summary>
public sealed class AdminWarnings(ProjectWorkflowDbContext db, TimeProvider time)
{
    public async Task<IReadOnlyList<AdminWarning>> HandleAsync(CancellationToken cancellationToken)
    {
        var current = ShanghaiDate.Of(time.GetUtcNow()).Year;
        int[] years = [current, current + 1];
        var schemes = await db.Set<SchemeRecord>().AsNoTracking().OrderBy(s => s.Key).Select(s => new { s.Key, s.NameZh }).ToListAsync(cancellationToken);
        var ruleSets = await db.Set<RuleSetRecord>().AsNoTracking().Where(r => years.Contains(r.Year)).Select(r => new { r.SchemeKey, r.Year }).ToListAsync(cancellationToken);
        var budgets = await db.Set<Budget>().AsNoTracking()
            .Where(b => b.Kind == BudgetKinds.Scheme && years.Contains(b.Year) && b.AllocatedFen > 0).Select(b => new { b.OwnerKey, b.Year }).ToListAsync(cancellationToken);
        var calendarYears = await db.Set<CalendarYearRecord>().AsNoTracking().Where(c => years.Contains(c.Year)).Select(c => c.Year).ToListAsync(cancellationToken);

        var warnings = new List<AdminWarning>();
        foreach (var year in years)
        {
            foreach (var scheme in schemes)
            {
                if (!ruleSets.Any(r => r.SchemeKey == scheme.Key && r.Year == year))
                    warnings.Add(new($"rule-set:{scheme.Key}:{year}", "no-rule-set", scheme.Key, year,
                        $"{scheme.NameZh}（{scheme.Key}）尚无{year}年度规则，企业无法申报。",
                        $"{scheme.Key} has no rule set for {year}: nobody can apply (POST /api/schemes/{scheme.Key}/rule-sets)."));
                if (!budgets.Any(b => b.OwnerKey == scheme.Key && b.Year == year))
                    warnings.Add(new($"budget:{scheme.Key}:{year}", "no-budget", scheme.Key, year,
                        $"{scheme.NameZh}（{scheme.Key}）尚无{year}年度预算，项目无法批准。",
                        $"{scheme.Key} has no budget for {year}: no project can be approved (PUT /api/ledger/budgets/{scheme.Key}/{year})."));
            }
            if (!calendarYears.Contains(year))
                warnings.Add(new($"calendar:{year}", "no-holiday-data", null, year,
                    $"尚无{year}年节假日安排数据，工作日按周一至周五计算。",
                    $"There is no holiday data for {year}: working days count plain weekdays until it is entered (PUT /api/calendar/{year})."));
        }
        return warnings;
    }
}
