using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ProjectWorkflow.Application.Applications;
using ProjectWorkflow.Application.Audit;
using ProjectWorkflow.Application.Persistence;
using ProjectWorkflow.Application.ScheduledChecks;
using ProjectWorkflow.Application.Treasury;
using ProjectWorkflow.Funding.Applications;
using ProjectWorkflow.Funding.Ledger;
using ProjectWorkflow.Funding;

namespace ProjectWorkflow.Application.Ledger;

/// <summary>One thing reconciliation found wrong, in words a finance officer can act on.</summary>
public sealed record LedgerFinding(string Kind, long? BudgetId, long? EntryId, Guid? ApplicationId, string Message);

public sealed record ReconciliationReport(Guid Id, DateTimeOffset At, int BudgetsChecked, int EntriesChecked, bool Clean, IReadOnlyList<LedgerFinding> Findings);

/// <summary>
/// The ledger's scheduled self-check (<c>ledger-reconciliation</c>): every entry balances and still matches the
/// checksum written with it; each budget's cached balances equal the sum of its postings; nothing is reserved
/// beyond a budget; no project is paid beyond its reservation, nor ordered or paid beyond its approved amount; and
/// every payment order the treasury paid is booked once with the amount paid (and, where the treasury's record is
/// kept here, every booked payment was paid by the treasury).
/// Each run is recorded; findings are logged as errors. It reads and reports, it never "fixes" an entry.
/// </summary>
public sealed class ReconcileLedger(
    ProjectWorkflowDbContext db, TimeProvider time, AuditKeys keys, IOptionsMonitor<TreasurySimulatorOptions> treasury, ILogger<ReconcileLedger> logger)
    : IScheduledCheck
{
    public const string Id = "ledger-reconciliation";

    public async Task RunAsync(CancellationToken cancellationToken) => await HandleAsync(cancellationToken);

    public async Task<ReconciliationReport> HandleAsync(CancellationToken cancellationToken)
    {
        var findings = new List<LedgerFinding>();
        var budgets = await db.Set<BudgetRecord>().AsNoTracking().ToListAsync(cancellationToken);
        var entries = await db.Set<LedgerEntryRecord>().AsNoTracking().Include(e => e.Postings).ToListAsync(cancellationToken);

        foreach (var entry in entries)
        {
            var postings = entry.Postings.Select(p => p.ToPosting()).ToList();
            if (!Postings.Balanced(postings))
                findings.Add(new("unbalanced-entry", entry.BudgetId, entry.Id, entry.ApplicationId,
                    $"Entry {entry.Id} ({entry.Kind}, {entry.Reference}) does not balance: its postings add up to {new Money(postings.Sum(p => p.Amount.Fen))}."));
            if (!keys.TryGetLedgerKey(entry.ChecksumKeyId, out var key))
                findings.Add(new("unknown-checksum-key", entry.BudgetId, entry.Id, entry.ApplicationId,
                    $"Entry {entry.Id} ({entry.Kind}, {entry.Reference}) is keyed with '{entry.ChecksumKeyId}', which is not configured (Audit:Keys): it cannot be proven."));
            else if (LedgerChecksum.Of(key, entry.BudgetId, entry.Kind, entry.Reference, entry.ApplicationId, postings) != entry.Checksum)
                findings.Add(new("altered-entry", entry.BudgetId, entry.Id, entry.ApplicationId,
                    $"Entry {entry.Id} ({entry.Kind}, {entry.Reference}) was changed after it was booked: its content no longer matches its checksum."));
        }

        foreach (var budget in budgets)
        {
            var postings = entries.Where(e => e.BudgetId == budget.Id).SelectMany(e => e.Postings).Select(p => p.ToPosting()).ToList();
            var computed = BudgetBalances.Of(postings);
            if (computed != budget.Balances)
                findings.Add(new("balance-mismatch", budget.Id, null, null,
                    $"Budget {budget.OwnerKey} {budget.Year}: cached balances {Describe(budget.Balances)} differ from the sum of its entries {Describe(computed)}."));
            if (computed.Available.IsNegative)
                findings.Add(new("over-committed", budget.Id, null, null,
                    $"Budget {budget.OwnerKey} {budget.Year} is over-committed: {computed.Allocated - computed.Available} is bound against {computed.Allocated}."));
            foreach (var project in postings.Where(p => p.ApplicationId is not null).GroupBy(p => p.ApplicationId!.Value))
            {
                var balances = ProjectBalances.Of(project.Key, project);
                if (balances.Reserved.IsNegative)
                    findings.Add(new("paid-beyond-reservation", budget.Id, null, project.Key,
                        $"Project {project.Key} was paid {new Money(-balances.Reserved.Fen)} more than was reserved for it."));
            }
        }

        var approved = await db.Set<FundingApplication>().AsNoTracking()
            .Where(a => a.ApprovedAmountFen != null && db.Set<PaymentOrderRecord>().Any(o => o.ApplicationId == a.Id))
            .Select(a => new { a.Id, a.Number, Approved = a.ApprovedAmountFen!.Value })
            .ToListAsync(cancellationToken);
        var ordered = (await db.Set<PaymentOrderRecord>().AsNoTracking().Select(o => new { o.ApplicationId, o.AmountFen }).ToListAsync(cancellationToken))
            .GroupBy(o => o.ApplicationId).ToDictionary(g => g.Key, g => g.Sum(o => o.AmountFen));
        var paidGross = entries.Where(e => e.Kind == LedgerEntryKinds.Pay && e.ApplicationId is not null)
            .GroupBy(e => e.ApplicationId!.Value)
            .ToDictionary(g => g.Key, g => g.SelectMany(e => e.Postings).Where(p => p.Account == nameof(LedgerAccount.Paid)).Sum(p => p.AmountFen));
        foreach (var application in approved)
        {
            if (ordered.GetValueOrDefault(application.Id) > application.Approved)
                findings.Add(new("installments-exceed-approved", null, null, application.Id,
                    $"{application.Number}: installments of {new Money(ordered[application.Id])} exceed the approved {new Money(application.Approved)}."));
            if (paidGross.GetValueOrDefault(application.Id) > application.Approved)
                findings.Add(new("paid-beyond-approved", null, null, application.Id,
                    $"{application.Number}: {new Money(paidGross[application.Id])} was paid against an approved {new Money(application.Approved)}."));
        }

        await CompareWithTreasuryAsync(entries, findings, cancellationToken);

        var report = new ReconciliationReport(Guid.NewGuid(), time.GetUtcNow(), budgets.Count, entries.Count, findings.Count == 0, findings);
        db.Add(new ReconciliationRecord
        {
            Id = report.Id,
            At = report.At,
            BudgetsChecked = report.BudgetsChecked,
            EntriesChecked = report.EntriesChecked,
            Clean = report.Clean,
            Findings = System.Text.Json.JsonSerializer.Serialize(findings, Schemes.SchemeJson.Options),
        });
        await db.SaveChangesAsync(cancellationToken);
        foreach (var finding in findings)
            logger.LogError("Ledger reconciliation: {Kind} {Message}", finding.Kind, finding.Message);
        return report;
    }

    /// <summary>The treasury's payments of payment orders against the ledger's pay entries (<c>pay:{order}</c>), order by order.</summary>
    private async Task CompareWithTreasuryAsync(List<LedgerEntryRecord> entries, List<LedgerFinding> findings, CancellationToken cancellationToken)
    {
        var orders = (await db.Set<PaymentOrderRecord>().AsNoTracking()
                .Select(o => new { o.Id, o.ApplicationId, o.ApplicationNumber, o.InstallmentNumber }).ToListAsync(cancellationToken))
            .ToDictionary(o => SendPayment.TreasuryOrderKey(o.Id), StringComparer.Ordinal);
        var paidByTreasury = (await db.Set<TreasuryPayment>().AsNoTracking()
                .Where(p => p.Status == TreasuryPayment.Confirmed)
                .Select(p => new { p.OrderKey, p.AmountFen, p.BankReference }).ToListAsync(cancellationToken))
            .Where(p => orders.ContainsKey(p.OrderKey))
            .ToDictionary(p => p.OrderKey, StringComparer.Ordinal);
        var booked = entries.Where(e => e.Kind == LedgerEntryKinds.Pay && e.Reference.StartsWith(PayReferencePrefix, StringComparison.Ordinal))
            .ToDictionary(e => e.Reference[PayReferencePrefix.Length..],
                e => e.Postings.Where(p => p.Account == nameof(LedgerAccount.Paid)).Sum(p => p.AmountFen), StringComparer.Ordinal);

        foreach (var (key, paid) in paidByTreasury)
        {
            var order = orders[key];
            if (!booked.TryGetValue(key, out var bookedFen))
                findings.Add(new("paid-not-booked", null, null, order.ApplicationId,
                    $"{order.ApplicationNumber} installment {order.InstallmentNumber}: the treasury paid {new Money(paid.AmountFen)} (bank reference {paid.BankReference}) but the ledger has no pay entry for it."));
            else if (bookedFen != paid.AmountFen)
                findings.Add(new("paid-differs-from-booked", null, null, order.ApplicationId,
                    $"{order.ApplicationNumber} installment {order.InstallmentNumber}: the treasury paid {new Money(paid.AmountFen)} but the ledger booked {new Money(bookedFen)}."));
        }

        // Only the simulator's record is the treasury's statement here; a real treasury's statement is compared where it is kept.
        if (!treasury.CurrentValue.Enabled) return;
        foreach (var (key, bookedFen) in booked)
            if (orders.TryGetValue(key, out var order) && !paidByTreasury.ContainsKey(key))
                findings.Add(new("booked-not-paid", null, null, order.ApplicationId,
                    $"{order.ApplicationNumber} installment {order.InstallmentNumber}: the ledger booked {new Money(bookedFen)} as paid but the treasury has no payment of it."));
    }

    private const string PayReferencePrefix = "pay:";

    private static string Describe(BudgetBalances b) =>
        $"(allocated {b.Allocated}, available {b.Available}, reserved {b.Reserved}, paid {b.Paid}, recovery due {b.RecoveryDue}, returned {b.ReturnedToTreasury})";
}

/// <summary>One run of the reconciliation, kept so finance officers and auditors can see when the ledger was last proven.</summary>
public sealed class ReconciliationRecord
{
    public Guid Id { get; set; }
    public DateTimeOffset At { get; set; }
    public int BudgetsChecked { get; set; }
    public int EntriesChecked { get; set; }
    public bool Clean { get; set; }
    public string Findings { get; set; } = "[]";
}

internal sealed class ReconciliationRecordConfiguration : Microsoft.EntityFrameworkCore.IEntityTypeConfiguration<ReconciliationRecord>
{
    public void Configure(Microsoft.EntityFrameworkCore.Metadata.Builders.EntityTypeBuilder<ReconciliationRecord> builder)
    {
        builder.ToTable("LedgerReconciliations");
        builder.HasKey(r => r.Id);
        builder.HasIndex(r => r.At);
    }
}
