using Microsoft.EntityFrameworkCore;
using ProjectWorkflow.Application.Persistence;
using ProjectWorkflow.Application.Refusals;
using ProjectWorkflow.Application.Validation;
using ProjectWorkflow.Application.Workflows;
using ProjectWorkflow.Engine.Runtime;
using ProjectWorkflow.Funding.Ledger;

namespace ProjectWorkflow.Application.Ledger;

public sealed record ReverseEntryRequest(string? Reason);

public sealed record LedgerEntryView(long Id, long BudgetId, Guid? ApplicationId, string Kind, string Reference, string Reason, string Actor,
    DateTimeOffset At, long? ReversesEntryId, IReadOnlyList<LedgerPostingView> Postings)
{
    public static LedgerEntryView Of(LedgerEntry e) => new(e.Id, e.BudgetId, e.ApplicationId, e.Kind, e.Reference, e.Reason, e.Actor, e.At,
        e.ReversesEntryId, e.Postings.Select(p => new LedgerPostingView(p.Account, p.ApplicationId, p.AmountFen)).ToList());
}

public sealed record LedgerPostingView(string Account, Guid? ApplicationId, long AmountFen);

/// <summary>
/// Corrects a booking the only way the ledger allows: a reversing entry with the opposite postings and a reason.
/// The original stays; an entry is reversed once; a reversal that would break an invariant (e.g. un-paying money that
/// has left) is refused like any other entry.
/// </summary>
public sealed class ReverseLedgerEntry(ProjectWorkflowDbContext db, FundLedger ledger)
{
    public async Task<LedgerEntryView> HandleAsync(long entryId, ReverseEntryRequest request, Actor actor, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(request.Reason)) throw InvalidRequestException.For("reason", "Say why the entry is reversed: auditors read it.", "请填写冲销原因，供审计查阅。");
        var entry = await db.Set<LedgerEntry>().AsNoTracking().Include(e => e.Postings).FirstOrDefaultAsync(e => e.Id == entryId, cancellationToken)
            ?? throw new NotFoundException($"There is no ledger entry {entryId}.", $"分录 {entryId} 不存在。");
        if (entry.Kind == LedgerEntryKinds.Reversal) throw new ConflictException("A reversal is not reversed; book the correct entry instead.", "冲销分录不能再冲销，请改为登记正确的分录。");
        var reference = $"reverse:{entry.Id}";
        if (await ledger.HasEntryAsync(reference, cancellationToken)) throw new ConflictException($"Entry {entry.Id} was already reversed.", $"分录 {entry.Id} 已冲销，不能重复冲销。");
        var budget = await db.Set<Budget>().FirstAsync(b => b.Id == entry.BudgetId, cancellationToken);
        var project = entry.ApplicationId is { } application ? await ledger.ProjectAsync(application, cancellationToken) : null;
        var reversal = ledger.Add(budget, budget.Reverse(entry, project, ledger.Booking(reference, actor.Id, request.Reason.Trim())));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            throw new ConflictException("The budget changed at the same moment, or the entry was just reversed. Reload and try again.", "预算同时发生变动，或该分录刚被冲销，请刷新后重试。");
        }
        return LedgerEntryView.Of(reversal);
    }
}

/// <summary>The ledger's entries, newest first, by budget or project: what auditors trace a balance back to.</summary>
public sealed class ListLedgerEntries(ProjectWorkflowDbContext db)
{
    public async Task<IReadOnlyList<LedgerEntryView>> HandleAsync(long? budgetId, Guid? applicationId, int? skip, int? take, CancellationToken cancellationToken)
    {
        var count = take ?? 100;
        if (count is < 1 or > 500) throw InvalidRequestException.For("take", "Take 1 to 500 entries at a time.", "每次可查询 1 至 500 条分录。");
        var query = db.Set<LedgerEntry>().AsNoTracking().Include(e => e.Postings).AsQueryable();
        if (budgetId is { } b) query = query.Where(e => e.BudgetId == b);
        if (applicationId is { } a) query = query.Where(e => e.ApplicationId == a);
        var entries = await query.OrderByDescending(e => e.Id).Skip(Math.Max(0, skip ?? 0)).Take(count).ToListAsync(cancellationToken);
        return entries.Select(LedgerEntryView.Of).ToList();
    }
}
