using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using ProjectWorkflow.Application.Treasury;
using ProjectWorkflow.Application.Workflows.Storage;
using ProjectWorkflow.Cluster.Tests.Operations;
using ProjectWorkflow.Funding.Ledger;

namespace ProjectWorkflow.Cluster.Tests.Lifecycles;

/// <summary>
/// How every lifecycle run must end, however it was interrupted: each application's process rests in building (waiting
/// for progress reports and acceptance) after its notice timer fired once; one payment order per project, paid, its
/// installment process completed; one treasury payment and one booking per project, of half the approved ¥900,000.
/// Then, with the vouchers' ends (<see cref="VoucherEnds"/>): the ledger reconciles and the audit chain verifies.
/// </summary>
internal static class LifecycleEnds
{
    /// <summary>The first installment: 50% of the ¥900,000 each project is approved for.</summary>
    public const long FirstInstallmentFen = 45_000_000L;

    public static async Task AssertEachApplicationEndedOnceAsync(TwoNodes cluster, People people, PatientClient patient, IReadOnlyList<GreenParkFile> files)
    {
        var numbers = files.Select(f => f.Number).ToList();
        var ids = files.Select(f => f.Id).ToList();

        var processes = await cluster.QueryAsync(db => db.Set<InstanceRecord>().AsNoTracking()
            .Where(i => i.DefinitionKey == GreenParkWalk.Scheme && numbers.Contains(i.BusinessKey!)).Select(i => new { i.Id, i.BusinessKey, i.Status }).ToListAsync());
        Assert.Equal(files.Count, processes.Count);
        Assert.All(processes, p => Assert.True(p.Status == "running", $"{p.BusinessKey}'s process is {p.Status}, not resting in building"));
        for (var i = 0; i < files.Count; i++)
        {
            var journal = await patient.GetAsync(people.On("admin1", i), $"/api/instances/{files[i].Instance}/journal");
            Assert.Single(journal.EnumerateArray(), j => j.GetProperty("elementId").GetString() == "noticePeriod" && j.GetProperty("event").GetString() == "timerFired");
        }

        var orders = await cluster.QueryAsync(db => db.Set<PaymentOrder>().AsNoTracking().Where(o => ids.Contains(o.ApplicationId)).ToListAsync());
        Assert.Equal(files.Count, orders.Count);
        Assert.All(orders, o => Assert.Equal((PaymentOrderStatus.Paid, 1, FirstInstallmentFen), (o.Status, o.InstallmentNumber, o.AmountFen)));
        var installmentProcesses = orders.Select(o => o.InstanceId).ToList();
        var completed = await cluster.QueryAsync(db => db.Set<InstanceRecord>().CountAsync(i => installmentProcesses.Contains(i.Id) && i.Status == "completed"));
        Assert.Equal(files.Count, completed);

        var payments = await cluster.QueryAsync(db => db.Set<TreasuryPayment>().Where(p => numbers.Contains(p.BusinessKey)).GroupBy(p => p.BusinessKey)
            .Select(g => new { g.Key, Count = g.Count() }).ToListAsync());
        Assert.Equal(files.Count, payments.Count);
        Assert.All(payments, p => Assert.True(p.Count == 1, $"{p.Key} was paid by the treasury {p.Count} times"));
        var bookings = await cluster.QueryAsync(db => db.Set<LedgerEntry>().Where(e => e.Kind == "pay" && ids.Contains(e.ApplicationId!.Value))
            .GroupBy(e => e.ApplicationId).Select(g => g.Count()).ToListAsync());
        Assert.Equal(files.Count, bookings.Count);
        Assert.All(bookings, count => Assert.Equal(1, count));
        var paid = await cluster.QueryAsync(db => db.Set<LedgerEntryPosting>()
            .Where(p => p.Account == "Paid" && ids.Contains(p.ApplicationId!.Value)).SumAsync(p => p.AmountFen));
        Assert.Equal(files.Count * FirstInstallmentFen, paid);
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
