using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using ProjectWorkflow.Application.Messaging;
using ProjectWorkflow.Application.Payments;
using ProjectWorkflow.Application.Treasury;
using ProjectWorkflow.Application.Workflows.Events;

namespace ProjectWorkflow.Cluster.Tests.Messaging;

/// <summary>Payments over a real RabbitMQ between two nodes, and a broker restart in the middle of the work.</summary>
[Collection(MessagingClusterCollection.Name)]
public sealed class MessagingClusterTests(MessagingCluster cluster)
{
    private static readonly TimeSpan Deadline = TimeSpan.FromMinutes(3);

    [RabbitMqFact]
    public async Task APaymentRequestedOnOneNode_IsConfirmedOverRabbitMq_AndTheOtherNodeSeesTheProcessComplete()
    {
        using var adminA = await cluster.A.CreateClientForAsync("admin1");
        using var financeA = await cluster.A.CreateClientForAsync("finance1");
        using var adminB = await cluster.B.CreateClientForAsync("admin1");
        using var financeB = await cluster.B.CreateClientForAsync("finance1");
        await ApprovedProjects.DeployParentAsync(adminA);

        var (parent, businessKey, projectId) = await RequestPaymentAsync(adminA, financeA, 2_500_000_00L);
        var instance = await WaitUntilFinishedAsync(adminB, parent, businessKey);

        Assert.Equal("completed", instance.GetProperty("status").GetString());
        var order = await ApprovedProjects.OnlyOrderAsync(financeB, projectId);
        Assert.Equal("paid", order.GetProperty("status").GetString());
        Assert.False(string.IsNullOrEmpty(order.GetProperty("bankReference").GetString()));
        await UntilAsync(() => cluster.Witness.Received<ProcessCompleted>(m => m.InstanceId == parent).Count > 0, "ProcessCompleted at the witness");
        var (_, confirmed) = Assert.Single(cluster.Witness.Received<PaymentConfirmed>(m => m.BusinessKey == businessKey));
        Assert.Equal(order.GetProperty("amountFen").GetInt64(), confirmed.AmountFen);
    }

