using System.Net;
using System.Net.Http.Json;
using ProjectWorkflow.Web.Tests.Fixtures;
using static ProjectWorkflow.Web.Tests.Vouchers.VoucherApi;

namespace ProjectWorkflow.Web.Tests.Vouchers;

/// <summary>
/// ListVoucherDecisions, as the department approver's voucher page shows it: a quota application waiting with what was
/// asked, a claim waiting with its order, documents and when the buyer confirmed the delivery, each with its buttons for
/// the approver; an auditor reads the same page without a button; the buyer and the provider do not reach it.
/// </summary>
public sealed class VoucherDecisionsPageTests(FundingApp app) : IClassFixture<FundingApp>
{
    [Fact]
    public async Task ListVoucherDecisions_ShowsTheApproverWhatWaits_AndTheAuditorReadsItWithoutAButton()
    {
        using var enterprise = await app.CreateClientForAsync("enterprise1");
        using var approver = await app.CreateClientForAsync("approver1");
        using var provider = await app.CreateClientForAsync("provider1");
        using var auditor = await app.CreateClientForAsync("auditor1");

        // One quota application waits; another quota is granted and its order claimed after the buyer confirmed it.
        var waiting = await PostAsync(enterprise, "/api/vouchers/quotas", new
        {
            schemeKey = "four-new-voucher", year = 2026, applicantKind = "certified-sme", requestedFen = 3_456_789L,
            certificateNumber = "202631011500042", legalRepresentative = "Zhou Demo",
        }, HttpStatusCode.Created);
        var quotaId = (await GrantedQuotaAsync(enterprise, approver, "innovation-voucher", 2_000_000)).GetProperty("id").GetGuid();
        var orderId = (await PostAsync(enterprise, "/api/vouchers/orders", new
        {
            quotaId, providerId = await DemoProviderAsync(enterprise), itemKey = "product-testing", contractValueFen = 246_800L, voucherShareFen = 123_400L,
        }, HttpStatusCode.Created)).GetProperty("id").GetGuid();
        await PostAsync(provider, $"/api/vouchers/orders/{orderId}/answer", new { accept = true });
        await PostAsync(provider, $"/api/vouchers/orders/{orderId}/delivery", new { deliverable = "Diagnosis report DR-5" });
        await PostAsync(enterprise, $"/api/vouchers/orders/{orderId}/delivery-confirmation", new { });
        var claim = await PostAsync(provider, "/api/vouchers/claims", new { orderId, invoiceNumber = "INV-DESK-0005", contract = "Contract DR-5", paymentProof = "Slip DR-5" },
            HttpStatusCode.Created);
        var claimNumber = claim.GetProperty("number").GetString()!;
        var quotaNumber = waiting.GetProperty("number").GetString()!;

        var page = WebUtility.HtmlDecode(await approver.GetStringAsync("/portal/vouchers/decisions"));
        Assert.Contains($"data-quota=\"{quotaNumber}\"", page);
        Assert.Contains("¥34,567.89", page);
        Assert.Contains($"/portal/vouchers/quotas/{waiting.GetProperty("id").GetGuid()}/decision", page);
        Assert.Contains($"data-claim=\"{claimNumber}\"", page);
        foreach (var shown in new[] { "INV-DESK-0005", "Contract DR-5", "Slip DR-5", "Diagnosis report DR-5", "¥2,468.00", "¥1,234.00" })
            Assert.Contains(shown, page);
        Assert.Contains($"/portal/vouchers/claims/{claim.GetProperty("id").GetGuid()}/review", page);
        Assert.Contains("data-decided=", page);

        // The auditor reads the same lines, with no form but signing out and the language switch.
        var read = WebUtility.HtmlDecode(await auditor.GetStringAsync("/portal/vouchers/decisions"));
        Assert.Contains($"data-claim=\"{claimNumber}\"", read);
        Assert.DoesNotContain("/decision\"", read);
        Assert.DoesNotContain("/review\"", read);

        Assert.Equal(HttpStatusCode.Forbidden, (await enterprise.GetAsync("/portal/vouchers/decisions")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await provider.GetAsync("/portal/vouchers/decisions")).StatusCode);
    }
}
