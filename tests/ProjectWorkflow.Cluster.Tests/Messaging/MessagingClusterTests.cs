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
        using var adminB = await cluster.B.CreateClientForAsync("admin1");
        await DeployPaymentAsync(adminA);
        var businessKey = $"PAY-{Guid.NewGuid():N}";

        var id = await StartPaymentAsync(adminA, businessKey, 2_500_000_00L);
        var instance = await WaitUntilFinishedAsync(adminB, id, businessKey);

        Assert.Equal("completed", instance.GetProperty("status").GetString());
        var variables = instance.GetProperty("variables");
        Assert.Equal("confirmed", variables.GetProperty("paymentStatus").GetString());
        Assert.False(string.IsNullOrEmpty(variables.GetProperty("bankReference").GetString()));
        await UntilAsync(() => cluster.Witness.Received<ProcessCompleted>(m => m.BusinessKey == businessKey).Count > 0, "ProcessCompleted at the witness");
        var (_, confirmed) = Assert.Single(cluster.Witness.Received<PaymentConfirmed>(m => m.BusinessKey == businessKey));
        Assert.Equal(2_500_000_00L, confirmed.AmountFen);
    }

    [RabbitMqFact]
    public async Task ABrokerRestartInTheMiddleOfTheWork_LosesNothing_AndDuplicatesNothing()
    {
        using var adminA = await cluster.A.CreateClientForAsync("admin1");
        using var adminB = await cluster.B.CreateClientForAsync("admin1");
        await DeployPaymentAsync(adminA);
        var run = Guid.NewGuid().ToString("N")[..8];
        var payments = new List<(Guid Id, string BusinessKey, HttpClient Via)>();
        async Task StartAsync(int i)
        {
            var via = i % 2 == 0 ? adminA : adminB;
            var key = $"RESTART-{run}-{i:00}";
            payments.Add((await StartPaymentAsync(via, key, 10_000_00L + i), key, via));
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

        foreach (var (id, key, via) in payments)
        {
            var instance = await WaitUntilFinishedAsync(via, id, key);
            Assert.Equal("completed", instance.GetProperty("status").GetString());
            Assert.Equal("confirmed", instance.GetProperty("variables").GetProperty("paymentStatus").GetString());
        }
        var keys = payments.Select(p => p.BusinessKey).ToList();
        await UntilAsync(() => keys.All(k => cluster.Witness.Received<ProcessCompleted>(m => m.BusinessKey == k).Count > 0),
            "every ProcessCompleted at the witness");

        foreach (var key in keys)
        {
            // Paid once, resumed once, and each event one message (a transport-level copy would carry the same id).
            Assert.Equal(1, await cluster.QueryAsync(db => db.Set<TreasuryPayment>().CountAsync(p => p.BusinessKey == key)));
            Assert.Single(cluster.Witness.Received<ProcessCompleted>(m => m.BusinessKey == key).Select(r => r.MessageId).Distinct());
            Assert.Single(cluster.Witness.Received<PaymentConfirmed>(m => m.BusinessKey == key).Select(r => r.MessageId).Distinct());
            Assert.Single(cluster.Witness.Received<PaymentRequested>(m => m.BusinessKey == key).Select(r => r.MessageId).Distinct());
        }
        foreach (var (id, key, via) in payments)
        {
            var journal = await via.GetFromJsonAsync<JsonElement[]>($"/api/instances/{id}/journal");
            Assert.Single(journal!, j => j.GetProperty("elementId").GetString() == "awaitSettlement" && j.GetProperty("event").GetString() == "messageReceived");
        }
        // The outage was real: some messages failed to leave at first and went out on a later attempt.
        Assert.True(await cluster.QueryAsync(db => db.Set<OutboxMessage>().AnyAsync(m => m.Attempts > 0 && m.DispatchedAt != null)),
            "No outbox row needed a second attempt: the broker was not down while messages were produced.");
        Assert.False(await cluster.QueryAsync(db => db.Set<OutboxMessage>().AnyAsync(m => m.DispatchedAt == null && m.Body.Contains(run))));
    }

    private static async Task DeployPaymentAsync(HttpClient admin)
    {
        var xml = await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "Messaging", "payment-request.bpmn"));
        var response = await admin.PostAsync("/api/definitions", new StringContent(xml, System.Text.Encoding.UTF8, "application/xml"));
        Assert.True(response.StatusCode is HttpStatusCode.Created or HttpStatusCode.OK, $"deploy answered {(int)response.StatusCode}");
        await SecondAdmin.ApproveIfPendingAsync(admin, response);
    }

    private static async Task<Guid> StartPaymentAsync(HttpClient admin, string businessKey, long amountFen)
    {
        var response = await admin.PostAsJsonAsync("/api/instances", new
        {
            definitionKey = "payment-request",
            businessKey,
            variables = new { amountFen, payee = "上海精密机械制造有限公司", payeeAccount = "31050161393600000001" },
        });
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"start answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
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
