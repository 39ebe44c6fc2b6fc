using System.Text.RegularExpressions;
using Microsoft.Playwright;
using ProjectWorkflow.Web.Tests.Funding;

namespace ProjectWorkflow.Browser.Tests;

/// <summary>
/// An enterprise clerk fills in a green-park application in the browser: each field saves itself ("saved at"), a
/// second tab that saves over a newer draft is warned instead of overwriting it, submitting without the required
/// feasibility report is refused beside the attachments, and with it the application goes in and its timeline starts.
/// </summary>
[Collection(BrowserPortalCollection.Name)]
public sealed partial class ApplicationFormTests(BrowserPortal portal) : BrowserStory(portal)
{
    [Fact]
    public async Task TheClerkFillsInTheForm_ItSavesItself_AndSubmitsOnceTheRequiredReportIsAttached()
    {
        var page = await portal.SignInAsync("enterprise1", "/portal/applications");
        await page.GetByRole(AriaRole.Link, new() { Name = "新建申报" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "申报绿色园区" }).ClickAsync();
        await page.WaitForURLAsync(EditPage());

        await page.GetByLabel("项目名称").FillAsync("Rooftop solar and storage");
        await page.GetByLabel("建设地点").FillAsync("Fengxian");
        await page.GetByLabel("项目简介").FillAsync("Solar panels and a battery store on the hall roofs.");
        await page.GetByLabel("项目负责人", new() { Exact = true }).FillAsync("Wu Lei");
        await page.GetByLabel("项目负责人证件号码").FillAsync("310101198505050088");
        await page.GetByLabel("设备购置").FillAsync("2,000,000.00");
        await page.GetByLabel("改造前能耗（吨标准煤）").FillAsync("2000");
        await page.GetByLabel("改造后能耗（吨标准煤）").FillAsync("1500");
        await page.GetByLabel("产值（元）").FillAsync("300000000");
        await page.GetByLabel("增加值（元）").FillAsync("60000000");
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("自动保存");

        // A second tab opened earlier saves over the newer draft: it is warned, and nothing of it is saved.
        var stale = await page.Context.NewPageAsync();
        await stale.GotoAsync(page.Url);
        await page.RunAndWaitForResponseAsync(() => page.GetByLabel("工业机器人（台）").FillAsync("3"),
            response => response.Request.Method == "PUT" && response.Url.Contains("/api/applications/", StringComparison.Ordinal));
        await stale.GetByLabel("从业人数").FillAsync("120");
        await Assertions.Expect(stale.Locator("#draft-conflict")).ToContainTextAsync("已在另一个窗口或由同事保存过");
        await stale.CloseAsync();

        // Without the feasibility report the submission is refused, and the refusal stands beside the attachments.
        await Assertions.Expect(page.GetByText("必须上传：可行性研究报告")).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "提交申报书" }).ClickAsync();
        await Assertions.Expect(page.Locator("#err-attachments")).ToContainTextAsync("可行性研究报告");
        await PortalPages.ScreenshotAsync(page, "application-form-refused");

        await page.GetByLabel("附件类型").SelectOptionAsync("feasibility-report");
        await page.GetByLabel("文件", new() { Exact = true }).SetInputFilesAsync(new FilePayload { Name = "feasibility.pdf", MimeType = "application/pdf", Buffer = FundingApi.Pdf });
        await page.GetByRole(AriaRole.Button, new() { Name = "上传" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "feasibility.pdf" })).ToBeVisibleAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "提交申报书" }).ClickAsync();
        await page.WaitForURLAsync(new Regex(@"/portal/applications/[0-9a-f-]{36}$"));
        await Assertions.Expect(page.Locator("ol.timeline")).ToContainTextAsync("提交申报");
        await Assertions.Expect(page.GetByText("评审中").Or(page.GetByText("已提交")).First).ToBeVisibleAsync();
    }

    [GeneratedRegex(@"/portal/applications/[0-9a-f-]{36}/edit$")]
    private static partial Regex EditPage();
}
