using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ProjectWorkflow.Application.Payments;
using ProjectWorkflow.Web.Tests.Messaging;
using static ProjectWorkflow.Web.Tests.Workflows.WorkflowApi;

namespace ProjectWorkflow.Web.Tests.Ledger;

/// <summary>
/// A scheme process calls installment-payment: the first installment becomes a payment order, a finance officer
/// approves it, the treasury answers; a rejection goes back to finance with the bank's reason; nothing is paid twice.
/// </summary>
[Collection(LedgerAppCollection.Name)]
public sealed class InstallmentPaymentTests(LedgerApp app)
{
    [Fact]
    public async Task ARejectedInstallment_GoesBackToFinanceWithTheReason_AndIsPaidOnceApprovedAgain()
    {
        using var admin = await app.CreateClientForAsync("admin1");
        using var approver = await app.CreateClientForAsync("approver1");
        using var finance = await app.CreateClientForAsync("finance1");
        var project = await LedgerStory.ApprovedProjectAsync(app, approvedFen: 10_000_000_00L);
        var parent = await LedgerStory.StartAsync(admin, approver, project);

        var order = await LedgerStory.OnlyOrderAsync(finance, project.Id);
        Assert.Equal(1, order.GetProperty("installmentNumber").GetInt32());
        Assert.Equal(5_000_000_00L, order.GetProperty("amountFen").GetInt64());
        Assert.Equal("awaiting-approval", order.GetProperty("status").GetString());
        Assert.Equal((10_000_000_00L, 0L), await LedgerStory.ProjectAsync(app, project.Id));
        var orderId = order.GetProperty("id").GetGuid();

        var first = await LedgerStory.ApproveAsync(finance, orderId);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var sent = await first.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("sent", sent.GetProperty("status").GetString());
        var firstKey = sent.GetProperty("paymentKey").GetString()!;
        await Eventually.TrueAsync(() => Task.FromResult(app.Bus.Sent<RequestPayment>(m => m.PaymentKey == firstKey).Count == 1), "the first order to reach the treasury");

        await app.AnswerAsync(new PaymentRejected(firstKey, project.Number, 5_000_000_00L, "收款账户已销户 The payee's account is closed.", DateTimeOffset.UtcNow));
        JsonElement rejected = default;
        await Eventually.TrueAsync(async () => (rejected = await LedgerStory.OrderAsync(finance, orderId)).GetProperty("status").GetString() == "rejected",
            "the rejection to reach finance");
        Assert.Equal("收款账户已销户 The payee's account is closed.", rejected.GetProperty("rejectionReason").GetString());
        Assert.Equal((10_000_000_00L, 0L), await LedgerStory.ProjectAsync(app, project.Id));

        var again = await LedgerStory.ApproveAsync(finance, orderId);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        var secondKey = (await again.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("paymentKey").GetString()!;
        Assert.NotEqual(firstKey, secondKey);
        await Eventually.TrueAsync(() => Task.FromResult(app.Bus.Sent<RequestPayment>(m => m.PaymentKey == secondKey).Count == 1), "the second order");
        await app.AnswerAsync(new PaymentConfirmed(secondKey, project.Number, 5_000_000_00L, "BANK-REF-0001", DateTimeOffset.UtcNow));

        await Eventually.TrueAsync(async () => (await InstanceAsync(admin, parent)).GetProperty("status").GetString() == "completed", "the parent process to end");
        var paid = await LedgerStory.OrderAsync(finance, orderId);
        Assert.Equal("paid", paid.GetProperty("status").GetString());
        Assert.Equal("BANK-REF-0001", paid.GetProperty("bankReference").GetString());
        Assert.Equal(2, paid.GetProperty("attempt").GetInt32());
        Assert.Equal((5_000_000_00L, 5_000_000_00L), await LedgerStory.ProjectAsync(app, project.Id));
        Assert.Equal(2, app.Bus.Sent<RequestPayment>(m => m.BusinessKey == project.Number).Count);
        var variables = (await InstanceAsync(admin, parent)).GetProperty("variables");
        Assert.Equal(5_000_000_00L, variables.GetProperty("installmentAmountFen").GetInt64());
    }

    [Fact]
    public async Task ConcurrentAndRepeatedApprovals_SendExactlyOnePayment()
    {
        using var admin = await app.CreateClientForAsync("admin1");
        using var approver = await app.CreateClientForAsync("approver1");
        using var finance = await app.CreateClientForAsync("finance1");
        var project = await LedgerStory.ApprovedProjectAsync(app, approvedFen: 2_000_000_00L);
        await LedgerStory.StartAsync(admin, approver, project);
        var orderId = (await LedgerStory.OnlyOrderAsync(finance, project.Id)).GetProperty("id").GetGuid();

        var clicks = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => LedgerStory.ApproveAsync(finance, orderId)));
        var retried = await LedgerStory.ApproveAsync(finance, orderId);

