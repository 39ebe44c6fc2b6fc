using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ProjectWorkflow.Application.Notifications;
using ProjectWorkflow.Application.Persistence;
using ProjectWorkflow.Application.Vouchers;
using ProjectWorkflow.Web.Tests.Fixtures;
using static ProjectWorkflow.Web.Tests.Vouchers.VoucherApi;

namespace ProjectWorkflow.Web.Tests.Vouchers;

/// <summary>
/// A voucher per scheme over HTTP with the demo users: the enterprise applies for a quota, the approver grants it
/// (reserved in the voucher budget), the enterprise orders a service from the demo provider, the provider accepts,
/// delivers and claims redemption, the approver approves the claim, its notice passes, the quarterly settlement opens
/// one payment order for the provider (run twice: still one), a finance officer releases it and the treasury pays.
/// Amounts to the fen.
/// </summary>
public sealed class VoucherStoryTests(FundingApp app) : IClassFixture<FundingApp>
{
    [Theory]
    [InlineData("innovation-voucher", "product-testing", 4_691_357L, 2_345_678L, "INV-IV-2026-0001")]
    [InlineData("four-new-voucher", "digital-diagnosis", 4_000_000L, 2_000_000L, "INV-FN-2026-0001")]
    public async Task FromQuotaToProviderPaid(string scheme, string item, long contractFen, long shareFen, string invoice)
    {
        using var enterprise = await app.CreateClientForAsync("enterprise1");
        using var approver = await app.CreateClientForAsync("approver1");
        using var provider = await app.CreateClientForAsync("provider1");
        using var finance = await app.CreateClientForAsync("finance1");
        using var admin = await app.CreateClientForAsync("admin1");
        var budgetBefore = await BudgetAsync(finance, scheme);

        // The quota is granted and reserved in the scheme-year's voucher budget.
        var quota = await GrantedQuotaAsync(enterprise, approver, scheme, 10_000_000);
        var quotaId = quota.GetProperty("id").GetGuid();
        var reserved = await BudgetAsync(finance, scheme);
        Assert.Equal(budgetBefore.GetProperty("reservedFen").GetInt64() + 10_000_000, reserved.GetProperty("reservedFen").GetInt64());
        Assert.Equal(budgetBefore.GetProperty("availableFen").GetInt64() - 10_000_000, reserved.GetProperty("availableFen").GetInt64());

        // The order draws the voucher's share: one fen more than the ratio (or the per-claim cap) allows is refused.
        var providerId = await DemoProviderAsync(enterprise);
        var overRule = scheme == "four-new-voucher" ? "PerClaimCapExceeded" : "VoucherShareExceedsRatio";
        var overContract = scheme == "four-new-voucher" ? contractFen * 2 : contractFen;
        await RefusedByAsync(await enterprise.PostAsJsonAsync("/api/vouchers/orders", new { quotaId, providerId, itemKey = item, contractValueFen = overContract, voucherShareFen = shareFen + 1 }), overRule);
        var order = await PostAsync(enterprise, "/api/vouchers/orders", new { quotaId, providerId, itemKey = item, contractValueFen = contractFen, voucherShareFen = shareFen }, HttpStatusCode.Created);
        var orderId = order.GetProperty("id").GetGuid();
        Assert.Equal(contractFen - shareFen, order.GetProperty("ownShareFen").GetInt64());
        Assert.Equal(10_000_000 - shareFen, (await GetAsync(enterprise, $"/api/vouchers/quotas/{quotaId}")).GetProperty("remainingFen").GetInt64());

        // The provider accepts and delivers; the enterprise confirms the delivery; the provider claims with every
        // document; the approver approves; the notice runs.
        Assert.Equal("accepted", (await PostAsync(provider, $"/api/vouchers/orders/{orderId}/answer", new { accept = true })).GetProperty("status").GetString());
        Assert.Equal("delivered", (await PostAsync(provider, $"/api/vouchers/orders/{orderId}/delivery", new { deliverable = "Report TR-2026-117" })).GetProperty("status").GetString());
        Assert.Equal("confirmed", (await PostAsync(enterprise, $"/api/vouchers/orders/{orderId}/delivery-confirmation", new { })).GetProperty("status").GetString());
        var claim = await PostAsync(provider, "/api/vouchers/claims", new { orderId, invoiceNumber = invoice, contract = "Contract C-117", paymentProof = "Bank slip of the buyer's own share" }, HttpStatusCode.Created);
        Assert.Equal("submitted", claim.GetProperty("status").GetString());
        Assert.Equal(shareFen, claim.GetProperty("amountFen").GetInt64());
        var claimId = claim.GetProperty("id").GetGuid();
        var approved = await PostAsync(approver, $"/api/vouchers/claims/{claimId}/review", new { approve = true });
        Assert.Equal("in-notice", approved.GetProperty("status").GetString());

        // After the quarter: the settlement run opens one order for the provider; run again, and on two threads, still one.
        await AdvanceToNextQuarterAsync(app);
        var run = await PostAsync(admin, "/api/vouchers/settlement-runs", new { });
        var settlement = Assert.Single(run.GetProperty("opened").EnumerateArray(), s => s.GetProperty("schemeKey").GetString() == scheme);
        Assert.Equal(shareFen, settlement.GetProperty("amountFen").GetInt64());
        Assert.Equal(1, settlement.GetProperty("claimCount").GetInt32());
        Assert.Empty((await PostAsync(admin, "/api/vouchers/settlement-runs", new { })).GetProperty("opened").EnumerateArray());
        await Task.WhenAll(InScopeAsync(app, s => s.GetRequiredService<OpenSettlements>().RunForAsync(null, default)),
                           InScopeAsync(app, s => s.GetRequiredService<OpenSettlements>().RunForAsync(null, default)));
        var settlementId = settlement.GetProperty("id").GetGuid();
        Assert.Single((await GetAsync(finance, "/api/vouchers/settlements")).EnumerateArray(), s => s.GetProperty("id").GetGuid() == settlementId);
        Assert.Contains((await GetAsync(finance, "/api/vouchers/views/voucher-settlements-due")).EnumerateArray(), s => s.GetProperty("id").GetGuid() == settlementId);

        // The approver who reviewed the claim cannot release it; finance does, once; the treasury pays the provider.
        Assert.Equal(HttpStatusCode.Forbidden, (await approver.PostAsync($"/api/vouchers/settlements/{settlementId}/release", null)).StatusCode);
        await PostAsync(finance, $"/api/vouchers/settlements/{settlementId}/release", new { });
        await ProblemAssert.IsProblemAsync(await finance.PostAsync($"/api/vouchers/settlements/{settlementId}/release", null), HttpStatusCode.Conflict);
        var paid = await Eventually.WaitForAsync(async () =>
        {
            var s = await GetAsync(finance, $"/api/vouchers/settlements/{settlementId}");
            return s.GetProperty("status").GetString() == "paid" ? (object)s : null;
        }, "the treasury to pay the settlement");
        Assert.NotNull(paid);

        // The budget booked the payment against the quota's reservation, to the fen; the quota shows it redeemed.
        var after = await BudgetAsync(finance, scheme);
        Assert.Equal(budgetBefore.GetProperty("paidFen").GetInt64() + shareFen, after.GetProperty("paidFen").GetInt64());
        Assert.Equal(budgetBefore.GetProperty("reservedFen").GetInt64() + 10_000_000 - shareFen, after.GetProperty("reservedFen").GetInt64());
        Assert.Equal(shareFen, (await GetAsync(enterprise, $"/api/vouchers/quotas/{quotaId}")).GetProperty("redeemedFen").GetInt64());
        Assert.Equal("settled", (await GetAsync(provider, $"/api/vouchers/orders/{orderId}")).GetProperty("status").GetString());
        Assert.Contains((await GetAsync(finance, "/api/vouchers/views/voucher-settlements-paid")).EnumerateArray(), s => s.GetProperty("id").GetGuid() == settlementId);
        var desk = await finance.GetStringAsync("/finance/");
        Assert.Contains("id=\"voucher-settlements-paid\"", desk);
        Assert.Contains("/api/vouchers/exports/voucher-settlements-due.xlsx", desk);
        Assert.Contains(settlement.GetProperty("cycle").GetString()!, desk);
        var workbook = await finance.GetAsync("/api/vouchers/exports/voucher-settlements-paid.xlsx");
        Assert.Equal(HttpStatusCode.OK, workbook.StatusCode);
        Assert.True((await workbook.Content.ReadAsByteArrayAsync()).Length > 0);

        // The enterprise and the provider were told: granted, redeemed, paid.
        await Eventually.WaitUntilAsync(() => InScopeAsync(app, async s =>
        {
            var kinds = await s.GetRequiredService<ProjectWorkflowDbContext>().Set<Notification>()
                .Where(n => n.Kind == NotificationKinds.Voucher).Select(n => n.Recipient + ":" + n.BusinessKey).ToListAsync();
            return kinds.Contains("enterprise1:" + quota.GetProperty("number").GetString())
                && kinds.Contains("provider1:" + claim.GetProperty("number").GetString())
                && kinds.Contains("provider1:" + settlement.GetProperty("cycle").GetString());
        }), "the voucher notifications");
    }
}
