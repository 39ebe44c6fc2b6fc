using Microsoft.Playwright;
using ProjectWorkflow.Web.Tests.Fixtures;
using static ProjectWorkflow.Web.Tests.Vouchers.VoucherApi;

namespace ProjectWorkflow.Browser.Tests;

/// <summary>
/// A voucher from quota to the provider paid, clicked through by the enterprise, the approver and the provider on
/// their voucher pages: the enterprise applies for a quota, the approver grants it on the voucher decisions page, the
/// enterprise orders a catalogue service; the provider accepts and delivers, the enterprise confirms the delivery, the
/// provider claims redemption and the approver approves the claim; it shows on the public notice without signing
/// in, and drops off it once its notice ended; after the finance officer releases the quarter's settlement on the desk and the bank pays it, the provider sees
/// it paid and the finance desk lists it. An auditor finds the pages without a button that changes anything.
/// Its own portal (its own clock), since it moves the clock to the next quarter.
/// </summary>
public sealed class VoucherJourneyTests(BrowserPortal portal) : BrowserStory(portal), IClassFixture<BrowserPortal>
{
    [Fact]
    public async Task FromAnOrderToTheSettlementPaid_ByTheEnterpriseTheProviderAndFinance()
    {
        // The enterprise applies for its innovation-voucher quota on the page.
        var enterprise = await portal.SignInAsync("enterprise1", "/portal/vouchers");
        await enterprise.GetByLabel("券种", new() { Exact = true }).SelectOptionAsync("innovation-voucher");
        await enterprise.GetByLabel("年度", new() { Exact = true }).FillAsync("2026");
        await enterprise.GetByLabel("申请额度（元）").FillAsync("100000");
        await enterprise.GetByLabel("中小企业认定证书编号").FillAsync("202631011500042");
        await enterprise.GetByLabel("法定代表人").FillAsync("周示范");
        await enterprise.GetByRole(AriaRole.Button, new() { Name = "提交额度申请" }).ClickAsync();
        await Assertions.Expect(enterprise.GetByRole(AriaRole.Status)).ToContainTextAsync("已提交额度申请");
        var quotaRow = enterprise.Locator("tr[data-quota]").Filter(new() { HasText = "审核中" }).First;
        var quotaNumber = await quotaRow.GetAttributeAsync("data-quota");

        // A department approver grants it on the voucher decisions page: ¥100,000 as asked.
        var approver = await portal.SignInAsync("approver1", "/portal/vouchers/decisions");
        var application = approver.Locator($"tr[data-quota='{quotaNumber}']");
        await Assertions.Expect(application).ToContainTextAsync("¥100,000.00");
        await Assertions.Expect(application).ToContainTextAsync("202631011500042");
        await PortalPages.ScreenshotAsync(approver, "voucher-decisions");
        Assert.Empty(await PortalPages.SeriousViolationsAsync(approver));
        await application.GetByLabel("核定额度（元）").FillAsync("100000");
        await application.GetByRole(AriaRole.Button, new() { Name = $"核定 {quotaNumber}", Exact = true }).ClickAsync();
        await Assertions.Expect(approver.GetByRole(AriaRole.Status)).ToContainTextAsync($"已核定额度申请 {quotaNumber}：¥100,000.00");
        await Assertions.Expect(approver.Locator($"tr[data-decided='{quotaNumber}']")).ToContainTextAsync("approver1");

        // The enterprise sees its balance and orders product testing from the demo provider: ¥20,000, half by voucher.
        await enterprise.ReloadAsync();
        await Assertions.Expect(enterprise.Locator($"tr[data-quota='{quotaNumber}']")).ToContainTextAsync("¥100,000.00");
        await enterprise.GetByLabel("使用的券额度").SelectOptionAsync(new SelectOptionValue { Label = await OptionLabelAsync(enterprise, "#quotaId", quotaNumber!) });
        await enterprise.GetByLabel("服务项目").SelectOptionAsync(new SelectOptionValue { Label = await OptionLabelAsync(enterprise, "#service", "创新券 · ") });
        await enterprise.GetByLabel("合同金额（元）").FillAsync("20000");
        await enterprise.GetByLabel("用券金额（元）").FillAsync("10000");
        await enterprise.GetByRole(AriaRole.Button, new() { Name = "下单" }).ClickAsync();
        await Assertions.Expect(enterprise.GetByRole(AriaRole.Status)).ToContainTextAsync("用券 ¥10,000.00");
        var orderNumber = await enterprise.Locator("tr[data-order]").Filter(new() { HasText = "待接单" }).First.GetAttributeAsync("data-order");
        await Assertions.Expect(enterprise.Locator($"tr[data-quota='{quotaNumber}']")).ToContainTextAsync("¥90,000.00");

        // The provider accepts and records the delivery; it waits for the enterprise to confirm it.
        var provider = await portal.SignInAsync("provider1", "/portal/vouchers");
        var order = provider.Locator($"tr[data-order='{orderNumber}']");
        await order.GetByRole(AriaRole.Button, new() { Name = $"接受订单 {orderNumber}" }).ClickAsync();
        await Assertions.Expect(provider.GetByRole(AriaRole.Status)).ToContainTextAsync($"已接受订单 {orderNumber}");
        await order.GetByLabel("交付成果").FillAsync("检测报告 TR-2026-117");
        await order.GetByRole(AriaRole.Button, new() { Name = $"登记交付 {orderNumber}" }).ClickAsync();
        await Assertions.Expect(provider.GetByRole(AriaRole.Status)).ToContainTextAsync($"已登记订单 {orderNumber} 的交付");
        await Assertions.Expect(order).ToContainTextAsync("待用券企业确认交付");
        await Assertions.Expect(order.GetByRole(AriaRole.Button, new() { Name = $"申请兑付 {orderNumber}" })).ToHaveCountAsync(0);

        // The enterprise confirms it received the test report.
        await enterprise.ReloadAsync();
        var bought = enterprise.Locator($"tr[data-order='{orderNumber}']");
        await Assertions.Expect(bought).ToContainTextAsync("检测报告 TR-2026-117");
        await bought.GetByRole(AriaRole.Button, new() { Name = $"确认交付 {orderNumber}" }).ClickAsync();
        await Assertions.Expect(enterprise.GetByRole(AriaRole.Status)).ToContainTextAsync($"已确认订单 {orderNumber} 的交付");
        await Assertions.Expect(enterprise.Locator($"tr[data-order='{orderNumber}']")).ToContainTextAsync("已确认交付");

        // Now the provider claims redemption with its documents.
        await provider.ReloadAsync();
        await order.GetByLabel("发票号码").FillAsync("INV-PAGE-2026-0001");
        await order.GetByLabel("服务合同").FillAsync("合同 C-117");
        await order.GetByLabel("企业付款凭证").FillAsync("企业自付部分银行回单");
        await order.GetByRole(AriaRole.Button, new() { Name = $"申请兑付 {orderNumber}" }).ClickAsync();
        await Assertions.Expect(provider.GetByRole(AriaRole.Status)).ToContainTextAsync("已提交兑付申请");
        var claim = provider.Locator("tr[data-claim]").Filter(new() { HasText = "INV-PAGE-2026-0001" });
        await Assertions.Expect(claim).ToContainTextAsync("待审核");
        var claimNumber = await claim.GetAttributeAsync("data-claim");
        await PortalPages.ScreenshotAsync(provider, "vouchers-provider-claimed");

        // The approver approves the claim on the decisions page, seeing the enterprise confirmed the delivery: it is on
        // the public notice, for anyone, without the reviewer's name.
        await approver.ReloadAsync();
        var review = approver.Locator($"tr[data-claim='{claimNumber}']");
        await Assertions.Expect(review).ToContainTextAsync("INV-PAGE-2026-0001");
        await Assertions.Expect(review).ToContainTextAsync("合同 C-117");
        await Assertions.Expect(review).Not.ToContainTextAsync("未确认");
        await review.GetByRole(AriaRole.Button, new() { Name = $"通过兑付 {claimNumber}" }).ClickAsync();
        await Assertions.Expect(approver.GetByRole(AriaRole.Status)).ToContainTextAsync($"兑付申请 {claimNumber} 已通过");
        var visitor = await portal.OpenPageAsync();
        await visitor.GotoAsync("/notice");
        var noticed = visitor.Locator($"tr[data-number='{claimNumber}']");
        await Assertions.Expect(noticed).ToContainTextAsync("Demo Testing & Certification Services");
        await Assertions.Expect(noticed).ToContainTextAsync("¥10,000.00");
        await Assertions.Expect(visitor.GetByRole(AriaRole.Heading, new() { Name = "如何提出异议" })).ToBeVisibleAsync();
        Assert.DoesNotContain("approver1", await visitor.ContentAsync());
        await PortalPages.ScreenshotAsync(visitor, "public-notice");
        Assert.Empty(await PortalPages.SeriousViolationsAsync(visitor));

        // The notice ends and the quarter turns: off the notice; the settlement opens, finance releases it, the bank pays.
        await AdvanceToNextQuarterAsync(portal);
        await visitor.ReloadAsync();
        await Assertions.Expect(visitor.Locator($"tr[data-number='{claimNumber}']")).ToHaveCountAsync(0);
        // The quarter's settlement run is the scheduled check's work (run here at once, as its job would).
        using var admin = await portal.CreateClientForAsync("admin1");
        using var finance = await portal.CreateClientForAsync("finance1");
        var run = await PostAsync(admin, "/api/vouchers/settlement-runs", new { });
        var settlement = run.GetProperty("opened").EnumerateArray().First(s => s.GetProperty("schemeKey").GetString() == "innovation-voucher");
        var settlementId = settlement.GetProperty("id").GetGuid();
        var cycle = settlement.GetProperty("cycle").GetString();
        // The finance officer releases it on the desk with one click.
        var releasing = await portal.SignInAsync("finance1", "/finance");
        await releasing.GetByRole(AriaRole.Table, new() { Name = "服务券结算待拨付" })
            .GetByRole(AriaRole.Button, new() { Name = $"批准拨付 Demo Testing & Certification Services {cycle}" }).ClickAsync();
        await Assertions.Expect(releasing.GetByRole(AriaRole.Status)).ToContainTextAsync("已发送国库");
        await Eventually.WaitUntilAsync(async () =>
            (await GetAsync(finance, $"/api/vouchers/settlements/{settlementId}")).GetProperty("status").GetString() == "paid", "the settlement to be paid");

        // A quarter later the morning's session has long expired: the provider signs in again.
        provider = await portal.SignInAsync("provider1", "/portal/vouchers");
        await Assertions.Expect(provider.Locator($"tr[data-settlement='{settlement.GetProperty("cycle").GetString()}']")).ToContainTextAsync("已到账");
        var desk = await portal.SignInAsync("finance1", "/finance");
        await Assertions.Expect(desk.GetByRole(AriaRole.Table, new() { Name = "服务券结算已拨付" })).ToContainTextAsync("Demo Testing & Certification Services");
    }

