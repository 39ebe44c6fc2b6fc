using Microsoft.EntityFrameworkCore;
using ProjectWorkflow.Application.Persistence;
using ProjectWorkflow.Application.Refusals;
using ProjectWorkflow.Engine.Runtime;
using ProjectWorkflow.Funding.Ledger;

namespace ProjectWorkflow.Application.Ledger;

/// <summary>
/// Budget usage of one scheme-year, in integer fen: allocated; reserved for approved projects and not yet paid;
/// paid (net of claims); being recovered; returned to the treasury; available for new approvals; and the share used.
/// </summary>
public sealed record BudgetView(
    long Id, string Kind, string SchemeKey, int Year, long AllocatedFen, long ReservedFen, long PaidFen, long RecoveryDueFen,
    long ReturnedToTreasuryFen, long AvailableFen, decimal UsedPercent, DateTimeOffset UpdatedAt)
{
    public static BudgetView Of(Budget b) => new(
        b.Id, b.Kind, b.OwnerKey, b.Year, b.AllocatedFen, b.ReservedFen, b.PaidFen, b.RecoveryDueFen, b.ReturnedToTreasuryFen, b.AvailableFen,
        b.AllocatedFen == 0 ? 0 : Math.Round(100m * (b.AllocatedFen - b.AvailableFen) / b.AllocatedFen, 2), b.UpdatedAt);
}

/// <summary>The budget usage view: every scheme-year, or one year.</summary>
public sealed class ListBudgets(ProjectWorkflowDbContext db)
{
    public async Task<IReadOnlyList<BudgetView>> HandleAsync(int? year, CancellationToken cancellationToken)
    {
        var query = db.Set<Budget>().AsNoTracking();
        if (year is { } y) query = query.Where(b => b.Year == y);
        var budgets = await query.OrderBy(b => b.Year).ThenBy(b => b.OwnerKey).ToListAsync(cancellationToken);
        return budgets.Select(BudgetView.Of).ToList();
    }

    public async Task<BudgetView> GetAsync(string schemeKey, int year, CancellationToken cancellationToken) =>
        BudgetView.Of(await db.Set<Budget>().AsNoTracking()
            .FirstOrDefaultAsync(b => b.Kind == BudgetKinds.Scheme && b.OwnerKey == schemeKey && b.Year == year, cancellationToken)
            ?? throw new NotFoundException($"{schemeKey} has no budget for {year}.", $"{schemeKey} 尚未设定 {year} 年度预算。"));
}
