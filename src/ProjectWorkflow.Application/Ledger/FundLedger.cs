using Microsoft.EntityFrameworkCore;
using ProjectWorkflow.Application.Audit;
using ProjectWorkflow.Application.Persistence;
using ProjectWorkflow.Funding;
using ProjectWorkflow.Funding.Ledger;

namespace ProjectWorkflow.Application.Ledger;

/// <summary>
/// What the use cases need around a <see cref="Budget"/>'s bookings: the budget found (this unit of work's first),
/// a project's balances from the ledger (including entries not yet saved), the booking with the current checksum key,
/// and <see cref="Add"/>, which adds the entry the budget booked to the caller's unit of work and audits it. The budget
/// row's version changes with every entry, so a concurrent entry against the same budget loses its save.
/// </summary>
public sealed class FundLedger(ProjectWorkflowDbContext db, TimeProvider time, AuditKeys keys, AuditTrail audit)
{
    public async Task<Budget?> FindBudgetAsync(string kind, string ownerKey, int year, CancellationToken cancellationToken) =>
        db.Set<Budget>().Local.FirstOrDefault(b => b.Kind == kind && b.OwnerKey == ownerKey && b.Year == year)
        ?? await db.Set<Budget>().FirstOrDefaultAsync(b => b.Kind == kind && b.OwnerKey == ownerKey && b.Year == year, cancellationToken);

    public async Task<Budget> BudgetForAsync(string schemeKey, int year, CancellationToken cancellationToken) =>
        await FindBudgetAsync(BudgetKinds.Scheme, schemeKey, year, cancellationToken)
        ?? throw new InvalidOperationException($"{schemeKey} has no budget for {year}; an administrator sets it (PUT /api/ledger/budgets/{schemeKey}/{year}) first.");

    /// <summary>A budget row with nothing allocated yet (the allocation is an entry like any other).</summary>
    public async Task<Budget> OpenBudgetAsync(string kind, string ownerKey, int year, CancellationToken cancellationToken)
    {
        var budget = Budget.Open(kind, ownerKey, year, time.GetUtcNow());
        db.Add(budget);
        audit.Record("budget.opened", "budget", $"{ownerKey}:{year}", detail: $"{kind} budget, nothing allocated yet");
        await db.SaveChangesAsync(cancellationToken);
        return budget;
    }

    /// <summary>One project's balances, including entries added in this unit of work and not yet saved.</summary>
    public async Task<ProjectBalances> ProjectAsync(Guid applicationId, CancellationToken cancellationToken)
    {
        var saved = await db.Set<LedgerEntryPosting>().AsNoTracking()
            .Where(p => p.ApplicationId == applicationId)
            .GroupBy(p => p.Account)
            .Select(g => new { Account = g.Key, Fen = g.Sum(p => p.AmountFen) })
            .ToListAsync(cancellationToken);
        var pending = db.ChangeTracker.Entries<LedgerEntryPosting>()
            .Where(e => e.State == EntityState.Added && e.Entity.ApplicationId == applicationId)
            .Select(e => e.Entity.ToPosting());
        return ProjectBalances.Of(applicationId,
            saved.Select(s => new LedgerPosting(Enum.Parse<LedgerAccount>(s.Account), applicationId, new Money(s.Fen))).Concat(pending));
    }

    public async Task<bool> HasEntryAsync(string reference, CancellationToken cancellationToken) =>
        db.Set<LedgerEntry>().Local.Any(e => e.Reference == reference)
        || await db.Set<LedgerEntry>().AnyAsync(e => e.Reference == reference, cancellationToken);

    /// <summary>The booking of an entry now, by <paramref name="actor"/>, keyed with the current audit key.</summary>
    public LedgerBooking Booking(string reference, string actor, string reason) =>
        new(reference, actor, reason, time.GetUtcNow(), new LedgerKey(keys.CurrentKeyId, keys.CurrentLedgerKey));

    /// <summary>Adds the entry <paramref name="budget"/> just booked to the unit of work, with its audit record.</summary>
    public LedgerEntry Add(Budget budget, LedgerEntry entry)
    {
        db.Add(entry);
        var moved = new Money(entry.Postings.Where(p => p.AmountFen > 0).Sum(p => p.AmountFen));
        audit.Record($"ledger.{entry.Kind}", "ledger-entry", entry.Reference, entry.Reason,
            detail: $"budget {budget.Kind}:{budget.OwnerKey}:{budget.Year}; {moved} ({moved.Fen} fen)"
                    + (entry.ApplicationId is { } projectId ? $"; application {projectId}" : "")
                    + (entry.ReversesEntryId is { } reversed ? $"; reverses entry {reversed}" : "")
                    + $"; booked by {entry.Actor}");
        return entry;
    }
}
