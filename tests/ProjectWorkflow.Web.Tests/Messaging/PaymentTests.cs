using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using ProjectWorkflow.Application.Messaging;
using ProjectWorkflow.Application.Payments;
using ProjectWorkflow.Application.Treasury;
using static ProjectWorkflow.Web.Tests.Workflows.WorkflowApi;

namespace ProjectWorkflow.Web.Tests.Messaging;

/// <summary>The workflows' payment step (payment.send) orders the treasury to pay and waits; the (simulated) bank's answer resumes it.</summary>
[Collection(MessagingAppCollection.Name)]
public sealed class PaymentTests(MessagingApp app)
{
    [Fact]
    public async Task APaymentStep_IsConfirmedByTheTreasury_AndTheProcessCompletes()
    {
        using var admin = await app.CreateClientForAsync("admin1");

        var (project, parent, order) = await PaymentStory.PayAsync(app, 2_469_135_780L);

        var instance = await PaymentStory.FinishedAsync(admin, parent);
        Assert.Equal("completed", instance.GetProperty("status").GetString());
        Assert.Equal("paid", order.GetProperty("status").GetString());
        var reference = order.GetProperty("bankReference").GetString();
        Assert.False(string.IsNullOrEmpty(reference));
        var key = order.GetProperty("paymentKey").GetString()!;

        var (_, request) = Assert.Single(app.Bus.Sent<RequestPayment>(m => m.BusinessKey == project.Number));
        Assert.Equal(order.GetProperty("amountFen").GetInt64(), request.AmountFen);
        Assert.Equal(key, request.PaymentKey);
        Assert.Single(app.Bus.Published<PaymentRequested>(m => m.BusinessKey == project.Number));
        var (_, confirmed) = Assert.Single(app.Bus.Published<PaymentConfirmed>(m => m.BusinessKey == project.Number));
        Assert.Equal(reference, confirmed.BankReference);
        var journal = await JournalAsync(admin, order.GetProperty("instanceId").GetGuid());
        Assert.Contains(journal, j => j.GetProperty("elementId").GetString() == "awaitSettlement" && j.GetProperty("actor").GetString() == "treasury");
    }

    [Fact]
    public async Task TheTreasury_PaysAKeyOnce_AndAnswersASecondOrderWithTheFirstResult()
    {
        var key = $"order-{Guid.NewGuid():N}";
        var order = new RequestPayment(key, Guid.NewGuid(), $"BK-{key}", 500_000L, "某公司", null, DateTimeOffset.UtcNow);

        await app.SendAsync(order, RequestPayment.Queue);
        await app.SendAsync(order with { AmountFen = 900_000L }, RequestPayment.Queue);

        await Eventually.TrueAsync(() => Task.FromResult(app.Bus.Published<PaymentConfirmed>(m => m.PaymentKey == key).Count == 2), "two answers");
        var answers = app.Bus.Published<PaymentConfirmed>(m => m.PaymentKey == key).Select(a => a.Message).ToList();
        Assert.Single(answers.Select(a => a.BankReference).Distinct());
        // The two orders may be consumed in either order (competing consumers): whichever paid first
        // decides, and the other is answered with that same payment.
        var paid = await app.QueryAsync(db => db.Set<TreasuryPayment>().Where(p => p.PaymentKey == key).ToListAsync());
        var payment = Assert.Single(paid);
        Assert.Contains(payment.AmountFen, new[] { 500_000L, 900_000L });
        Assert.All(answers, a => Assert.Equal(payment.AmountFen, a.AmountFen));
    }

    [Fact]
    public async Task TheSameOrderDeliveredTwice_IsAnsweredOnce()
    {
        var key = $"order-{Guid.NewGuid():N}";
        var order = new RequestPayment(key, Guid.NewGuid(), $"BK-{key}", 700_000L, "某公司", null, DateTimeOffset.UtcNow);
        var messageId = Guid.NewGuid();

        await app.SendAsync(order, RequestPayment.Queue, messageId);
        await app.SendAsync(order, RequestPayment.Queue, messageId);

        await Eventually.TrueAsync(() => Task.FromResult(app.Bus.Consumed<RequestPayment>(m => m.PaymentKey == key).Count == 2), "both copies to be consumed");
        await Eventually.TrueAsync(() => app.QueryAsync(db => db.Set<OutboxMessage>().Where(m => m.Body.Contains(key)).AllAsync(m => m.DispatchedAt != null)),
            "the answer to be dispatched");
        Assert.Equal(1, await app.QueryAsync(db => db.Set<OutboxMessage>().CountAsync(m => m.Body.Contains(key))));
        Assert.Single(app.Bus.Published<PaymentConfirmed>(m => m.PaymentKey == key));
        Assert.Equal(1, await app.QueryAsync(db => db.Set<InboxMessage>().CountAsync(m => m.MessageId == messageId)));
    }
}

/// <summary>The treasury pays an order once, whatever attempt keys reach it (retries, a second approval after a forged or real rejection).</summary>
[Collection(MessagingAppCollection.Name)]
public sealed class TreasuryPaysAnOrderOnceTests(MessagingApp app)
{
    [Fact]
    public async Task TwoAttemptsOfOneOrder_ArePaidOnce_AndTheSecondIsAnsweredWithTheFirstPayment()
    {
        var order = $"{Guid.NewGuid():N}";
        var first = new RequestPayment($"{order}-1", Guid.NewGuid(), $"BK-{order}", 500_000L, "某公司", "31050161393600000001", DateTimeOffset.UtcNow, OrderKey: order);

        await app.SendAsync(first, RequestPayment.Queue);
        await Eventually.TrueAsync(() => Task.FromResult(app.Bus.Published<PaymentConfirmed>(m => m.PaymentKey == first.PaymentKey).Count == 1), "the first answer");
        await app.SendAsync(first with { PaymentKey = $"{order}-2" }, RequestPayment.Queue);
        await Eventually.TrueAsync(() => Task.FromResult(app.Bus.Published<PaymentConfirmed>(m => m.PaymentKey == $"{order}-2").Count == 1), "the second answer");

        var payment = Assert.Single(await app.QueryAsync(db => db.Set<TreasuryPayment>().Where(p => p.BusinessKey == $"BK-{order}").ToListAsync()));
        Assert.Equal(TreasuryPayment.Confirmed, payment.Status);
        Assert.Equal(1, payment.Attempts);
        var answers = app.Bus.Published<PaymentConfirmed>(m => m.BusinessKey == $"BK-{order}").Select(a => a.Message.BankReference).Distinct();
        Assert.Equal(payment.BankReference, Assert.Single(answers));
    }
}
