using System.Net;
using System.Net.Http.Json;
using ProjectWorkflow.Application.Seeding;
using ProjectWorkflow.Web.Tests.Fixtures;
using static ProjectWorkflow.Web.Tests.Vouchers.VoucherApi;

namespace ProjectWorkflow.Web.Tests.Vouchers;

/// <summary>
/// The finance desk releases a voucher settlement with a button (a form posting to /finance, post/redirect/get): a
/// person who is both approver and finance officer and approved the claim it pays is refused in the rule's words; the
/// approver is not a finance officer; finance1, who played no part, releases it once and the treasury pays it.
/// </summary>
public sealed class VoucherDeskReleaseTests(FundingApp app) : IClassFixture<FundingApp>
{
    private const string TwoHats = "approver-finance1";

    private async Task<HttpResponseMessage> PressReleaseAsync(HttpClient desk, Guid settlementId)
    {
        // The token of the page the person sees (the desk, or the refusal page the portal shows those it is not for).
        var page = await (await desk.GetAsync("/finance")).Content.ReadAsStringAsync();
        var (tokenName, token) = PortalApp.AntiforgeryTokenOf(page);
        return await desk.PostAsync($"/finance/voucher-settlements/{settlementId}/release", new FormUrlEncodedContent(new Dictionary<string, string> { [tokenName] = token }));
    }

    [Fact]
    public async Task AFinanceOfficerWhoPlayedNoOtherPart_ReleasesTheSettlementAtTheDesk_Once()
    {
        // The administrator gives one person two hats: approver and finance officer.
        using var admin = await app.CreateClientForAsync("admin1");
        var created = await admin.PostAsJsonAsync("/api/users/", new
        {
            userName = TwoHats, displayName = "Approver and finance officer", password = DemoUsers.Password, roles = new[] { "dept-approver", "finance" },
        });
        Assert.True(created.IsSuccessStatusCode, await created.Content.ReadAsStringAsync());
        using var twoHats = await app.CreateClientForAsync(TwoHats);

        // As approver, that person grants the quota and approves the claim; the quarter's settlement is due.
        var settlement = await DueSettlementAsync(app, twoHats, "INV-DESK-0001", 2_000_001, 1_000_000);
        var settlementId = settlement.GetProperty("id").GetGuid();
        var cycle = settlement.GetProperty("cycle").GetString()!;

        // The desk shows finance1 a release button on the due settlement; an auditor none.
        using var desk = await app.CreateSignedInClientAsync("finance1");
        var page = await desk.GetStringAsync("/finance");
        Assert.Contains($"action=\"/finance/voucher-settlements/{settlementId}/release\"", page);
        using var auditor = await app.CreateSignedInClientAsync("auditor1");
        Assert.DoesNotContain("/finance/voucher-settlements/", await auditor.GetStringAsync("/finance"));

        // The two-hatted person is refused by the rule, in its words, and nothing moves.
        using var twoHatsDesk = await app.CreateSignedInClientAsync(TwoHats);
        var refused = await PressReleaseAsync(twoHatsDesk, settlementId);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        var refusal = WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync());
        Assert.Contains($"{TwoHats}已参与本结算涉及的事项", refusal);
        Assert.DoesNotContain("cannot also release it", refusal);
        // The approver is no finance officer.
        using var approverDesk = await app.CreateSignedInClientAsync("approver1");
        Assert.Equal(HttpStatusCode.Forbidden, (await PressReleaseAsync(approverDesk, settlementId)).StatusCode);
        Assert.Equal("due", (await GetAsync(await app.CreateClientForAsync("finance1"), $"/api/vouchers/settlements/{settlementId}")).GetProperty("status").GetString());

        // finance1 releases it: back to the desk with the sentence that says so; a second press is refused, not sent again.
        var released = await PressReleaseAsync(desk, settlementId);
        Assert.Equal(HttpStatusCode.Redirect, released.StatusCode);
        var done = WebUtility.HtmlDecode(await desk.GetStringAsync(released.Headers.Location!.ToString()));
        Assert.Contains($"已批准 Demo Testing & Certification Services {cycle} 结算 ¥10,000.00", done);
        Assert.Equal(HttpStatusCode.Conflict, (await PressReleaseAsync(desk, settlementId)).StatusCode);

        using var finance = await app.CreateClientForAsync("finance1");
        await Eventually.WaitUntilAsync(async () =>
            (await GetAsync(finance, $"/api/vouchers/settlements/{settlementId}")).GetProperty("status").GetString() == "paid", "the treasury to pay the settlement");
        var paid = await GetAsync(finance, $"/api/vouchers/settlements/{settlementId}");
        Assert.Equal("finance1", paid.GetProperty("releasedBy").GetString());
        Assert.Equal(1_000_000, paid.GetProperty("amountFen").GetInt64());
    }
}