    [Fact]
    public async Task AnAdministratorAddsNextYearsVoucherRules_FromACopy_WithEachWrongFigureRefusedBesideItsField()
    {
        var admin = await portal.SignInAsync("admin1", "/portal/vouchers");
        var link = admin.Locator("a[href^='/portal/vouchers/rule-sets/innovation-voucher/new']");
        var latest = int.Parse((await link.GetAttributeAsync("href"))!.Split("from=")[1], System.Globalization.CultureInfo.InvariantCulture);
        await link.ClickAsync();
        await Assertions.Expect(admin.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync($"{latest + 1}");
        await Assertions.Expect(admin.GetByLabel("企业年度额度上限（元）")).ToHaveValueAsync("300000");
        await PortalPages.ScreenshotAsync(admin, "voucher-rule-set-form");
        Assert.Empty(await PortalPages.SeriousViolationsAsync(admin));

        // A voucher cannot pay more than the whole contract: refused beside the ratio, nothing added.
        await admin.GetByLabel("券支付合同金额的比例（0–1）").FillAsync("1.5");
        await admin.GetByRole(AriaRole.Button, new() { Name = "保存规则" }).ClickAsync();
        await Assertions.Expect(admin.GetByRole(AriaRole.Alert)).ToContainTextAsync("请修改标出的各项");
        await Assertions.Expect(admin.Locator("#f-coPaymentRatio-error")).ToBeVisibleAsync();
        await Assertions.Expect(admin.GetByLabel("券支付合同金额的比例（0–1）")).ToHaveAttributeAsync("aria-invalid", "true");

        // Corrected, with a higher cap: next year's rules are added and listed.
        await admin.GetByLabel("券支付合同金额的比例（0–1）").FillAsync("0.6");
        await admin.GetByLabel("企业年度额度上限（元）").FillAsync("400000");
        await admin.GetByRole(AriaRole.Button, new() { Name = "保存规则" }).ClickAsync();
        await Assertions.Expect(admin.GetByRole(AriaRole.Status)).ToContainTextAsync($"已新增 {latest + 1} 年服务券规则");
        var added = admin.Locator($"tr[data-rules='innovation-voucher-{latest + 1}']");
        await Assertions.Expect(added).ToContainTextAsync("¥400,000.00");
        await Assertions.Expect(added).ToContainTextAsync("0.6");
    }

    [Theory]
    [InlineData("/portal/vouchers")]
    [InlineData("/portal/vouchers/decisions")]
    [InlineData("/portal/audit")]
    [InlineData("/portal/search?q=IV")]
    [InlineData("/finance")]
    [InlineData("/portal/applications")]
    [InlineData("/portal/admin/schemes")]
    [InlineData("/portal/admin/budgets")]
    [InlineData("/portal/admin/users")]
    [InlineData("/portal/admin/providers")]
    [InlineData("/portal/admin/calendar")]
    [InlineData("/portal/admin/incidents")]
    public async Task AnAuditorFindsEveryPageReadOnly(string path)
    {
        var page = await portal.SignInAsync("auditor1", path);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToBeVisibleAsync();
        // The only posting forms are signing out and the language switch.
        var actions = await page.Locator("form[method='post']").EvaluateAllAsync<string[]>("forms => forms.map(f => f.getAttribute('action'))");
        Assert.All(actions, action => Assert.Contains(action, new[] { "/account/logout", "/account/language" }));
    }

    private static async Task<string> OptionLabelAsync(IPage page, string select, string containing)
    {
        var labels = await page.Locator($"{select} option").AllInnerTextsAsync();
        return labels.First(l => l.Contains(containing, StringComparison.Ordinal)).Trim();
    }
}
