using System.Net;
using System.Net.Http.Json;
using ProjectWorkflow.Web.Tests.Fixtures;
using static ProjectWorkflow.Web.Tests.Funding.FundingApi;
using static ProjectWorkflow.Web.Tests.Vouchers.VoucherApi;

namespace ProjectWorkflow.Web.Tests.Vouchers;

/// <summary>
/// The voucher's limits over HTTP: an invoice redeemed once, also across a project application and a voucher; a
/// provider related to the buyer refused; a suspended provider refused until reinstated; the quota left to the fen.
/// </summary>
public sealed class VoucherLimitTests(FundingApp app) : IClassFixture<FundingApp>
{
    private async Task<(Guid Order, HttpClient Provider)> DeliveredOrderAsync(HttpClient enterprise, HttpClient approver, HttpClient provider, long quotaFen = 2_000_000)
    {
        var quota = await GrantedQuotaAsync(enterprise, approver, "innovation-voucher", quotaFen);
        var order = await PostAsync(enterprise, "/api/vouchers/orders", new
        {
            quotaId = quota.GetProperty("id").GetGuid(), providerId = await DemoProviderAsync(enterprise), itemKey = "product-testing",
            contractValueFen = 200_000L, voucherShareFen = 100_000L,
        }, HttpStatusCode.Created);
        var id = order.GetProperty("id").GetGuid();
        await PostAsync(provider, $"/api/vouchers/orders/{id}/answer", new { accept = true });
        await PostAsync(provider, $"/api/vouchers/orders/{id}/delivery", new { deliverable = "Report" });
        await PostAsync(enterprise, $"/api/vouchers/orders/{id}/delivery-confirmation", new { });
        return (id, provider);
    }

    [Fact]
    public async Task AnInvoice_IsRedeemedOnce_AcrossVouchers_AndAcrossAProjectApplicationAndAVoucher()
    {
        using var enterprise = await app.CreateClientForAsync("enterprise1");
        using var approver = await app.CreateClientForAsync("approver1");
        using var provider = await app.CreateClientForAsync("provider1");

        // A tech-upgrade application claims invoice PRJ-77 at submission.
        var draft = await SubmitReadyAsync(enterprise, "tech-upgrade", Project("Invoice test line", invoices: ["PRJ-77"]));
        await EnterPoolAsync(app, draft);
        Assert.Equal(HttpStatusCode.OK, (await SubmitAsync(enterprise, draft.GetProperty("id").GetGuid())).StatusCode);

        var (first, _) = await DeliveredOrderAsync(enterprise, approver, provider);
        await RefusedByAsync(await provider.PostAsJsonAsync("/api/vouchers/claims", new { orderId = first, invoiceNumber = "prj-77 ", contract = "C", paymentProof = "P" }), "InvoiceAlreadyRedeemed");
        await PostAsync(provider, "/api/vouchers/claims", new { orderId = first, invoiceNumber = "VCH-1", contract = "C", paymentProof = "P" }, HttpStatusCode.Created);

        // Another voucher order cannot redeem VCH-1 again (width and case folded).
        var (second, _) = await DeliveredOrderAsync(enterprise, approver, provider);
        await RefusedByAsync(await provider.PostAsJsonAsync("/api/vouchers/claims", new { orderId = second, invoiceNumber = "ｖｃｈ－1", contract = "C", paymentProof = "P" }), "InvoiceAlreadyRedeemed");
    }

    [Fact]
    public async Task AProviderRelatedToTheBuyer_IsRefused_AndASuspendedOne_UntilReinstated()
    {
        using var enterprise = await app.CreateClientForAsync("enterprise1");
        using var approver = await app.CreateClientForAsync("approver1");
        using var admin = await app.CreateClientForAsync("admin1");
        var quota = await GrantedQuotaAsync(enterprise, approver, "innovation-voucher", 1_000_000, legalRepresentative: "Qian Related");
        var quotaId = quota.GetProperty("id").GetGuid();

        // A provider whose legal representative is the buyer's registers and is vetted: it cannot serve this buyer.
        Assert.Equal(HttpStatusCode.Created, (await admin.PostAsJsonAsync("/api/users/", new
        {
            userName = "provider-related", displayName = "Related Lab", organisation = "Related Lab", password = "Related#2026x", roles = new[] { "provider" },
        })).StatusCode);
        using var related = await app.CreateClientForAsync("provider-related", "Related#2026x");
        var lab = await PostAsync(related, "/api/vouchers/providers", new
        {
            uscc = "91310000MA1FL4UJ5Y", name = "Related Lab", legalRepresentative = "Qian Related", bankName = "Bank", accountNumber = "6222000011112222",
        }, HttpStatusCode.Created);
        var labId = lab.GetProperty("id").GetGuid();
        var order = new { quotaId, providerId = labId, itemKey = "product-testing", contractValueFen = 200_000L, voucherShareFen = 100_000L };
        await RefusedByAsync(await enterprise.PostAsJsonAsync("/api/vouchers/orders", order), "ProviderSuspended"); // not vetted yet
        await PostAsync(admin, $"/api/vouchers/providers/{labId}/vet", new { });
        await RefusedByAsync(await enterprise.PostAsJsonAsync("/api/vouchers/orders", order), "RelatedProvider");

        // The demo provider, suspended with a reason, takes no order until reinstated.
        var demo = await DemoProviderAsync(enterprise);
        var toDemo = order with { providerId = demo };
        await PostAsync(admin, $"/api/vouchers/providers/{demo}/suspend", new { reason = "test reports under review" });
        await RefusedByAsync(await enterprise.PostAsJsonAsync("/api/vouchers/orders", toDemo), "ProviderSuspended");
        await PostAsync(admin, $"/api/vouchers/providers/{demo}/reinstate", new { reason = "review closed" });
        await PostAsync(enterprise, "/api/vouchers/orders", toDemo, HttpStatusCode.Created);
    }

    [Fact]
    public async Task TheQuotaLeft_IsDrawnToTheFen_AndOneFenMoreIsRefused()
    {
        using var enterprise = await app.CreateClientForAsync("enterprise1");
        using var approver = await app.CreateClientForAsync("approver1");
        var quota = await GrantedQuotaAsync(enterprise, approver, "four-new-voucher", 1_500_001);
        var quotaId = quota.GetProperty("id").GetGuid();
        var providerId = await DemoProviderAsync(enterprise);
        await PostAsync(enterprise, "/api/vouchers/orders", new { quotaId, providerId, itemKey = "brand-design", contractValueFen = 3_000_000L, voucherShareFen = 1_500_000L }, HttpStatusCode.Created);
        await RefusedByAsync(await enterprise.PostAsJsonAsync("/api/vouchers/orders", new { quotaId, providerId, itemKey = "brand-design", contractValueFen = 10L, voucherShareFen = 2L }), "VoucherQuotaExceeded");
        var last = await PostAsync(enterprise, "/api/vouchers/orders", new { quotaId, providerId, itemKey = "brand-design", contractValueFen = 3L, voucherShareFen = 1L }, HttpStatusCode.Created);
        Assert.Equal(1, last.GetProperty("voucherShareFen").GetInt64());
        Assert.Equal(0, (await GetAsync(enterprise, $"/api/vouchers/quotas/{quotaId}")).GetProperty("remainingFen").GetInt64());
    }
}
