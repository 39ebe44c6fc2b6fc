using ProjectWorkflow.Funding.Ledger;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ProjectWorkflow.Application.Enterprises;
using ProjectWorkflow.Application.Ledger;
using ProjectWorkflow.Application.Persistence;
using ProjectWorkflow.Application.Treasury;
using ProjectWorkflow.Web.Tests.Fixtures;
using static ProjectWorkflow.Web.Tests.Funding.FundingApi;
using static ProjectWorkflow.Web.Tests.Workflows.WorkflowApi;

namespace ProjectWorkflow.Web.Tests.Funding;

/// <summary>
/// Installments pay the enterprise itself, to the account registered for it: another payee on the agreement is
/// refused, an order edited in the database is held rather than paid, and the account is changed only by a request
/// staff approve. Account numbers are masked for administrators and auditors.
/// </summary>
public sealed class PayeeTests(FundingApp app) : IClassFixture<FundingApp>
{
    private readonly LifecycleWalk _walk = new(app);

    private async Task<T> DbAsync<T>(Func<ProjectWorkflowDbContext, Task<T>> query)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<ProjectWorkflowDbContext>());
    }

    [Fact]
    public async Task AnAgreementPayingSomeoneElse_IsRefused_AndAnOrderEditedInTheDatabase_IsHeldNotPaid()
    {
        var applicant = await _walk.ClientAsync("enterprise1");
        var finance = await _walk.ClientAsync("finance1");
        var admin = await _walk.ClientAsync("admin1");
        var auditor = await _walk.ClientAsync("auditor1");
        var (id, _) = await _walk.ApprovedGreenParkAsync(applicant, "Payee check", "310101198303030033");
        var number = (await ApplicationAsync(applicant, id)).GetProperty("number").GetString()!;
        await app.AdvanceAsync(TimeSpan.FromDays(8));

        var someoneElse = await PostAsync(applicant, $"/api/applications/{id}/agreement", new { payeeName = "Someone Else Trading Ltd.", payeeAccount = DemoEnterpriseSeed.BankAccount });
        Assert.Equal("PayeeNotTheEnterprise", (await ProblemAssert.IsProblemAsync(someoneElse, HttpStatusCode.UnprocessableEntity)).GetProperty("rule").GetString());
        var otherAccount = await PostAsync(applicant, $"/api/applications/{id}/agreement", new { payeeName = DemoEnterpriseSeed.Name, payeeAccount = "6222000011112222333" });
        Assert.Equal("AccountNotRegistered", (await ProblemAssert.IsProblemAsync(otherAccount, HttpStatusCode.UnprocessableEntity)).GetProperty("rule").GetString());
        await LifecycleWalk.SignAsync(applicant, id);

        var order = await Eventually.WaitForAsync(async () => (await finance.GetFromJsonAsync<JsonElement[]>($"/api/ledger/payment-orders?applicationId={id}"))!
            .Where(o => o.GetProperty("status").GetString() == "awaiting-approval").Select(o => (object)o).FirstOrDefault(), "the first payment order");
        var orderId = ((JsonElement)order).GetProperty("id").GetGuid();

        // Admins and auditors read the account masked; the finance officer who acts on the order reads it in full.
        Assert.Equal(DemoEnterpriseSeed.BankAccount, (await finance.GetFromJsonAsync<JsonElement>($"/api/ledger/payment-orders/{orderId}")).GetProperty("payeeAccount").GetString());
        foreach (var reader in new[] { admin, auditor })
        {
            Assert.Equal("****4567", (await reader.GetFromJsonAsync<JsonElement>($"/api/ledger/payment-orders/{orderId}")).GetProperty("payeeAccount").GetString());
            Assert.All((await reader.GetFromJsonAsync<JsonElement[]>("/api/ledger/views/payments-due"))!, o => Assert.DoesNotContain(DemoEnterpriseSeed.BankAccount, o.GetProperty("payeeAccount").GetString() ?? ""));
        }
        foreach (var reader in new[] { "admin1", "auditor1" })
        {
            using var desk = await app.CreateSignedInClientAsync(reader);
            Assert.DoesNotContain(DemoEnterpriseSeed.BankAccount, await desk.GetStringAsync("/finance"));
        }
        using (var desk = await app.CreateSignedInClientAsync("finance1"))
            Assert.Contains(DemoEnterpriseSeed.BankAccount, await desk.GetStringAsync("/finance"));

        // Someone with database access redirects the pending order.
        await DbAsync(db => db.Set<PaymentOrder>().Where(o => o.Id == orderId)
            .ExecuteUpdateAsync(s => s.SetProperty(o => o.Payee, "Someone Else Trading Ltd.").SetProperty(o => o.PayeeAccount, "6222000011112222333")));
        var approved = await PostAsync(finance, $"/api/ledger/payment-orders/{orderId}/approve");
        var held = await approved.Content.ReadFromJsonAsync<JsonElement>();
        Assert.NotEqual("sent", held.GetProperty("status").GetString());
        Assert.Contains("Someone Else Trading Ltd.", held.GetProperty("holdReason").GetString());
        Assert.False(await DbAsync(db => db.Set<TreasuryPayment>().AnyAsync(p => p.BusinessKey == number)));

        Assert.Equal("approved", (await finance.GetFromJsonAsync<JsonElement>($"/api/ledger/payment-orders/{orderId}")).GetProperty("status").GetString());
    }

    [Fact]
    public async Task TheEnterpriseAsksForANewAccount_StaffOtherThanTheRequesterDecide_AndAdminsSeeItMasked()
    {
        var applicant = await _walk.ClientAsync("enterprise1");
        var finance = await _walk.ClientAsync("finance1");
        var admin = await _walk.ClientAsync("admin1");
        var enterpriseId = (await applicant.GetFromJsonAsync<JsonElement>("/api/enterprises/mine")).GetProperty("id").GetGuid();

        var asked = await PostAsync(applicant, "/api/enterprises/mine/bank-accounts", new { bankName = "ICBC Lujiazui", accountNumber = "1001 2002 3003 4004" });
        Assert.Equal(HttpStatusCode.Created, asked.StatusCode);
        var request = await asked.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("pending", request.GetProperty("status").GetString());
        Assert.Equal(DemoEnterpriseSeed.Name, request.GetProperty("accountHolder").GetString());
        var accountId = request.GetProperty("id").GetGuid();
        var decision = $"/api/enterprises/{enterpriseId}/bank-accounts/{accountId}/decision";

        // Until staff decide, the registered account is still the old one: the new one cannot be signed for.
        await ProblemAssert.IsProblemAsync(await PostAsync(applicant, decision, new { approve = true }), HttpStatusCode.Forbidden);
        var pending = await admin.GetFromJsonAsync<JsonElement[]>("/api/enterprises/bank-accounts/pending");
        Assert.Equal("****4004", Assert.Single(pending!, a => a.GetProperty("id").GetGuid() == accountId).GetProperty("accountNumber").GetString());

        var approved = await PostAsync(finance, decision, new { approve = true });
        Assert.Equal(HttpStatusCode.OK, approved.StatusCode);
        Assert.Equal("approved", (await approved.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString());
        await ProblemAssert.IsProblemAsync(await PostAsync(admin, decision, new { approve = false, reason = "late" }), HttpStatusCode.Conflict);

        var accounts = (await admin.GetFromJsonAsync<JsonElement[]>($"/api/enterprises/{enterpriseId}/bank-accounts"))!;
        Assert.Equal("approved", accounts.Single(a => a.GetProperty("id").GetGuid() == accountId).GetProperty("status").GetString());
        Assert.Contains(accounts, a => a.GetProperty("status").GetString() == "replaced" && a.GetProperty("accountNumber").GetString() == "****4567");
        Assert.Contains((await applicant.GetFromJsonAsync<JsonElement[]>($"/api/enterprises/{enterpriseId}/bank-accounts"))!,
            a => a.GetProperty("accountNumber").GetString() == "1001200230034004");

        // Back to the demo account (the other story of this class pays it), through the same request and approval.
        var back = await (await PostAsync(applicant, "/api/enterprises/mine/bank-accounts", new { bankName = "Bank of Shanghai", accountNumber = DemoEnterpriseSeed.BankAccount }))
            .Content.ReadFromJsonAsync<JsonElement>();
        await OkAsync(admin, $"/api/enterprises/{enterpriseId}/bank-accounts/{back.GetProperty("id").GetGuid()}/decision", new { approve = true });
    }
}
