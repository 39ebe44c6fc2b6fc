using Microsoft.EntityFrameworkCore;
using ProjectWorkflow.Application.Audit;
using ProjectWorkflow.Application.Ledger;
using ProjectWorkflow.Application.Persistence;
using ProjectWorkflow.Application.ScheduledChecks;
using ProjectWorkflow.Funding.Calendar;
using ProjectWorkflow.Funding.Ledger;
using ProjectWorkflow.Funding.Vouchers;

namespace ProjectWorkflow.Application.Vouchers;

/// <summary>
/// Daily, acting after a quota's validity ends (31 December by default): each granted quota lapses and what no order
/// holds goes back to its voucher budget, once — the quota's status and optimistic save, and the ledger entry's unique
/// reference (voucher-lapse:quota), hold that even when the check runs twice or on two nodes.
/// </summary>
public sealed class LapseQuotas(ProjectWorkflowDbContext db, FundLedger ledger, TimeProvider time, AuditTrail audit) : IScheduledCheck
{
    public const string Id = "voucher-expiry";

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var today = ShanghaiDate.Of(now);
        var due = await db.Set<VoucherQuota>().AsNoTracking()
            .Where(q => q.Status == VoucherQuotaStatus.Granted && q.LapsesAfter < today).Select(q => q.Id).ToListAsync(cancellationToken);
        foreach (var id in due)
        {
            db.ChangeTracker.Clear();
            var quota = await db.Set<VoucherQuota>().FirstAsync(q => q.Id == id, cancellationToken);
            if (quota.Status != VoucherQuotaStatus.Granted) continue;
            var reference = $"voucher-lapse:{quota.Id:N}";
            if (await ledger.HasEntryAsync(reference, cancellationToken)) continue;
            var unused = quota.Lapse(today, now);
            if (unused.Fen > 0)
            {
                var budget = await ledger.FindBudgetAsync(BudgetKinds.Voucher, quota.SchemeKey, quota.Year, cancellationToken)
                    ?? throw new InvalidOperationException($"{quota.SchemeKey} {quota.Year} has no voucher budget.");
                ledger.Add(budget, budget.Release(quota.Id, unused, await ledger.ProjectAsync(quota.Id, cancellationToken),
                    ledger.Booking(reference, "system", $"voucher quota {quota.Number} lapsed after {quota.LapsesAfter:yyyy-MM-dd}; unused quota returned")));
            }
            audit.Record("voucher-quota.lapsed", "voucher-quota", quota.Number, detail: $"{unused.Fen} fen unused returned to the {quota.SchemeKey} {quota.Year} budget");
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException)
            {
                // Another run lapsed it at the same moment (the quota's version or the entry's reference was taken): once is done.
            }
        }
        db.ChangeTracker.Clear();
    }
}
