using Microsoft.Playwright;
using ProjectWorkflow.Web.Tests.Funding;
using static ProjectWorkflow.Web.Tests.Funding.FundingApi;

namespace ProjectWorkflow.Browser.Tests;

/// <summary>
/// A district reviewer works a task in the browser: the green-park application waits in her group's inbox; she opens
/// it, claims it, fills in the step's form (rendered by form-js from the schema the server validates against) and
/// sends it; the task leaves her inbox, and the applicant reads on the timeline that the review moved on.
/// </summary>
[Collection(BrowserPortalCollection.Name)]
public sealed class TaskFormTests(BrowserPortal portal) : BrowserStory(portal)
{
    [Fact]
    public async Task TheReviewerClaimsTheDistrictReview_FillsItsForm_AndTheApplicantSeesTheTimelineMove()
    {
        var lifecycle = new LifecycleWalk(portal);
        var applicant = await lifecycle.ClientAsync("enterprise1");
        var (id, _) = await new ReviewWalk(portal).SubmitAsync(applicant, "green-park", new
        {
            projectName = "Waste heat recovery", site = "Jinshan", description = "Recovers waste heat from the kilns.", projectLeaderName = "Zhou Min",
            projectLeaderIdentity = "310101198505050077", inProjectPool = false, equipmentFen = 200_000_000L, energyBeforeTce = 2_000m, energyAfterTce = 1_200m,
            outputFen = 30_000_000_000L, valueAddedFen = 6_000_000_000L, robots = 2,
        });
        var number = (await ApplicationAsync(applicant, id)).GetProperty("number").GetString()!;

        var page = await portal.SignInAsync("reviewer1", "/portal/tasks?tab=candidate");
        var row = page.GetByRole(AriaRole.Row).Filter(new() { HasText = number });
        await row.GetByRole(AriaRole.Link).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "认领任务" }).ClickAsync();

        // The form-js viewer renders the step's form; its required choice is a radio group.
        await page.GetByLabel("推荐 Recommend").CheckAsync();
        await PortalPages.ScreenshotAsync(page, "task-district-review");
        await page.GetByRole(AriaRole.Button, new() { Name = "提交", Exact = true }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("任务已办结。");
        await Assertions.Expect(page.GetByRole(AriaRole.Row).Filter(new() { HasText = number })).ToHaveCountAsync(0);

        var enterprise = await portal.SignInAsync("enterprise1", $"/portal/applications/{id}");
        await Assertions.Expect(enterprise.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync(number);
        await Assertions.Expect(enterprise.Locator("ol.timeline")).ToContainTextAsync("提交申报");
        await PortalPages.ScreenshotAsync(enterprise, "application-timeline");
    }

    [Fact]
    public async Task TheReviewerCopiesTheTaskToAnApprover_ThenReleasesItToHerGroup()
    {
        var applicant = await new LifecycleWalk(portal).ClientAsync("enterprise1");
        var (id, _) = await new ReviewWalk(portal).SubmitAsync(applicant, "green-park", new
        {
            projectName = "Compressed air leak repair", site = "Songjiang", description = "Finds and fixes compressed air leaks.", projectLeaderName = "Qian Hao",
            projectLeaderIdentity = "310101198505050099", inProjectPool = false, equipmentFen = 100_000_000L, energyBeforeTce = 1_000m, energyAfterTce = 700m,
            outputFen = 20_000_000_000L, valueAddedFen = 4_000_000_000L, robots = 1,
        });
        var number = (await ApplicationAsync(applicant, id)).GetProperty("number").GetString()!;

        var page = await portal.SignInAsync("reviewer1", "/portal/tasks?tab=candidate");
        await page.GetByRole(AriaRole.Row).Filter(new() { HasText = number }).GetByRole(AriaRole.Link).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "认领任务" }).ClickAsync();

        await page.Locator("#copy-to-users").FillAsync("approver1");
        await page.GetByRole(AriaRole.Button, new() { Name = "抄送", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("已抄送。");
        await PortalPages.ScreenshotAsync(page, "task-operations");

        await page.GetByRole(AriaRole.Button, new() { Name = "退回任务池" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("任务已退回任务池。");
        await page.GetByRole(AriaRole.Link, new() { NameRegex = new("^我所在组的任务") }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Row).Filter(new() { HasText = number })).ToHaveCountAsync(1);
    }
}
