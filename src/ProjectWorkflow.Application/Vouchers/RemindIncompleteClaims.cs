using Microsoft.EntityFrameworkCore;
using ProjectWorkflow.Application.Audit;
using ProjectWorkflow.Application.Notifications;
using ProjectWorkflow.Application.Persistence;
using ProjectWorkflow.Application.ScheduledChecks;
using ProjectWorkflow.Funding.Vouchers;

namespace ProjectWorkflow.Application.Vouchers;

/// <summary>
/// Daily: the provider of every claim still missing documents is reminded what to add, at most once a week per claim
/// (the claim's reminder time moves with its optimistic save, so two nodes remind once).
/// </summary>
public sealed class RemindIncompleteClaims(ProjectWorkflowDbContext db, TimeProvider time, AuditTrail audit) : IScheduledCheck
{
    public const string Id = "voucher-claim-reminders";
    private static readonly TimeSpan Interval = TimeSpan.FromDays(7);

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var before = now - Interval;
        var due = await db.Set<RedemptionClaim>().AsNoTracking()
            .Where(c => c.Status == RedemptionClaimStatus.Incomplete && (c.RemindedAt == null || c.RemindedAt < before))
            .Select(c => c.Id).ToListAsync(cancellationToken);
        foreach (var id in due)
        {
            db.ChangeTracker.Clear();
            var claim = await db.Set<RedemptionClaim>().FirstAsync(c => c.Id == id, cancellationToken);
            var providerUser = await db.Set<ServiceProvider>().Where(p => p.Id == claim.ProviderId).Select(p => p.RegisteredBy).FirstAsync(cancellationToken);
            claim.Reminded(now);
            db.Add(VoucherNotifications.To(providerUser, $"兑付申请{claim.Number}材料不全，请补充", $"Claim {claim.Number} is incomplete: please add the documents",
                $"Redemption claim {claim.Number} is incomplete: add {string.Join(", ", claim.Missing)} (POST /api/vouchers/claims/{claim.Id}/documents).",
                $"兑付申请 {claim.Number} 材料不全，请补充：{string.Join("、", claim.Missing)}（POST /api/vouchers/claims/{claim.Id}/documents）。", claim.Number, now));
            audit.Record("voucher-claim.reminded", "voucher-claim", claim.Number, detail: "missing " + string.Join(", ", claim.Missing));
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateConcurrencyException)
            {
                // Reminded by another run at the same moment.
            }
        }
        db.ChangeTracker.Clear();
    }
}
