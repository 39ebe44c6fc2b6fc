using Microsoft.EntityFrameworkCore;
using ProjectWorkflow.Application.Audit;
using ProjectWorkflow.Application.Ledger;
using ProjectWorkflow.Application.Persistence;
using ProjectWorkflow.Engine.ServiceTasks;
using ProjectWorkflow.Funding.Calendar;
using ProjectWorkflow.Funding.Ledger;
using ProjectWorkflow.Funding.Vouchers;

namespace ProjectWorkflow.Application.Vouchers;

/// <summary>
/// voucher.quota.lapse: the quota process's timer reached the end of the quota's validity. The quota lapses and what no
/// order holds goes back to the voucher budget — unless the year-end check (<see cref="LapseQuotas"/>) did it first:
/// the quota's status and the entry's unique reference make it happen once whichever comes first.
/// </summary>
public sealed class LapseQuotaStep(ProjectWorkflowDbContext db, FundLedger ledger, TimeProvider time, AuditTrail audit) : IServiceTaskHandler
{
    public async ValueTask ExecuteAsync(ServiceTaskContext context, CancellationToken cancellationToken)
    {
        var id = Guid.TryParse(context.GetText("quotaId"), out var parsed) ? parsed : throw new InvalidOperationException("The process carries no quotaId.");
        var quota = await db.Set<VoucherQuota>().FirstOrDefaultAsync(q => q.Id == id, cancellationToken)
            ?? throw new InvalidOperationException($"The voucher quota {id} does not exist.");
        var now = time.GetUtcNow();
        var today = ShanghaiDate.Of(now);
        var reference = $"voucher-lapse:{quota.Id:N}";
        if (quota.Status != VoucherQuotaStatus.Granted || today <= quota.LapsesAfter || await ledger.HasEntryAsync(reference, cancellationToken))
        {
            context.SetVariable("releasedFen", 0);
            return;
        }
        var unused = quota.Lapse(today, now);
        if (unused.Fen > 0)
        {
            var budget = await ledger.FindBudgetAsync(BudgetKinds.Voucher, quota.SchemeKey, quota.Year, cancellationToken)
                ?? throw new InvalidOperationException($"{quota.SchemeKey} {quota.Year} has no voucher budget.");
            ledger.Add(budget, budget.Release(quota.Id, unused, await ledger.ProjectAsync(quota.Id, cancellationToken),
                ledger.Booking(reference, "system", $"voucher quota {quota.Number} lapsed after {quota.LapsesAfter:yyyy-MM-dd}; unused quota returned")));
        }
        audit.Record("voucher-quota.lapsed", "voucher-quota", quota.Number, detail: $"{unused.Fen} fen unused returned to the {quota.SchemeKey} {quota.Year} budget");
        context.SetVariable("releasedFen", unused.Fen);
    }
}