    [RabbitMqFact]
    public async Task ABrokerRestartInTheMiddleOfTheWork_LosesNothing_AndDuplicatesNothing()
    {
        using var adminA = await cluster.A.CreateClientForAsync("admin1");
        using var financeA = await cluster.A.CreateClientForAsync("finance1");
        using var adminB = await cluster.B.CreateClientForAsync("admin1");
        using var financeB = await cluster.B.CreateClientForAsync("finance1");
        await ApprovedProjects.DeployParentAsync(adminA);
        var payments = new List<(Guid Id, string BusinessKey, Guid ProjectId, HttpClient Via, HttpClient Finance)>();
        async Task StartAsync(int i)
        {
            var (via, finance) = i % 2 == 0 ? (adminA, financeA) : (adminB, financeB);
            var (parent, key, projectId) = await RequestPaymentAsync(via, finance, 10_000_00L + 2 * i);
            payments.Add((parent, key, projectId, via, finance));
        }

        for (var i = 0; i < 6; i++) await StartAsync(i);
        await cluster.StopBrokerAsync();
        try
        {
            // Commands keep committing while the broker is away: their messages wait in the outbox.
            for (var i = 6; i < 12; i++) await StartAsync(i);
            await Task.Delay(TimeSpan.FromSeconds(3));
        }
        finally
        {
            await cluster.StartBrokerAsync();
        }

        foreach (var (id, key, projectId, via, finance) in payments)
        {
            var instance = await WaitUntilFinishedAsync(via, id, key);
            Assert.Equal("completed", instance.GetProperty("status").GetString());
            Assert.Equal("paid", (await ApprovedProjects.OnlyOrderAsync(finance, projectId)).GetProperty("status").GetString());
        }
        // Each event reaches the witness in its own time: a delivery it held unacknowledged when the broker stopped comes
        // again after the restart, behind later ones, so a request may arrive after its process's end. Wait for all three.
        await UntilAsync(() => payments.All(p => cluster.Witness.Received<ProcessCompleted>(m => m.InstanceId == p.Id).Count > 0
                && cluster.Witness.Received<PaymentConfirmed>(m => m.BusinessKey == p.BusinessKey).Count > 0
                && cluster.Witness.Received<PaymentRequested>(m => m.BusinessKey == p.BusinessKey).Count > 0),
            "every payment's request, confirmation and process end at the witness");

        foreach (var (id, key, _, _, _) in payments)
        {
            // Paid once, resumed once, and each event one message (a transport-level copy would carry the same id).
            Assert.Equal(1, await cluster.QueryAsync(db => db.Set<TreasuryPayment>().CountAsync(p => p.BusinessKey == key)));
            Assert.Single(cluster.Witness.Received<ProcessCompleted>(m => m.InstanceId == id).Select(r => r.MessageId).Distinct());
            Assert.Single(cluster.Witness.Received<PaymentConfirmed>(m => m.BusinessKey == key).Select(r => r.MessageId).Distinct());
            Assert.Single(cluster.Witness.Received<PaymentRequested>(m => m.BusinessKey == key).Select(r => r.MessageId).Distinct());
        }
        foreach (var (_, _, projectId, via, finance) in payments)
        {
            var installment = (await ApprovedProjects.OnlyOrderAsync(finance, projectId)).GetProperty("instanceId").GetGuid();
            var journal = await via.GetFromJsonAsync<JsonElement[]>($"/api/instances/{installment}/journal");
            Assert.Single(journal!, j => j.GetProperty("elementId").GetString() == "awaitSettlement" && j.GetProperty("event").GetString() == "messageReceived");
        }
        // The outage was real: some messages failed to leave at first and went out on a later attempt.
        Assert.True(await cluster.QueryAsync(db => db.Set<OutboxMessage>().AnyAsync(m => m.Attempts > 0 && m.DispatchedAt != null)),
            "No outbox row needed a second attempt: the broker was not down while messages were produced.");
        var waiting = await cluster.QueryAsync(db => db.Set<OutboxMessage>().Where(m => m.DispatchedAt == null).Select(m => m.Body).ToListAsync());
        Assert.DoesNotContain(waiting, body => payments.Any(p => body.Contains(p.BusinessKey)));
    }

    /// <summary>An approved project's first installment, its order approved by a finance officer: payment.send orders the treasury to pay.</summary>
    private async Task<(Guid Parent, string BusinessKey, Guid ProjectId)> RequestPaymentAsync(HttpClient admin, HttpClient finance, long approvedFen)
    {
        var project = await ApprovedProjects.CreateAsync(cluster.QueryAsync, approvedFen);
        var parent = await ApprovedProjects.StartParentAsync(admin, project);
        var order = await ApprovedProjects.OnlyOrderAsync(finance, project.Id);
        await ApprovedProjects.ApproveOrderAsync(finance, order.GetProperty("id").GetGuid());
        return (parent, project.Number, project.Id);
    }

    private async Task<JsonElement> WaitUntilFinishedAsync(HttpClient client, Guid id, string businessKey)
    {
        JsonElement instance = default;
        await UntilAsync(async () =>
        {
            instance = await client.GetFromJsonAsync<JsonElement>($"/api/instances/{id}");
            return instance.GetProperty("status").GetString() != "running";
        }, $"payment {businessKey} to finish");
        return instance;
    }

    private Task UntilAsync(Func<bool> condition, string what) => UntilAsync(() => Task.FromResult(condition()), what);

    private async Task UntilAsync(Func<Task<bool>> condition, string what)
    {
        var until = DateTime.UtcNow + Deadline;
        while (!await condition())
        {
            if (DateTime.UtcNow > until)
                throw new TimeoutException($"Still waiting after {Deadline.TotalMinutes:0} min for {what}.{cluster.A.Tail()}{cluster.B.Tail()}");
            await Task.Delay(200);
        }
    }
}
