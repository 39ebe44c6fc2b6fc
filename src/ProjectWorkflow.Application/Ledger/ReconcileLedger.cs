using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ProjectWorkflow.Application.Audit;
using ProjectWorkflow.Application.Persistence;
using ProjectWorkflow.Application.ScheduledChecks;
using ProjectWorkflow.Application.Treasury;
using ProjectWorkflow.Funding.Applications;
using ProjectWorkflow.Funding.Ledger;

namespace ProjectWorkflow.Application.Ledger;

/// <summary>
/// The ledger's scheduled self-check (<c>ledger-reconciliation</c>): every entry balances and still matches the
/// checksum written with it; each budget's cached balances equal the sum of its postings; nothing is reserved
/// beyond a budget; no project is paid beyond its reservation, nor ordered or paid beyond its approved amount; and
/// every payment order the treasury paid is booked once with the amount paid (and, where the treasury's record is
/// kept here, every booked payment was paid by the treasury). The arithmetic is Funding's
/// <see cref="LedgerReconciliation"/>; this loads the facts into it — the entries streamed in order, never the whole
/// ledger in memory — and reports. Each run is recorded; findings are logged as errors. It never "fixes" an entry.
/// </summary>
public sealed class ReconcileLedger(
    ProjectWorkflowDbContext db, TimeProvider time, AuditKeys keys, IOptionsMonitor<TreasurySimulatorOptions> treasury, ILogger<ReconcileLedger> logger)
    : IScheduledCheck
{
    public const string Id = "ledger-reconciliation";

    public async Task RunAsync(CancellationToken cancellationToken) => await HandleAsync(cancellationToken);

    public async Task<ReconciliationReport> HandleAsync(CancellationToken cancellationToken)
    {
        var reconciliation = new LedgerReconciliation(keyId => keys.TryGetLedgerKey(keyId, out var key) ? key : null);

        await foreach (var budget in db.Set<Budget>().AsNoTracking().OrderBy(b => b.Id).AsAsyncEnumerable().WithCancellation(cancellationToken))
            reconciliation.Budget(budget);
        await foreach (var entry in db.Set<LedgerEntry>().AsNoTracking().Include(e => e.Postings).OrderBy(e => e.Id)
                           .AsAsyncEnumerable().WithCancellation(cancellationToken))
            reconciliation.Entry(entry);
        await foreach (var order in db.Set<PaymentOrder>().AsNoTracking()
                           .Select(o => new { o.Id, o.ApplicationId, o.ApplicationNumber, o.InstallmentNumber, o.AmountFen })
                           .AsAsyncEnumerable().WithCancellation(cancellationToken))
            reconciliation.Order(order.Id, order.ApplicationId, order.ApplicationNumber, order.InstallmentNumber, order.AmountFen);
        await foreach (var application in db.Set<FundingApplication>().AsNoTracking()
                           .Where(a => a.ApprovedAmountFen != null && db.Set<PaymentOrder>().Any(o => o.ApplicationId == a.Id))
                           .Select(a => new { a.Id, a.Number, Approved = a.ApprovedAmountFen!.Value })
                           .AsAsyncEnumerable().WithCancellation(cancellationToken))
            reconciliation.Approved(application.Id, application.Number, application.Approved);
        await foreach (var paid in db.Set<TreasuryPayment>().AsNoTracking()
                           .Where(p => p.Status == TreasuryPayment.Confirmed)
                           .Select(p => new { p.OrderKey, p.AmountFen, p.BankReference })
                           .AsAsyncEnumerable().WithCancellation(cancellationToken))
            reconciliation.PaidByTreasury(paid.OrderKey, paid.AmountFen, paid.BankReference);

        // Only the simulator's record is the treasury's statement here; a real treasury's statement is compared where it is kept.
        var findings = reconciliation.Findings(treasuryStatementKept: treasury.CurrentValue.Enabled);
        var report = new ReconciliationReport(Guid.NewGuid(), time.GetUtcNow(), reconciliation.BudgetsChecked, reconciliation.EntriesChecked, findings.Count == 0, findings);
        db.Add(ReconciliationRun.Of(report));
        await db.SaveChangesAsync(cancellationToken);
        foreach (var finding in findings)
            logger.LogError("Ledger reconciliation: {Kind} {Message}", finding.Kind, finding.Message);
        return report;
    }
}
