using Microsoft.EntityFrameworkCore;
using ProjectWorkflow.Application.Persistence;
using ProjectWorkflow.Funding.Ledger;

namespace ProjectWorkflow.Application.Vouchers;

/// <summary>The voucher budgets, every scheme-year.</summary>
public sealed class ListVoucherBudgets(ProjectWorkflowDbContext db)
{
    public async Task<IReadOnlyList<VoucherBudgetView>> HandleAsync(CancellationToken cancellationToken) =>
        (await db.Set<Budget>().AsNoTracking().Where(b => b.Kind == BudgetKinds.Voucher).OrderBy(b => b.OwnerKey).ThenBy(b => b.Year).ToListAsync(cancellationToken))
        .Select(SetVoucherBudget.Of).ToList();
}
