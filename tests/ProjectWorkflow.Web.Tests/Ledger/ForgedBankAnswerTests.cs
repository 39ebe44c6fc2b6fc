using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using ProjectWorkflow.Application.Ledger;
using ProjectWorkflow.Application.Payments;
using ProjectWorkflow.Application.Treasury;
using ProjectWorkflow.Application.Workflows.Instances;
using ProjectWorkflow.Web.Tests.Messaging;
using static ProjectWorkflow.Web.Tests.Workflows.WorkflowApi;

namespace ProjectWorkflow.Web.Tests.Ledger;

/// <summary>
/// The bank's answer comes only from the treasury: a finance officer who forges one (to be paid twice, or to mark
/// an order paid) is refused with the reason, and the order is paid once; reconciliation compares what the treasury
/// paid with what the ledger booked.
/// </summary>
[Collection(LedgerAppCollection.Name)]
public sealed class ForgedBankAnswerTests(LedgerApp app)
{
    [Fact]
    public async Task AFinanceOfficerForgesABankRejection_AndApprovesAgain_TheForgeryIsRefused_AndTheOrderIsPaidOnce()
    {
        using var admin = await app.CreateClientForAsync("admin1");
        using var approver = await app.CreateClientForAsync("approver1");
        using var finance = await app.CreateClientForAsync("finance1");
        var project = await LedgerStory.ApprovedProjectAsync(app, approvedFen: 2_000_000_00L);
        var parent = await LedgerStory.StartAsync(admin, approver, project);
        var orderId = (await LedgerStory.OnlyOrderAsync(finance, project.Id)).GetProperty("id").GetGuid();
        var approved = await LedgerStory.ApproveAsync(finance, orderId);
        Assert.Equal(HttpStatusCode.OK, approved.StatusCode);
        var key = (await approved.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("paymentKey").GetString()!;

        // The forged "rejected", with the payment key the order's view shows, and a forged "paid" for good measure.
        var forgedRejection = await finance.PostAsJsonAsync("/api/messages", new
        {
            name = PaymentSettledConsumer.MessageName, correlationKey = project.Number,
            variables = new { paymentStatus = "rejected", paymentKey = key, reason = "forged" },
        });
        var refused = await ProblemAssert.IsProblemAsync(forgedRejection, HttpStatusCode.Forbidden);
        Assert.Contains("treasury", refused.GetProperty("detail").GetString());
        Assert.Equal($"消息“{PaymentSettledConsumer.MessageName}”不能通过此途径投递：该消息是银行对拨付单的回复，只能来自国库集中支付接口。",
            refused.GetProperty("detailZh").GetString());
        await ProblemAssert.IsProblemAsync(await admin.PostAsJsonAsync("/api/messages", new
        {
            name = PaymentSettledConsumer.MessageName, correlationKey = project.Number,
            variables = new { paymentStatus = "confirmed", paymentKey = key, bankReference = "FORGED-BY-admin1" },
        }), HttpStatusCode.Forbidden);
        // Nor through the generic bus queue, the public route's twin.
        await app.SendAsync(new DeliverWorkflowMessage(PaymentSettledConsumer.MessageName, project.Number,
            new JsonObject { ["paymentStatus"] = "rejected", ["paymentKey"] = key, ["reason"] = "forged on the bus" }), DeliverWorkflowMessage.Queue);
        await Eventually.TrueAsync(() => Task.FromResult(app.Bus.Consumed<DeliverWorkflowMessage>(m => m.CorrelationKey == project.Number).Count == 1),
            "the forged bus message to be consumed");

        Assert.Equal("sent", (await LedgerStory.OrderAsync(finance, orderId)).GetProperty("status").GetString());
        await ProblemAssert.IsProblemAsync(await LedgerStory.ApproveAsync(finance, orderId), HttpStatusCode.Conflict);

        await app.AnswerAsync(new PaymentConfirmed(key, project.Number, 1_000_000_00L, "BANK-REF-REAL", DateTimeOffset.UtcNow));
        await Eventually.TrueAsync(async () => (await InstanceAsync(admin, parent)).GetProperty("status").GetString() == "completed", "the parent process to end");
        var paid = await LedgerStory.OrderAsync(finance, orderId);
        Assert.Equal("paid", paid.GetProperty("status").GetString());
        Assert.Equal("BANK-REF-REAL", paid.GetProperty("bankReference").GetString());
        Assert.Single(app.Bus.Sent<RequestPayment>(m => m.BusinessKey == project.Number));
        Assert.Equal((1_000_000_00L, 1_000_000_00L), await LedgerStory.ProjectAsync(app, project.Id));
    }

    [Fact]
    public async Task ReconciliationReports_APaymentTheTreasuryMade_ThatTheLedgerNeverBooked()
    {
        using var admin = await app.CreateClientForAsync("admin1");
        using var approver = await app.CreateClientForAsync("approver1");
        using var finance = await app.CreateClientForAsync("finance1");
        var project = await LedgerStory.ApprovedProjectAsync(app, approvedFen: 2_000_000_00L);
        await LedgerStory.StartAsync(admin, approver, project);
        var order = await LedgerStory.OnlyOrderAsync(finance, project.Id);
        var orderId = order.GetProperty("id").GetGuid();
        // The bank's record of a payment of this order, as after a second payment the ledger never heard of.
        await app.QueryAsync(async db =>
        {
            db.Add(new TreasuryPayment
            {
                OrderKey = SendPayment.TreasuryOrderKey(orderId), PaymentKey = $"{orderId:N}-1", InstanceId = order.GetProperty("instanceId").GetGuid(),
                BusinessKey = project.Number, AmountFen = 1_000_000_00L, Payee = project.PayeeName!, Status = TreasuryPayment.Confirmed,
                BankReference = "BANK-UNBOOKED", Attempts = 1, RequestedAt = DateTimeOffset.UtcNow, SettledAt = DateTimeOffset.UtcNow,
            });
            return await db.SaveChangesAsync();
        });

        var report = await (await PostAsync(admin, "/api/ledger/reconciliations")).Content.ReadFromJsonAsync<JsonElement>();

        Assert.False(report.GetProperty("clean").GetBoolean());
        Assert.Contains(report.GetProperty("findings").EnumerateArray(), f =>
            f.GetProperty("kind").GetString() == "paid-not-booked" && f.GetProperty("message").GetString()!.Contains("BANK-UNBOOKED"));
    }
}
