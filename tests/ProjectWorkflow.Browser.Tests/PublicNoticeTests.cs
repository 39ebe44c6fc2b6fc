using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using ProjectWorkflow.Funding.Calendar;
using ProjectWorkflow.Web.Tests.Fixtures;
using ProjectWorkflow.Web.Tests.Funding;
using static ProjectWorkflow.Web.Tests.Funding.FundingApi;
using static ProjectWorkflow.Web.Tests.Vouchers.VoucherApi;

namespace ProjectWorkflow.Browser.Tests;

/// <summary>
/// The public notice (名单公示) read by a visitor who never signs in: a project approved today is listed with its
/// amount and the day its notice ends, one whose notice ended is not; the same for voucher redemptions; a signed
/// objection filed against the listed project leaves no trace of its objector on the page.
/// </summary>
[Collection(BrowserPortalCollection.Name)]
public sealed class PublicNoticeTests(BrowserPortal portal) : BrowserStory(portal)
{
    private const string Objector = "异议人王五 Wang Wu";

    [Fact]
    public async Task TheNoticeListsAProjectInItsNotice_AndNotOneWhoseNoticeEnded()
    {
        // The scene, over the API: a project and a voucher claim approved, their notices run out; then another of each.
        var lifecycle = new LifecycleWalk(portal);
        var applicant = await lifecycle.ClientAsync("enterprise1");
        await lifecycle.ClientAsync("admin1");   // made before the clock moves: PassNoticeAsync reads the notice end with it
        var approver = await lifecycle.ClientAsync("approver1");
        var provider = await lifecycle.ClientAsync("provider1");
        var (ended, endedInstance) = await lifecycle.ApprovedGreenParkAsync(applicant, Unique("Notice ended: boilers"), "310101198808080113");
        var endedClaim = await ClaimInNoticeAsync(applicant, approver, provider);
        await lifecycle.PassNoticeAsync(applicant, ended, endedInstance);

        var (listed, _) = await lifecycle.ApprovedGreenParkAsync(applicant, Unique("In notice: heat pumps"), "310101199009090221");
        var listedClaim = await ClaimInNoticeAsync(applicant, approver, provider);
        var objection = await provider.PostAsJsonAsync($"/api/applications/{listed}/objections",
            new { objectorName = Objector, objectorOrganisation = "某某设备有限公司", signed = true, content = "The investment figures look inflated." });
        Assert.True(objection.IsSuccessStatusCode, await objection.Content.ReadAsStringAsync());
        var listedNumber = (await ApplicationAsync(applicant, listed)).GetProperty("number").GetString()!;
        var endedNumber = (await ApplicationAsync(applicant, ended)).GetProperty("number").GetString()!;

        // A visitor, not signed in, reads the notice.
        var visitor = await portal.OpenPageAsync();
        await visitor.GotoAsync("/notice");
        var project = visitor.Locator($"tr[data-number='{listedNumber}']");
        await Assertions.Expect(project).ToContainTextAsync("In notice: heat pumps");
        await Assertions.Expect(project).ToContainTextAsync("¥900,000.00");
        await Assertions.Expect(project).ToContainTextAsync("绿色园区");
        await Assertions.Expect(visitor.Locator($"tr[data-number='{endedNumber}']")).ToHaveCountAsync(0);
        var voucher = visitor.Locator($"tr[data-number='{listedClaim}']");
        await Assertions.Expect(voucher).ToContainTextAsync("Demo Testing & Certification Services");
        await Assertions.Expect(voucher).ToContainTextAsync("¥5,000.00");
        await Assertions.Expect(visitor.Locator($"tr[data-number='{endedClaim}']")).ToHaveCountAsync(0);

        // Each listed line stands under the heading of the day its notice period ends; the page says how to object.
        var period = visitor.Locator("section[data-ends]").Filter(new() { Has = project });
        Assert.False(string.IsNullOrEmpty(await period.GetAttributeAsync("data-ends")));
        await Assertions.Expect(period.GetByRole(AriaRole.Heading, new() { Level = 2 })).ToContainTextAsync(await period.GetAttributeAsync("data-ends") ?? "?");
        await Assertions.Expect(visitor.GetByRole(AriaRole.Heading, new() { Name = "如何提出异议" })).ToBeVisibleAsync();

        // Neither the objector nor anyone who reviewed is named.
        var content = await visitor.ContentAsync();
        Assert.DoesNotContain("Wang Wu", content);
        Assert.DoesNotContain("异议人王五", content);
        Assert.DoesNotContain("某某设备有限公司", content);
        Assert.DoesNotContain("approver1", content);
        Assert.DoesNotContain("inflated", content);
        await PortalPages.ScreenshotAsync(visitor, "public-notice-periods");
        Assert.Empty(await PortalPages.SeriousViolationsAsync(visitor));
    }

    /// <summary>A ¥5,000 innovation-voucher redemption of the demo provider approved today: in notice for the scheme's days.</summary>
    private async Task<string> ClaimInNoticeAsync(HttpClient enterprise, HttpClient approver, HttpClient provider)
    {
        var year = ShanghaiDate.Of(portal.Clock.GetUtcNow()).Year;
        var quotaId = (await GrantedQuotaAsync(enterprise, approver, "innovation-voucher", 1_000_000, year: year)).GetProperty("id").GetGuid();
        var orderId = (await PostAsync(enterprise, "/api/vouchers/orders", new
        {
            quotaId, providerId = await DemoProviderAsync(enterprise), itemKey = "product-testing", contractValueFen = 1_000_000L, voucherShareFen = 500_000L,
        }, HttpStatusCode.Created)).GetProperty("id").GetGuid();
        await PostAsync(provider, $"/api/vouchers/orders/{orderId}/answer", new { accept = true });
        await PostAsync(provider, $"/api/vouchers/orders/{orderId}/delivery", new { deliverable = "Test report" });
        await PostAsync(enterprise, $"/api/vouchers/orders/{orderId}/delivery-confirmation", new { });
        var claim = await PostAsync(provider, "/api/vouchers/claims", new { orderId, invoiceNumber = $"NTC-{Guid.NewGuid():N}"[..20], contract = "Contract", paymentProof = "Bank slip" },
            HttpStatusCode.Created);
        var approved = await PostAsync(approver, $"/api/vouchers/claims/{claim.GetProperty("id").GetGuid()}/review", new { approve = true });
        Assert.Equal("in-notice", approved.GetProperty("status").GetString());
        return claim.GetProperty("number").GetString()!;
    }

    private static string Unique(string name) => $"{name} {Guid.NewGuid():N}"[..30];
}