        Assert.Single(clicks, r => r.StatusCode == HttpStatusCode.OK);
        Assert.All(clicks.Where(r => r.StatusCode != HttpStatusCode.OK), r => Assert.Equal(HttpStatusCode.Conflict, r.StatusCode));
        Assert.Equal(HttpStatusCode.Conflict, retried.StatusCode);
        Assert.Contains("paid once", (await retried.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());
        await Eventually.TrueAsync(() => Task.FromResult(app.Bus.Sent<RequestPayment>(m => m.BusinessKey == project.Number).Count >= 1), "the order to go out");
        await Task.Delay(500); // let any second outbox row (there must be none) be dispatched too
        Assert.Single(app.Bus.Sent<RequestPayment>(m => m.BusinessKey == project.Number));
    }

    [Fact]
    public async Task ARetriedApprovalWithTheSameIdempotencyKey_AnswersTheFirstResult_AndSendsNothingMore()
    {
        using var admin = await app.CreateClientForAsync("admin1");
        using var approver = await app.CreateClientForAsync("approver1");
        using var finance = await app.CreateClientForAsync("finance1");
        var project = await LedgerStory.ApprovedProjectAsync(app, approvedFen: 6_000_000_00L);
        await LedgerStory.StartAsync(admin, approver, project);
        var orderId = (await LedgerStory.OnlyOrderAsync(finance, project.Id)).GetProperty("id").GetGuid();
        var key = Guid.NewGuid().ToString();

        var first = await PostAsync(finance, $"/api/ledger/payment-orders/{orderId}/approve", idempotencyKey: key);
        var retried = await PostAsync(finance, $"/api/ledger/payment-orders/{orderId}/approve", idempotencyKey: key);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, retried.StatusCode);
        Assert.Equal("true", retried.Headers.GetValues("Idempotency-Replayed").Single());
        Assert.Equal(await first.Content.ReadAsStringAsync(), await retried.Content.ReadAsStringAsync());
        await Eventually.TrueAsync(() => Task.FromResult(app.Bus.Sent<RequestPayment>(m => m.BusinessKey == project.Number).Count >= 1), "the order to go out");
        await Task.Delay(500); // let any second outbox row (there must be none) be dispatched too
        Assert.Single(app.Bus.Sent<RequestPayment>(m => m.BusinessKey == project.Number));
    }

    [Fact]
    public async Task TheApplicantCannotApproveThePayment_OfTheirOwnProject()
    {
        using var admin = await app.CreateClientForAsync("admin1");
        using var approver = await app.CreateClientForAsync("approver1");
        using var finance = await app.CreateClientForAsync("finance1");
        var project = await LedgerStory.ApprovedProjectAsync(app, approvedFen: 1_000_000_00L, createdBy: "finance1");
        await LedgerStory.StartAsync(admin, approver, project);
        var orderId = (await LedgerStory.OnlyOrderAsync(finance, project.Id)).GetProperty("id").GetGuid();

        var refused = await LedgerStory.ApproveAsync(finance, orderId);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        var problem = await refused.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("RoleConflict", problem.GetProperty("rule").GetString());
        Assert.Equal("awaiting-approval", (await LedgerStory.OrderAsync(finance, orderId)).GetProperty("status").GetString());
        Assert.Empty(app.Bus.Sent<RequestPayment>(m => m.BusinessKey == project.Number));
    }

    [Fact]
    public async Task SomeoneWhoApprovedTheProject_CannotReleaseItsPayment_EvenWithTheFinanceRole()
    {
        using var admin = await app.CreateClientForAsync("admin1");
        var userName = $"fin-approver-{Guid.NewGuid():N}"[..20];
        var created = await admin.PostAsJsonAsync("/api/users", new
        {
            userName, displayName = "两岗人员 Two-hat officer", password = "Demo#2026", roles = new[] { "finance", "dept-approver" },
        });
        Assert.True(created.IsSuccessStatusCode, await created.Content.ReadAsStringAsync());
        using var twoHats = await app.CreateClientForAsync(userName);
        using var finance = await app.CreateClientForAsync("finance1");
        var project = await LedgerStory.ApprovedProjectAsync(app, approvedFen: 1_000_000_00L);
        await LedgerStory.StartAsync(admin, twoHats, project);
        var orderId = (await LedgerStory.OnlyOrderAsync(finance, project.Id)).GetProperty("id").GetGuid();

        var refused = await LedgerStory.ApproveAsync(twoHats, orderId);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        var problem = await refused.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("RoleConflict", problem.GetProperty("rule").GetString());
        Assert.Contains("approver", problem.GetProperty("messageEn").GetString());
        // The release task itself is refused too: the same person cannot complete it through the task inbox.
        var task = await OnlyTaskAsync(twoHats, "candidate", (await LedgerStory.OrderAsync(finance, orderId)).GetProperty("instanceId").GetGuid(), "releaseInstallment");
        var byInbox = await PostAsync(twoHats, $"/api/tasks/{task}/complete", new { variables = new { } });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, byInbox.StatusCode);
        Assert.Empty(app.Bus.Sent<RequestPayment>(m => m.BusinessKey == project.Number));
        Assert.Equal(HttpStatusCode.OK, (await LedgerStory.ApproveAsync(finance, orderId)).StatusCode);
    }

    [Fact]
    public async Task TheReleaseTask_CannotBeCompletedFromTheInbox_OnlyByApprovingTheOrder()
    {
        using var admin = await app.CreateClientForAsync("admin1");
        using var approver = await app.CreateClientForAsync("approver1");
        using var finance = await app.CreateClientForAsync("finance1");
        var project = await LedgerStory.ApprovedProjectAsync(app, approvedFen: 1_000_000_00L);
        await LedgerStory.StartAsync(admin, approver, project);
        var order = await LedgerStory.OnlyOrderAsync(finance, project.Id);
        var task = await OnlyTaskAsync(finance, "candidate", order.GetProperty("instanceId").GetGuid(), "releaseInstallment");

        var byInbox = await PostAsync(finance, $"/api/tasks/{task}/complete", new { variables = new { } });

        Assert.Equal(HttpStatusCode.Conflict, byInbox.StatusCode);
        Assert.Contains("/api/ledger/payment-orders/", (await byInbox.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());
        Assert.Equal("awaiting-approval", (await LedgerStory.OrderAsync(finance, order.GetProperty("id").GetGuid())).GetProperty("status").GetString());
        Assert.Empty(app.Bus.Sent<RequestPayment>(m => m.BusinessKey == project.Number));
    }

    [Fact]
    public async Task FinanceSeesAnOrderAsDueThisWeek_ThenInFlight_AndCanExportEitherList()
    {
        using var admin = await app.CreateClientForAsync("admin1");
        using var approver = await app.CreateClientForAsync("approver1");
        using var finance = await app.CreateClientForAsync("finance1");
        var project = await LedgerStory.ApprovedProjectAsync(app, approvedFen: 3_000_000_00L);
        await LedgerStory.StartAsync(admin, approver, project);
        var orderId = (await LedgerStory.OnlyOrderAsync(finance, project.Id)).GetProperty("id").GetGuid();

        Assert.Contains(await ViewAsync(finance, "views/payments-due"), o => o.GetProperty("id").GetGuid() == orderId);
        Assert.DoesNotContain(await ViewAsync(finance, "views/payments-in-flight"), o => o.GetProperty("id").GetGuid() == orderId);
        Assert.Contains(await ExportAsync(finance, "payments-due"), r => Equals(r["Application 项目编号"], project.Number));

        Assert.Equal(HttpStatusCode.OK, (await LedgerStory.ApproveAsync(finance, orderId)).StatusCode);

        Assert.DoesNotContain(await ViewAsync(finance, "views/payments-due"), o => o.GetProperty("id").GetGuid() == orderId);
        var inFlight = Assert.Single(await ViewAsync(finance, "views/payments-in-flight"), o => o.GetProperty("id").GetGuid() == orderId);
        Assert.Equal("sent", inFlight.GetProperty("status").GetString());
        var row = Assert.Single(await ExportAsync(finance, "payments-in-flight"), r => Equals(r["Application 项目编号"], project.Number));
        Assert.Equal(1_500_000_00L, Convert.ToInt64(row["Amount (fen) 金额(分)"]));
        Assert.Equal(HttpStatusCode.BadRequest, (await finance.GetAsync("/api/ledger/exports/everything.xlsx")).StatusCode);
    }

    private static async Task<JsonElement[]> ViewAsync(HttpClient client, string view) =>
        (await client.GetFromJsonAsync<JsonElement[]>($"/api/ledger/{view}"))!;

    private static async Task<List<IDictionary<string, object>>> ExportAsync(HttpClient client, string view)
    {
        var response = await client.GetAsync($"/api/ledger/exports/{view}.xlsx");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", response.Content.Headers.ContentType?.MediaType);
        using var stream = new MemoryStream(await response.Content.ReadAsByteArrayAsync());
        return MiniExcelLibs.MiniExcel.Query(stream, useHeaderRow: true).Cast<IDictionary<string, object>>().ToList();
    }

    [Fact]
    public async Task Enterprises_SeeNothingOfTheLedger()
    {
        using var enterprise = await app.CreateClientForAsync("enterprise1");
        using var auditor = await app.CreateClientForAsync("auditor1");

        Assert.Equal(HttpStatusCode.Forbidden, (await enterprise.GetAsync("/api/ledger/payment-orders")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await enterprise.GetAsync("/api/ledger/budgets")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await auditor.GetAsync("/api/ledger/budgets")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await LedgerStory.ApproveAsync(auditor, Guid.NewGuid())).StatusCode);
    }
}
