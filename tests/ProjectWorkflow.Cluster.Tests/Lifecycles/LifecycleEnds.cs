using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using ProjectWorkflow.Application.Treasury;
using ProjectWorkflow.Cluster.Tests.Operations;
using ProjectWorkflow.Funding.Applications;
using ProjectWorkflow.Funding.Ledger;

namespace ProjectWorkflow.Cluster.Tests.Lifecycles;

/// <summary>
/// How every lifecycle run must end, however it was interrupted: each application closed (its process completed: see
/// <see cref="RunProcesses"/>), accepted at ¥840,000 of the approved ¥900,000; two payment orders per project, both paid:
/// the first installment (half the approved amount) and the final one (the rest of the accepted amount); one treasury
/// payment and one booking per order; the ¥60,000 no longer needed released once, nothing left reserved. Then, with
/// the vouchers' ends (<see cref="VoucherEnds"/>): the ledger reconciles and the audit chain verifies.
/// </summary>
internal static class LifecycleEnds
{
    /// <summary>The first installment: 50% of the ¥900,000 each project is approved for.</summary>
    public const long FirstInstallmentFen = 45_000_000L;

    /// <summary>The accepted amount: ¥900,000 cut pro rata to the ¥2,800,000 of the ¥3,000,000 invested (<see cref="GreenParkWalk.ActualInvestmentFen"/>).</summary>
    public const long AcceptedFen = 84_000_000L;

    /// <summary>The final installment: the accepted amount less the first installment.</summary>
    public const long FinalInstallmentFen = AcceptedFen - FirstInstallmentFen;

    /// <summary>What goes back to the budget once the final installment is paid: the approved amount less the accepted one.</summary>
    public const long ReleasedFen = 90_000_000L - AcceptedFen;

    public static async Task AssertEachApplicationEndedOnceAsync(TwoNodes cluster, IReadOnlyList<GreenParkFile> files)
    {
        var numbers = files.Select(f => f.Number).ToList();
        var ids = files.Select(f => f.Id).ToList();

        var applications = await cluster.QueryAsync(db => db.Set<FundingApplication>().AsNoTracking().Where(a => ids.Contains(a.Id)).ToListAsync());
        Assert.Equal(files.Count, applications.Count);
        Assert.All(applications, a => Assert.True((a.Status, a.AcceptedAmountFen) == (ApplicationStatus.Closed, AcceptedFen),
            $"{a.Number} is {a.Status}, accepted at {a.AcceptedAmountFen} fen"));

        var orders = await cluster.QueryAsync(db => db.Set<PaymentOrder>().AsNoTracking().Where(o => ids.Contains(o.ApplicationId)).ToListAsync());
        foreach (var file in files)
            Assert.Equal(new[] { (PaymentOrderStatus.Paid, 1, FirstInstallmentFen), (PaymentOrderStatus.Paid, 2, FinalInstallmentFen) },
                orders.Where(o => o.ApplicationId == file.Id).OrderBy(o => o.InstallmentNumber).Select(o => (o.Status, o.InstallmentNumber, o.AmountFen)));

        var orderKeys = orders.Select(o => PaymentOrder.TreasuryOrderKey(o.Id)).ToList();
        var payments = await cluster.QueryAsync(db => db.Set<TreasuryPayment>().AsNoTracking().Where(p => numbers.Contains(p.BusinessKey)).ToListAsync());
        Assert.Equal(orders.Count, payments.Count);
        Assert.Equal(orderKeys.Order(), payments.Select(p => p.OrderKey).Order());

        var bookings = await cluster.QueryAsync(db => db.Set<LedgerEntry>().AsNoTracking().Where(e => ids.Contains(e.ApplicationId!.Value))
            .GroupBy(e => new { e.ApplicationId, e.Kind }).Select(g => new { g.Key.ApplicationId, g.Key.Kind, Count = g.Count() }).ToListAsync());
        foreach (var file in files)
        {
            var kinds = bookings.Where(b => b.ApplicationId == file.Id).ToDictionary(b => b.Kind, b => b.Count);
            Assert.True(kinds.Count == 3 && kinds.GetValueOrDefault(LedgerEntryKinds.Reserve) == 1 && kinds.GetValueOrDefault(LedgerEntryKinds.Pay) == 2
                && kinds.GetValueOrDefault(LedgerEntryKinds.Release) == 1, $"{file.Number} was booked {string.Join(", ", kinds.Select(k => $"{k.Key} ×{k.Value}"))}");
        }
        var balances = await cluster.QueryAsync(db => db.Set<LedgerEntryPosting>().Where(p => ids.Contains(p.ApplicationId!.Value))
            .GroupBy(p => p.Account).Select(g => new { g.Key, Fen = g.Sum(p => p.AmountFen) }).ToDictionaryAsync(g => g.Key, g => g.Fen));
        Assert.Equal(files.Count * AcceptedFen, balances.GetValueOrDefault("Paid"));
        Assert.Equal(0, balances.GetValueOrDefault("Reserved"));
        var released = await cluster.QueryAsync(db => db.Set<LedgerEntryPosting>()
            .Where(p => p.Account == "Available" && db.Set<LedgerEntry>().Any(e => e.Id == p.EntryId && e.Kind == LedgerEntryKinds.Release && ids.Contains(e.ApplicationId!.Value)))
            .SumAsync(p => p.AmountFen));
        Assert.Equal(files.Count * ReleasedFen, released);
    }

    /// <summary>The ledger reconciles (every budget, the vouchers' too) and the audit chain verifies, both asked of node B.</summary>
    public static async Task AssertTheLedgerReconcilesAndTheAuditChainVerifiesAsync(TwoNodes cluster, People people, PatientClient patient)
    {
        var reconciliation = await patient.PostAsync(people.Client(cluster.B, "finance1"), "/api/ledger/reconciliations");
        Assert.Equal(HttpStatusCode.OK, reconciliation.StatusCode);
        var report = await reconciliation.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(report.GetProperty("clean").GetBoolean(), $"the ledger does not reconcile: {report}");
        var verification = await patient.GetAsync(people.Client(cluster.B, "auditor1"), "/api/audit/verify");
        Assert.True(verification.GetProperty("verified").GetBoolean(), $"the audit chain is broken: {verification}");
    }
}
