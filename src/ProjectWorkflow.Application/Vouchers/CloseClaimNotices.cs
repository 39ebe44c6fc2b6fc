using Microsoft.EntityFrameworkCore;
using ProjectWorkflow.Application.Audit;
using ProjectWorkflow.Application.Messaging;
using ProjectWorkflow.Application.Persistence;
using ProjectWorkflow.Application.ScheduledChecks;
using ProjectWorkflow.Funding.Calendar;
using ProjectWorkflow.Funding.Vouchers;

namespace ProjectWorkflow.Application.Vouchers;

/// <summary>
/// Daily: every approved claim whose public notice has passed is redeemed (due in its cycle's settlement), and its
/// provider and buyer hear of it (<see cref="VoucherRedeemed"/>). Each claim moves once: a second run, or a second
/// node, finds it redeemed already or loses the claim's optimistic save.
/// </summary>
public sealed class CloseClaimNotices(ProjectWorkflowDbContext db, Outbox outbox, TimeProvider time, AuditTrail audit) : IScheduledCheck
{
    public const string Id = "voucher-claim-notices";

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var today = ShanghaiDate.Of(now);
        var due = await db.Set<RedemptionClaim>().AsNoTracking()
            .Where(c => c.Status == RedemptionClaimStatus.InNotice && c.NoticeEndsOn < today).Select(c => c.Id).ToListAsync(cancellationToken);
        foreach (var id in due)
        {
            db.ChangeTracker.Clear();
            var claim = await db.Set<RedemptionClaim>().FirstAsync(c => c.Id == id, cancellationToken);
            if (!claim.NoticePassed(today)) continue;
            var order = await db.Set<VoucherOrder>().FirstAsync(o => o.Id == claim.OrderId, cancellationToken);
            var providerUser = await db.Set<ServiceProvider>().Where(p => p.Id == claim.ProviderId).Select(p => p.RegisteredBy).FirstAsync(cancellationToken);
            claim.Redeem(order, today, now);
            outbox.Publish(new VoucherRedeemed(claim.Id, claim.Number, order.Number, claim.SchemeKey, providerUser, order.PlacedBy, claim.AmountFen, now));
            audit.Record("voucher-claim.redeemed", "voucher-claim", claim.Number, detail: $"notice ended {claim.NoticeEndsOn:yyyy-MM-dd}; {claim.AmountFen} fen due in settlement");
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateConcurrencyException)
            {
                // Another run redeemed it at the same moment.
            }
        }
        db.ChangeTracker.Clear();
    }
}
