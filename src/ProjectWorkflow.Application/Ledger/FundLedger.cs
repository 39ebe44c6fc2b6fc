using Microsoft.EntityFrameworkCore;
using ProjectWorkflow.Application.Audit;
using ProjectWorkflow.Application.Persistence;
using ProjectWorkflow.Funding;
using ProjectWorkflow.Funding.Ledger;

namespace ProjectWorkflow.Application.Ledger;

/// <summary>
/// The only writer of the ledger. An entry is added with its postings in the caller's unit of work, the
/// budget's cached balances move with it (refused if an invariant would break), and the budget row's
/// version changes so that a concurrent entry against the same budget loses its save instead of over-committing.
/// </summary>
public sealed class FundLedger(ProjectWorkflowDbContext db, TimeProvider time, AuditKeys keys, AuditTrail audit)
{
    public async Task<BudgetRecord?> FindBudgetAsync(string kind, string ownerKey, int year, CancellationToken cancellationToken) =>
        db.Set<BudgetRecord>().Local.FirstOrDefault(b => b.Kind == kind && b.OwnerKey == ownerKey && b.Year == year)
        ?? await db.Set<BudgetRecord>().FirstOrDefaultAsync(b => b.Kind == kind && b.OwnerKey == ownerKey && b.Year == year, cancellationToken);

    public async Task<BudgetRecord> BudgetForAsync(string schemeKey, int year, CancellationToken cancellationToken) =>
        await FindBudgetAsync(BudgetKinds.Scheme, schemeKey, year, cancellationToken)
        ?? throw new InvalidOperationException($"{schemeKey} has no budget for {year}; an administrator sets it (PUT /api/ledger/budgets/{schemeKey}/{year}) first.");

    /// <summary>A budget row with nothing allocated yet (the allocation is an entry like any other).</summary>
    public async Task<BudgetRecord> OpenBudgetAsync(string kind, string ownerKey, int year, CancellationToken cancellationToken)
    {
        var budget = new BudgetRecord { Kind = kind, OwnerKey = ownerKey, Year = year, UpdatedAt = time.GetUtcNow() };
        db.Add(budget);
        audit.Record("budget.opened", "budget", $"{ownerKey}:{year}", detail: $"{kind} budget, nothing allocated yet");
        await db.SaveChangesAsync(cancellationToken);
        return budget;
    }

    /// <summary>One project's balances, including entries added in this unit of work and not yet saved.</summary>
    public async Task<ProjectBalances> ProjectAsync(Guid applicationId, CancellationToken cancellationToken)
    {
        var saved = await db.Set<LedgerPostingRecord>().AsNoTracking()
            .Where(p => p.ApplicationId == applicationId)
            .GroupBy(p => p.Account)
            .Select(g => new { Account = g.Key, Fen = g.Sum(p => p.AmountFen) })
            .ToListAsync(cancellationToken);
        var pending = db.ChangeTracker.Entries<LedgerPostingRecord>()
            .Where(e => e.State == EntityState.Added && e.Entity.ApplicationId == applicationId)
            .Select(e => e.Entity.ToPosting());
        return ProjectBalances.Of(applicationId,
            saved.Select(s => new LedgerPosting(Enum.Parse<LedgerAccount>(s.Account), applicationId, new Money(s.Fen))).Concat(pending));
    }

    public async Task<bool> HasEntryAsync(string reference, CancellationToken cancellationToken) =>
        db.Set<LedgerEntryRecord>().Local.Any(e => e.Reference == reference)
        || await db.Set<LedgerEntryRecord>().AnyAsync(e => e.Reference == reference, cancellationToken);

    public async Task<LedgerEntryRecord> PostAsync(
        BudgetRecord budget, string kind, string reference, Guid? applicationId, IReadOnlyList<LedgerPosting> postings,
        string actor, string reason, CancellationToken cancellationToken, long? reverses = null)
    {
        var project = applicationId is { } id ? await ProjectAsync(id, cancellationToken) : null;
        budget.Balances = budget.Balances.Apply(postings, project);
        budget.Version++;
        budget.UpdatedAt = time.GetUtcNow();

        var entry = new LedgerEntryRecord
        {
            BudgetId = budget.Id,
            ApplicationId = applicationId,
            Kind = kind,
            Reference = reference,
            Reason = reason,
            Actor = actor,
            At = time.GetUtcNow(),
            ReversesEntryId = reverses,
            Postings = postings.Select(p => new LedgerPostingRecord
            {
                Account = p.Account.ToString(),
                ApplicationId = p.ApplicationId,
                AmountFen = p.Amount.Fen,
            }).ToList(),
        };
        foreach (var posting in entry.Postings) posting.BudgetId = budget.Id;
        entry.Checksum = LedgerChecksum.Of(keys.CurrentLedgerKey, budget.Id, kind, reference, applicationId, postings);
        entry.ChecksumKeyId = keys.CurrentKeyId;
        db.Add(entry);
        var moved = new Money(postings.Where(p => p.Amount.Fen > 0).Sum(p => p.Amount.Fen));
        audit.Record($"ledger.{kind}", "ledger-entry", reference, reason,
            detail: $"budget {budget.Kind}:{budget.OwnerKey}:{budget.Year}; {moved} ({moved.Fen} fen)"
                    + (applicationId is { } projectId ? $"; application {projectId}" : "")
                    + (reverses is { } reversed ? $"; reverses entry {reversed}" : "")
                    + $"; booked by {actor}");
        return entry;
    }
}
