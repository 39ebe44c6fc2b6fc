using Microsoft.EntityFrameworkCore;
using ProjectWorkflow.Application.Applications;
using ProjectWorkflow.Application.Persistence;
using ProjectWorkflow.Funding;

namespace ProjectWorkflow.Application.Schemes;

/// <summary>
/// What a scheme-year can still commit: its budget less the amounts of applications approved or on
/// their way to approval. A scheme-year without a budget has nothing to commit.
/// </summary>
public sealed class BudgetLeft(ProjectWorkflowDbContext db)
{
    private static readonly string[] Committing = ["in-public-notice", "approved", "building", "acceptance-requested", "accepted", "closed"];

    public async Task<Money> ForAsync(string schemeKey, int year, Guid? except, CancellationToken cancellationToken)
    {
        var budget = await db.Set<SchemeBudgetRecord>().Where(b => b.SchemeKey == schemeKey && b.Year == year).Select(b => (long?)b.AmountFen).FirstOrDefaultAsync(cancellationToken) ?? 0;
        var committed = await db.Set<ApplicationRecord>()
            .Where(a => a.SchemeKey == schemeKey && a.Year == year && a.Id != except && Committing.Contains(a.Status) && a.ApprovedAmountFen != null)
            .SumAsync(a => a.ApprovedAmountFen!.Value, cancellationToken);
        return new Money(budget - committed);
    }
}
