using System.Globalization;
using Microsoft.Playwright;
using ProjectWorkflow.Web.Tests.Fixtures;
using ProjectWorkflow.Web.Tests.Funding;
using static ProjectWorkflow.Web.Tests.Funding.FundingApi;

namespace ProjectWorkflow.Browser.Tests;

/// <summary>
/// A finance officer at the finance desk: an approved green-park project's first installment waits for approval;
/// she approves it with one click, the bank pays it, and the budget shows the money as paid. Others see the desk
/// read-only or not at all.
/// </summary>
[Collection(BrowserPortalCollection.Name)]
public sealed class FinanceDeskTests(BrowserPortal portal) : BrowserStory(portal)
{
    [Fact]
    public async Task TheFinanceOfficerApprovesTheFirstInstallment_AndTheBudgetShowsItPaid()
    {
        // The scene, over the API: ¥900,000 approved, the notice passed, the agreement signed.
        var lifecycle = new LifecycleWalk(portal);
        var applicant = await lifecycle.ClientAsync("enterprise1");
        var (id, instance) = await lifecycle.ApprovedGreenParkAsync(applicant, "Heat pumps for hall 2", "310101198505050066");
        var number = (await ApplicationAsync(applicant, id)).GetProperty("number").GetString()!;
        await lifecycle.PassNoticeAsync(applicant, id, instance);
        await LifecycleWalk.SignAsync(applicant, id);

        var page = await portal.SignInAsync("finance1", "/finance");
        // The budget of the application's own scheme-year (the demo also has next year's budgets). Other stories on
        // this portal pay green-park installments too, so the desk must show this payment on top of what was paid.
        var year = (await ApplicationAsync(applicant, id)).GetProperty("year").GetInt32();
        var greenPark = page.GetByRole(AriaRole.Table, new() { Name = "预算使用" }).GetByRole(AriaRole.Row)
            .Filter(new() { HasText = "绿色园区" })
            .Filter(new() { Has = page.GetByRole(AriaRole.Cell, new() { Name = year.ToString(CultureInfo.InvariantCulture), Exact = true }) });
        var paidBefore = await PaidAsync(greenPark);

        var due = page.GetByRole(AriaRole.Table, new() { Name = "本周应付" });
        var row = due.GetByRole(AriaRole.Row).Filter(new() { HasText = number });
        await Assertions.Expect(row).ToContainTextAsync("¥450,000.00");
        await Assertions.Expect(row).ToContainTextAsync("待批准");

        await row.GetByRole(AriaRole.Button, new() { Name = $"批准拨付 {number} 第1期" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync($"已批准 {number} 第1期 ¥450,000.00");
        await Assertions.Expect(due.GetByRole(AriaRole.Row).Filter(new() { HasText = number })).ToHaveCountAsync(0);

        // The simulated bank answers; the desk shows the payment in the budget's paid column once it is booked.
        await Eventually.WaitUntilAsync(async () =>
        {
            await page.ReloadAsync();
            return await PaidAsync(greenPark) == paidBefore + 450_000m;
        }, "the first installment to be paid and booked");

        // Each list goes to Excel as a real workbook.
        var download = await page.RunAndWaitForDownloadAsync(() =>
            page.GetByRole(AriaRole.Link, new() { Name = "导出 Excel：预算使用" }).First.ClickAsync());
        Assert.Equal("budgets.xlsx", download.SuggestedFilename);
        await using var workbook = await download.CreateReadStreamAsync();
        var zip = new byte[2];
        Assert.Equal(2, await workbook.ReadAsync(zip));
        Assert.Equal("PK"u8.ToArray(), zip);
    }

    [Fact]
    public async Task AnAuditorReadsTheDeskWithoutButtons_AndAnEnterpriseIsTurnedAway()
    {
        var auditor = await portal.SignInAsync("auditor1", "/finance");
        await Assertions.Expect(auditor.GetByRole(AriaRole.Heading, new() { Name = "财务工作台" })).ToBeVisibleAsync();
        await Assertions.Expect(auditor.GetByRole(AriaRole.Button, new() { NameRegex = new("批准拨付|已收回") })).ToHaveCountAsync(0);

        var enterprise = await portal.SignInAsync("enterprise1", "/finance");
        await Assertions.Expect(enterprise.GetByRole(AriaRole.Alert)).ToContainTextAsync("本页面仅对财务、管理员和审计人员开放");
    }

    /// <summary>The budget row's paid column (the fifth: scheme, year, allocated, reserved, paid), in yuan.</summary>
    private static async Task<decimal> PaidAsync(ILocator budgetRow)
    {
        var paid = await budgetRow.GetByRole(AriaRole.Cell).Nth(4).InnerTextAsync();
        return decimal.Parse(paid.TrimStart('¥'), NumberStyles.Number, CultureInfo.InvariantCulture);
    }
}
