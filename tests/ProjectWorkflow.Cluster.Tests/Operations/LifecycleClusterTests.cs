using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using ProjectWorkflow.Application.Treasury;
using ProjectWorkflow.Cluster.Tests.Messaging;
using ProjectWorkflow.Funding.Applications;
using ProjectWorkflow.Funding.Ledger;

namespace ProjectWorkflow.Cluster.Tests.Operations;

/// <summary>
/// A few hundred approved projects go from approval to their first installment paid, their requests spread over both
/// nodes, while node A is killed (SIGKILL) with payments in flight and started again: every process completes, every
/// project is paid once and booked once, the ledger reconciles and the audit chain verifies.
/// </summary>
[Collection(LifecycleClusterCollection.Name)]
public sealed class LifecycleClusterTests(LifecycleCluster cluster)
{
    /// <summary>How many projects (PW_CLUSTER_LIFECYCLES; 100 by default, to keep the suite within CI's time; 60 took 8 min on a machine at load 75).</summary>
    private static readonly int Projects = int.TryParse(Environment.GetEnvironmentVariable("PW_CLUSTER_LIFECYCLES"), out var n) && n > 0 ? n : 100;

    private const long ApprovedFen = 2_000_000_00L;
    private const int InFlight = 4;
    private static readonly TimeSpan Deadline = TimeSpan.FromMinutes(8);

    [RabbitMqFact]
    public async Task HundredsOfProjectsPaidThroughTwoNodes_OneKilledMidRun_AreEachPaidAndBookedOnce_AndTheLedgerAndAuditChainVerify()
    {
        using var adminA = await cluster.A.CreateClientForAsync("admin1");
        using var adminB = await cluster.B.CreateClientForAsync("admin1");
        using var financeA = await cluster.A.CreateClientForAsync("finance1");
        using var financeB = await cluster.B.CreateClientForAsync("finance1");
        using var auditorB = await cluster.B.CreateClientForAsync("auditor1");
        await ApprovedProjects.DeployParentAsync(adminA);

        var projects = new List<FundingApplication>();
        for (var i = 0; i < Projects; i++) projects.Add(await ApprovedProjects.CreateAsync(cluster.QueryAsync, ApprovedFen));

        // Every project's process starts on one node or the other, a few at a time, as requests through a balancer would.
        var parents = await InBatchesAsync(projects, (project, i) => ApprovedProjects.StartParentAsync(i % 2 == 0 ? adminA : adminB, project));

        // The first half of the orders is approved through both nodes; then node A dies with those payments in flight.
        var half = Projects / 2;
        await InBatchesAsync(projects.Take(half).ToList(), async (project, i) =>
        {
            var finance = i % 2 == 0 ? financeA : financeB;
            await ApprovedProjects.ApproveOrderAsync(finance, (await ApprovedProjects.OnlyOrderAsync(finance, project.Id)).GetProperty("id").GetGuid());
            return true;
        });
        cluster.A.Kill();

        // The rest through node B alone while A is down ...
        await InBatchesAsync(projects.Skip(half).Take(Projects / 4).ToList(), async (project, _) =>
        {
            await ApprovedProjects.ApproveOrderAsync(financeB, (await ApprovedProjects.OnlyOrderAsync(financeB, project.Id)).GetProperty("id").GetGuid());
            return true;
        });
        // ... and through both again once A is back.
        await cluster.A.StartAsync();
        using var financeA2 = await cluster.A.CreateClientForAsync("finance1");
        await InBatchesAsync(projects.Skip(half + Projects / 4).ToList(), async (project, i) =>
        {
            var finance = i % 2 == 0 ? financeA2 : financeB;
            await ApprovedProjects.ApproveOrderAsync(finance, (await ApprovedProjects.OnlyOrderAsync(finance, project.Id)).GetProperty("id").GetGuid());
            return true;
        });

        await WaitUntilAllCompletedAsync(adminB, parents);

        var numbers = projects.Select(p => p.Number).ToList();
        var ids = projects.Select(p => p.Id).ToList();
        var payments = await cluster.QueryAsync(db => db.Set<TreasuryPayment>().Where(p => numbers.Contains(p.BusinessKey)).GroupBy(p => p.BusinessKey)
            .Select(g => new { g.Key, Count = g.Count() }).ToListAsync());
        Assert.Equal(Projects, payments.Count);
        Assert.All(payments, p => Assert.True(p.Count == 1, $"{p.Key} was paid by the treasury {p.Count} times"));
        var orders = await cluster.QueryAsync(db => db.Set<PaymentOrder>().Where(o => ids.Contains(o.ApplicationId)).ToListAsync());
        Assert.Equal(Projects, orders.Count);
        Assert.All(orders, o => Assert.Equal(PaymentOrderStatus.Paid, o.Status));
        var bookings = await cluster.QueryAsync(db => db.Set<LedgerEntry>().Where(e => e.Kind == "pay" && ids.Contains(e.ApplicationId!.Value))
            .GroupBy(e => e.ApplicationId).Select(g => g.Count()).ToListAsync());
        Assert.Equal(Projects, bookings.Count);
        Assert.All(bookings, count => Assert.Equal(1, count));
        var paid = await cluster.QueryAsync(db => db.Set<LedgerEntryPosting>()
            .Where(p => p.Account == "Paid" && ids.Contains(p.ApplicationId!.Value)).SumAsync(p => p.AmountFen));
        Assert.Equal(Projects * ApprovedFen / 2, paid);

        var reconciliation = await financeB.PostAsync("/api/ledger/reconciliations", JsonContent.Create(new { }));
        Assert.Equal(HttpStatusCode.OK, reconciliation.StatusCode);
        var report = await reconciliation.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(report.GetProperty("clean").GetBoolean(), $"the ledger does not reconcile: {report}");
        var verification = await auditorB.GetFromJsonAsync<JsonElement>("/api/audit/verify");
        Assert.True(verification.GetProperty("verified").GetBoolean(), $"the audit chain is broken: {verification}");
    }

    /// <summary>Runs <paramref name="act"/> for every item, <see cref="InFlight"/> at a time, keeping the results in order.</summary>
    private static async Task<List<T>> InBatchesAsync<TItem, T>(IReadOnlyList<TItem> items, Func<TItem, int, Task<T>> act)
    {
        var results = new List<T>(items.Count);
        for (var start = 0; start < items.Count; start += InFlight)
            results.AddRange(await Task.WhenAll(items.Skip(start).Take(InFlight).Select((item, offset) => act(item, start + offset))));
        return results;
    }

    private async Task WaitUntilAllCompletedAsync(HttpClient admin, IReadOnlyList<Guid> parents)
    {
        var until = DateTime.UtcNow + Deadline;
        var waiting = parents.ToList();
        while (waiting.Count > 0)
        {
            var still = new List<Guid>();
            foreach (var parent in waiting)
                if ((await admin.GetFromJsonAsync<JsonElement>($"/api/instances/{parent}")).GetProperty("status").GetString() != "completed")
                    still.Add(parent);
            waiting = still;
            if (waiting.Count == 0) return;
            if (DateTime.UtcNow > until)
                throw new TimeoutException($"{waiting.Count} of {parents.Count} processes had not completed after {Deadline.TotalMinutes} minutes.{cluster.A.Tail()}{cluster.B.Tail()}");
            await Task.Delay(1000);
        }
    }
}
