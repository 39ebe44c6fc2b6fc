using Microsoft.EntityFrameworkCore;
using ProjectWorkflow.Application.Applications;
using ProjectWorkflow.Application.Persistence;
using ProjectWorkflow.Funding.Applications;
using ProjectWorkflow.Funding.Ledger;
using ProjectWorkflow.Funding;

namespace ProjectWorkflow.Application.Ledger;

/// <summary>
/// What a scheme-year can still commit: the budget's available balance in the ledger (allocated less reserved,
/// paid and recovered elsewhere) less the amounts calculated for applications on their way to approval (in public
/// notice or beyond) that hold no reservation yet. A scheme-year without a budget has nothing to commit.
/// </summary>
public sealed class BudgetLeft(ProjectWorkflowDbContext db, FundLedger ledger)
{
    private static readonly ApplicationStatus[] Committing = [ApplicationStatus.InPublicNotice, ApplicationStatus.Approved, ApplicationStatus.Building, ApplicationStatus.AcceptanceRequested, ApplicationStatus.Accepted, ApplicationStatus.Closed];

    public async Task<Money> ForAsync(string schemeKey, int year, Guid? except, CancellationToken cancellationToken)
    {
        var budget = await ledger.FindBudgetAsync(BudgetKinds.Scheme, schemeKey, year, cancellationToken);
        if (budget is null) return Money.Zero;
        var pending = await db.Set<FundingApplication>()
            .Where(a => a.SchemeKey == schemeKey && a.Year == year && a.Id != except && Committing.Contains(a.Status) && a.ApprovedAmountFen != null)
            .Where(a => !db.Set<LedgerEntry>().Any(e => e.ApplicationId == a.Id && e.Kind == LedgerEntryKinds.Reserve))
            .SumAsync(a => a.ApprovedAmountFen!.Value, cancellationToken);
        return new Money(budget.AvailableFen - pending);
    }
}
