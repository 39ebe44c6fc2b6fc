using Microsoft.EntityFrameworkCore;
using ProjectWorkflow.Application.Persistence;
using ProjectWorkflow.Engine.Runtime;
using ProjectWorkflow.Funding.Calendar;
using ProjectWorkflow.Funding.Ledger;

namespace ProjectWorkflow.Application.Ledger;

/// <summary>
/// The finance officers' lists: payments due this week (orders waiting for approval, or rejected and waiting
/// for a new approval, due by the end of this week, Shanghai time); payments in flight (approved or at the treasury,
/// no answer yet); recoveries outstanding (claimed back, not yet received).
/// </summary>
public sealed class LedgerViews(ProjectWorkflowDbContext db, TimeProvider time)
{
    public async Task<IReadOnlyList<PaymentOrderView>> PaymentsDueThisWeekAsync(Actor viewer, CancellationToken cancellationToken)
    {
        var endOfWeek = EndOfWeek(time.GetUtcNow());
        PaymentOrderStatus[] waiting = [PaymentOrderStatus.AwaitingApproval, PaymentOrderStatus.Rejected];
        var orders = await db.Set<PaymentOrder>().AsNoTracking().Where(o => waiting.Contains(o.Status)).ToListAsync(cancellationToken);
        return orders.Where(o => (o.DueOn ?? o.CreatedAt) < endOfWeek).OrderBy(o => o.DueOn ?? o.CreatedAt).Select(o => PaymentOrderView.For(o, viewer)).ToList();
    }

    public async Task<IReadOnlyList<PaymentOrderView>> PaymentsInFlightAsync(Actor viewer, CancellationToken cancellationToken)
    {
        PaymentOrderStatus[] inFlight = [PaymentOrderStatus.Approved, PaymentOrderStatus.Sent];
        var orders = await db.Set<PaymentOrder>().AsNoTracking().Where(o => inFlight.Contains(o.Status)).ToListAsync(cancellationToken);
        return orders.OrderBy(o => o.SentAt ?? o.ApprovedAt).Select(o => PaymentOrderView.For(o, viewer)).ToList();
    }

    public async Task<IReadOnlyList<RecoveryView>> RecoveriesOutstandingAsync(CancellationToken cancellationToken)
    {
        var recoveries = await db.Set<Recovery>().AsNoTracking().Where(r => r.Status == Recovery.Outstanding).ToListAsync(cancellationToken);
        return recoveries.OrderBy(r => r.OpenedAt).Select(RecoveryView.Of).ToList();
    }

    /// <summary>The next Monday 00:00 in Shanghai: "this week" as the office reads a calendar.</summary>
    public static DateTimeOffset EndOfWeek(DateTimeOffset now)
    {
        var today = ShanghaiDate.Of(now);
        var daysToMonday = ((int)DayOfWeek.Monday - (int)today.DayOfWeek + 7) % 7;
        if (daysToMonday == 0) daysToMonday = 7;
        return ShanghaiDate.EndOf(today.AddDays(daysToMonday - 1));   // the end of Sunday is Monday 00:00
    }
}
