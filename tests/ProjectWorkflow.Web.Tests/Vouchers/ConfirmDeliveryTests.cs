using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ProjectWorkflow.Web.Tests.Fixtures;
using static ProjectWorkflow.Web.Tests.Vouchers.VoucherApi;

namespace ProjectWorkflow.Web.Tests.Vouchers;

/// <summary>
/// The enterprise confirms the delivery of a service it ordered (确认交付) before its provider may claim the voucher's
/// share: the claim of a delivered but unconfirmed order is refused by DeliveryNotConfirmed; only the buyer confirms,
/// once; the confirmation is audited; a rejected claim may be claimed again without a second confirmation.
/// </summary>
public sealed class ConfirmDeliveryTests(FundingApp app) : IClassFixture<FundingApp>
{
    [Fact]
    public async Task ConfirmDelivery_TheProviderClaimsOnlyWhatTheEnterpriseConfirmedItReceived()
    {
        using var enterprise = await app.CreateClientForAsync("enterprise1");
        using var approver = await app.CreateClientForAsync("approver1");
        using var provider = await app.CreateClientForAsync("provider1");
        using var auditor = await app.CreateClientForAsync("auditor1");
        using var admin = await app.CreateClientForAsync("admin1");

        // The enterprise orders a test; the provider accepts and records the delivery.
        var quotaId = (await GrantedQuotaAsync(enterprise, approver, "innovation-voucher", 2_000_000)).GetProperty("id").GetGuid();
        var order = await PostAsync(enterprise, "/api/vouchers/orders", new
        {
            quotaId, providerId = await DemoProviderAsync(enterprise), itemKey = "product-testing", contractValueFen = 300_000L, voucherShareFen = 150_000L,
        }, HttpStatusCode.Created);
        var orderId = order.GetProperty("id").GetGuid();
        var number = order.GetProperty("number").GetString()!;
        await PostAsync(provider, $"/api/vouchers/orders/{orderId}/answer", new { accept = true });

        // Nothing to confirm before the delivery.
        await ProblemAssert.IsProblemAsync(await enterprise.PostAsync($"/api/vouchers/orders/{orderId}/delivery-confirmation", null), HttpStatusCode.Conflict);
        await PostAsync(provider, $"/api/vouchers/orders/{orderId}/delivery", new { deliverable = "Test report TR-88" });

        // Delivered but not confirmed: the provider's claim is refused in the rule's words, and nothing is claimed.
        var claim = new { orderId, invoiceNumber = "INV-CONFIRM-0001", contract = "Contract C-88", paymentProof = "Bank slip" };
        await RefusedByAsync(await provider.PostAsJsonAsync("/api/vouchers/claims", claim), "DeliveryNotConfirmed");
        Assert.Equal("delivered", (await GetAsync(enterprise, $"/api/vouchers/orders/{orderId}")).GetProperty("status").GetString());

        // Only the buyer confirms: not the provider, not an enterprise user of another enterprise.
        Assert.Equal(HttpStatusCode.Forbidden, (await provider.PostAsync($"/api/vouchers/orders/{orderId}/delivery-confirmation", null)).StatusCode);
        var created = await admin.PostAsJsonAsync("/api/users", new { userName = "stranger1", displayName = "Stranger", password = "Stranger#2026pw", roles = new[] { "enterprise" } });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        using var stranger = await app.CreateClientForAsync("stranger1", "Stranger#2026pw");
        await ProblemAssert.IsProblemAsync(await stranger.PostAsync($"/api/vouchers/orders/{orderId}/delivery-confirmation", null), HttpStatusCode.NotFound);

        // The enterprise confirms, once.
        var confirmed = await PostAsync(enterprise, $"/api/vouchers/orders/{orderId}/delivery-confirmation", new { });
        Assert.Equal("confirmed", confirmed.GetProperty("status").GetString());
        Assert.True(confirmed.TryGetProperty("confirmedAt", out var at) && at.ValueKind == JsonValueKind.String);
        await ProblemAssert.IsProblemAsync(await enterprise.PostAsync($"/api/vouchers/orders/{orderId}/delivery-confirmation", null), HttpStatusCode.Conflict);

        // Now the claim goes in; rejected, the order may be claimed again without confirming twice.
        var claimId = (await PostAsync(provider, "/api/vouchers/claims", claim, HttpStatusCode.Created)).GetProperty("id").GetGuid();
        await PostAsync(approver, $"/api/vouchers/claims/{claimId}/review", new { approve = false, reason = "The invoice is not the contract's." });
        Assert.Equal("confirmed", (await GetAsync(enterprise, $"/api/vouchers/orders/{orderId}")).GetProperty("status").GetString());
        await PostAsync(provider, "/api/vouchers/claims", claim with { invoiceNumber = "INV-CONFIRM-0002" }, HttpStatusCode.Created);

        // The auditor finds who confirmed, when.
        await Eventually.WaitUntilAsync(async () =>
        {
            var audit = await auditor.GetFromJsonAsync<JsonElement>($"/api/audit?objectId={Uri.EscapeDataString(number)}&action=voucher-order.delivery-confirmed");
            return audit.GetProperty("entries").EnumerateArray().Any(e => e.GetProperty("actor").GetString() == "enterprise1");
        }, "the confirmation's audit entry");
    }
}
