using ProjectWorkflow.Funding.Ledger;
using System.Net.Http.Json;
using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using ProjectWorkflow.Application.Ledger;
using ProjectWorkflow.Application.Treasury;
using ProjectWorkflow.Cluster.Tests.Messaging;
using ProjectWorkflow.Funding.Applications;
using ProjectWorkflow.Funding.Enterprises;

namespace ProjectWorkflow.Cluster.Tests.Ledger;

/// <summary>An installment approved on a node that dies before the bank answers is still paid, and paid once.</summary>
[Collection(LedgerClusterCollection.Name)]
public sealed class LedgerClusterTests(LedgerCluster cluster)
{
    private static readonly TimeSpan Deadline = TimeSpan.FromMinutes(3);

    [RabbitMqFact]
    public async Task ANodeKilledBetweenSendingAnInstallmentAndTheBanksAnswer_LeavesItPaidExactlyOnce()
    {
        using var adminA = await cluster.A.CreateClientForAsync("admin1");
        using var financeA = await cluster.A.CreateClientForAsync("finance1");
        using var adminB = await cluster.B.CreateClientForAsync("admin1");
        var project = await ApprovedProjects.CreateAsync(cluster.QueryAsync, 8_000_000_00L);
        await ApprovedProjects.DeployParentAsync(adminA);
        var parent = await ApprovedProjects.StartParentAsync(adminA, project);
        var order = Assert.Single((await financeA.GetFromJsonAsync<JsonElement[]>($"/api/ledger/payment-orders?applicationId={project.Id}"))!);

        var approved = await financeA.PostAsync($"/api/ledger/payment-orders/{order.GetProperty("id").GetGuid()}/approve", JsonContent.Create(new { }));
        Assert.Equal(HttpStatusCode.OK, approved.StatusCode);
        // The bank takes 3 s to answer: node A dies while the payment is out and unconfirmed.
        await cluster.KillAAsync();

        var until = DateTime.UtcNow + Deadline;
        while ((await adminB.GetFromJsonAsync<JsonElement>($"/api/instances/{parent}")).GetProperty("status").GetString() != "completed")
        {
            if (DateTime.UtcNow > until) throw new TimeoutException($"The installment was not paid through node B.{cluster.B.Tail()}");
            await Task.Delay(250);
        }

        Assert.Equal(1, await cluster.QueryAsync(db => db.Set<TreasuryPayment>().CountAsync(p => p.BusinessKey == project.Number)));
        var paidOrder = await cluster.QueryAsync(db => db.Set<PaymentOrder>().SingleAsync(o => o.ApplicationId == project.Id));
        Assert.Equal(PaymentOrderStatus.Paid, paidOrder.Status);
        Assert.Equal(1, paidOrder.Attempt);
        var paid = await cluster.QueryAsync(db => db.Set<LedgerEntryPosting>()
            .Where(p => p.ApplicationId == project.Id && p.Account == "Paid").SumAsync(p => p.AmountFen));
        Assert.Equal(4_000_000_00L, paid);
        Assert.Equal(1, await cluster.QueryAsync(db => db.Set<LedgerEntry>().CountAsync(e => e.ApplicationId == project.Id && e.Kind == "pay")));
    }
}
