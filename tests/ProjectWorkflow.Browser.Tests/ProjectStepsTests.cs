using Microsoft.Playwright;
using ProjectWorkflow.Web.Tests.Funding;
using static ProjectWorkflow.Web.Tests.Funding.FundingApi;

namespace ProjectWorkflow.Browser.Tests;

/// <summary>
/// A funded green-park project while it is built, as its clerk works it on the project page: the first installment
/// among the payments received, an extension asked for (too long first: refused in Chinese only), the quarterly
/// progress report once it is due (an amount with a third decimal first: refused in Chinese only), and the acceptance
/// request with the audit report attached.
/// </summary>
[Collection(ProjectStepsPortalCollection.Name)]
public sealed class ProjectStepsTests(BrowserPortal portal) : BrowserStory(portal)
{
    [Fact]
    public async Task TheClerkAsksForAnExtension_FilesTheQuarterlyReport_AndRequestsAcceptance()
    {
        // The scene, over the API: ¥900,000 approved, the notice passed, the agreement signed, ¥450,000 paid.
        var lifecycle = new LifecycleWalk(portal);
        var applicant = await lifecycle.ClientAsync("enterprise1");
        await lifecycle.ClientAsync("finance1");
        var (id, _) = await lifecycle.ApprovedGreenParkAsync(applicant, "Heat pumps for hall 7", "310101198505050133");
        var number = (await ApplicationAsync(applicant, id)).GetProperty("number").GetString()!;
        await portal.AdvanceAsync(TimeSpan.FromDays(9));
        await LifecycleWalk.SignAsync(applicant, id);
        await lifecycle.PayNextInstallmentAsync(id, number);

        var page = await portal.SignInAsync("enterprise1", $"/portal/applications/{id}/project");
        await Assertions.Expect(page.GetByRole(AriaRole.Table, new() { Name = "已收到的资金" })).ToContainTextAsync("¥450,000.00");

        // An extension of 18 months is longer than the rules allow: the rule's sentence, in Chinese alone.
        await page.GetByLabel("延期月数（延期时填写）").FillAsync("18");
        await page.GetByLabel("变更理由").FillAsync("The heat pump supplier delivers late.");
        await page.GetByRole(AriaRole.Button, new() { Name = "提交变更申请" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToHaveTextAsync("延期时长应为1至12个月，申请为18个月。");
        await page.GetByLabel("延期月数（延期时填写）").FillAsync("6");
        await page.GetByLabel("变更理由").FillAsync("The heat pump supplier delivers late.");
        await page.GetByRole(AriaRole.Button, new() { Name = "提交变更申请" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("变更申请已提交，待主管部门审核。");
        await Assertions.Expect(page.GetByRole(AriaRole.Table, new() { Name = "变更申请" })).ToContainTextAsync("审核中");
        await PortalPages.ScreenshotAsync(page, "project-building");
        Assert.Empty(await PortalPages.SeriousViolationsAsync(page));

        // Three months on, the quarterly report is due.
        await portal.AdvanceAsync(TimeSpan.FromDays(92));
        page = await portal.SignInAsync("enterprise1", $"/portal/applications/{id}/project");
        // A third decimal in yuan is refused before anything is filed: the page's own sentence, in Chinese alone.
        await page.GetByLabel("累计完成投资（元）").FillAsync("1,200,000.005");
        await page.GetByLabel("完成比例（%）").FillAsync("40");
        await page.GetByLabel("进展情况").FillAsync("Two of five heat pumps are installed.");
        await page.GetByRole(AriaRole.Button, new() { Name = "提交报告" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToHaveTextAsync("金额请填写元，最多两位小数。");
        await page.GetByLabel("累计完成投资（元）").FillAsync("1,200,000.00");
        await page.GetByLabel("完成比例（%）").FillAsync("40");
        await page.GetByLabel("进展情况").FillAsync("Two of five heat pumps are installed.");
        await page.GetByRole(AriaRole.Button, new() { Name = "提交报告" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("进度报告已提交。");
        await Assertions.Expect(page.GetByRole(AriaRole.Table, new() { Name = "已提交的报告" })).ToContainTextAsync("¥1,200,000.00");

        // The project is done: the clerk requests acceptance with the actual investment and the audit report.
        await page.GetByLabel("设备购置").FillAsync("3,000,000.00");
        await page.GetByLabel("专项审计报告").SetInputFilesAsync(new FilePayload { Name = "audit.pdf", MimeType = "application/pdf", Buffer = Pdf });
        await page.GetByLabel("完成情况说明").FillAsync("All five heat pumps run; the boilers are gone.");
        await PortalPages.ScreenshotAsync(page, "project-acceptance");
        await page.GetByRole(AriaRole.Button, new() { Name = "提交验收申请" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("验收申请已提交。");
        await Assertions.Expect(page.GetByRole(AriaRole.Table, new() { Name = "验收申请" })).ToContainTextAsync("¥3,000,000.00");
        Assert.Equal("acceptance-requested", await LifecycleWalk.StatusAsync(applicant, id));
    }
}

/// <summary>The building steps move the clock by months: a portal of their own, after the other browser tests.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ProjectStepsPortalCollection : ICollectionFixture<BrowserPortal>
{
    public const string Name = "project steps";
}
