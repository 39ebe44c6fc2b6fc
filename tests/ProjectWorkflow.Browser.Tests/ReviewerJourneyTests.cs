using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using ProjectWorkflow.Application.Persistence;
using ProjectWorkflow.Funding.Applications;
using ProjectWorkflow.Web.Tests.Funding;
using static ProjectWorkflow.Web.Tests.Funding.FundingApi;
using static ProjectWorkflow.Web.Tests.Workflows.WorkflowApi;

namespace ProjectWorkflow.Browser.Tests;

/// <summary>
/// One short story per reviewing role, in the pages, in Chinese, each page checked by axe-core and saved under
/// artifacts/portal: the district reviewer filters her inbox to one district's files, reads one, and recommends both in
/// one batch; an expert declares no conflict and scores on the rubric; the department's approver reads the file's
/// history (who recommended it, and her internal comment) and passes the site check; the finance officer reads the
/// approved file behind her release task and approves its first installment at the desk.
/// </summary>
[Collection(BrowserPortalCollection.Name)]
public sealed class ReviewerJourneyTests(BrowserPortal portal) : BrowserStory(portal)
{
    private static string Unique(string name) => $"{name} {Guid.NewGuid():N}"[..28];

    /// <summary>A green-park file submitted over the API with its project in the pool's register under <paramref name="district"/>.</summary>
    private async Task<(Guid Id, Guid Instance, string Number)> SubmitInAsync(string district, string name)
    {
        var applicant = await new LifecycleWalk(portal).ClientAsync("enterprise1");
        var draft = await SubmitReadyAsync(applicant, "green-park", new
        {
            projectName = name, site = "Jinshan", description = "Recovers waste heat from the kilns.", projectLeaderName = "Zhou Min",
            projectLeaderIdentity = "310101198505050088", inProjectPool = false, equipmentFen = 200_000_000L, energyBeforeTce = 2_000m, energyAfterTce = 1_200m,
            outputFen = 30_000_000_000L, valueAddedFen = 6_000_000_000L, robots = 2,
        });
        await using (var scope = portal.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ProjectWorkflowDbContext>();
            db.Add(ProjectPoolEntry.Enter(ProjectWorkflow.Funding.Enterprises.Uscc.Parse(draft.GetProperty("uscc").GetString()!), name, draft.GetProperty("year").GetInt32(),
                district, Guid.NewGuid(), "test", DateTimeOffset.UtcNow));
            await db.SaveChangesAsync();
        }
        var id = draft.GetProperty("id").GetGuid();
        var submitted = await (await SubmitAsync(applicant, id)).Content.ReadFromJsonAsync<JsonElement>();
        return (id, submitted.GetProperty("instanceId").GetGuid(), submitted.GetProperty("number").GetString()!);
    }

    private static async Task AccessibleAsync(IPage page, string screenshot)
    {
        await PortalPages.ScreenshotAsync(page, screenshot);
        Assert.Empty(await PortalPages.SeriousViolationsAsync(page));
    }

    [Fact]
    public async Task TheDistrictReviewer_FiltersToHerDistrict_ReadsAFile_AndRecommendsTwoInOneBatch()
    {
        var (_, _, first) = await SubmitInAsync("金山区", Unique("Kiln heat A"));
        var (_, _, second) = await SubmitInAsync("金山区", Unique("Kiln heat B"));

        var page = await portal.SignInAsync("reviewer1", "/portal/tasks");
        await page.GetByRole(AriaRole.Link, new() { NameRegex = new("^我所在组的任务") }).ClickAsync();
        await page.GetByLabel("环节").SelectOptionAsync(new SelectOptionValue { Label = "区级初审" });
        await page.GetByLabel("所属区").SelectOptionAsync(new SelectOptionValue { Label = "金山区" });
        await page.GetByRole(AriaRole.Button, new() { Name = "筛选" }).ClickAsync();
        var rows = page.GetByRole(AriaRole.Table, new() { Name = "待办任务" }).GetByRole(AriaRole.Row);
        await Assertions.Expect(rows.Filter(new() { HasText = first })).ToHaveCountAsync(1);
        await Assertions.Expect(rows.Filter(new() { HasText = second })).ToHaveCountAsync(1);

        // One file, read before deciding: its details, its PDF previewed, its history so far.
        await rows.Filter(new() { HasText = first }).GetByRole(AriaRole.Link).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = $"申报材料 {first}" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "预览 feasibility.pdf" })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("dl.facts").First).ToContainTextAsync("金山区");
        await AccessibleAsync(page, "review-task-file");
        await page.GoBackAsync();

        // Both recommended at once: ticked, the step's form filled in once, sent; each is listed as completed.
        await page.GetByRole(AriaRole.Checkbox, new() { Name = $"选择 {first}" }).CheckAsync();
        await page.GetByRole(AriaRole.Checkbox, new() { Name = $"选择 {second}" }).CheckAsync();
        await page.Locator("#batch-form").GetByLabel("推荐 Recommend").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "批量提交" }).ClickAsync();
        await Assertions.Expect(page.Locator("#batch-summary")).ToHaveTextAsync("2 项已办结，0 项未通过。");
        await Assertions.Expect(page.Locator("#batch-results")).ToContainTextAsync($"{first}: 已办结");
        await Assertions.Expect(rows.Filter(new() { HasText = second })).ToHaveCountAsync(0);
        await AccessibleAsync(page, "review-batch");
    }

    [Fact]
    public async Task AnExpert_DeclaresNoConflict_AndScoresOnTheRubric()
    {
        var (_, instance, number) = await SubmitInAsync("金山区", Unique("Kiln heat panel"));
        await new ReviewWalk(portal).DistrictAsync(instance, new { districtOutcome = "recommend" });

        var page = await portal.SignInAsync("expert1", "/portal/tasks");
        await page.GetByRole(AriaRole.Row).Filter(new() { HasText = number }).GetByRole(AriaRole.Link).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "利益冲突声明" })).ToBeVisibleAsync();
        await AccessibleAsync(page, "expert-declaration");
        foreach (var group in await page.Locator("form[action$=\"/declaration\"] fieldset").AllAsync())
            await group.GetByLabel("否").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "提交声明" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("声明已提交，申报材料已开放。");

        // The file is open now; the rubric shows each criterion's maximum.
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = $"申报材料 {number}" })).ToBeVisibleAsync();
        await page.GetByLabel(new Regex("^节能减排成效.*（0–50 分）")).FillAsync("42");
        await page.GetByLabel(new Regex("^技术可行性")).FillAsync("24");
        await page.GetByLabel(new Regex("^实施保障")).FillAsync("16");
        await page.GetByLabel("评审意见").FillAsync("节能量测算依据充分。");
        await AccessibleAsync(page, "expert-scores");
        await page.GetByRole(AriaRole.Button, new() { Name = "提交评分" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("评分已提交。");
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "更正评分" })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task TheApprover_ReadsWhoRecommendedTheFile_AndPassesTheSiteCheck()
    {
        var (id, instance, number) = await SubmitInAsync("金山区", Unique("Kiln heat site"));
        var walk = new ReviewWalk(portal);
        await walk.DistrictAsync(instance, new { districtOutcome = "recommend", districtComment = "材料齐全，建议优先。" });
        await walk.PanelAsync(id, instance, ReviewWalk.GreenScores(80, 75, 85, 70, 90));

        var page = await portal.SignInAsync("approver1", "/portal/tasks?tab=candidate");
        await page.GetByRole(AriaRole.Row).Filter(new() { HasText = number }).GetByRole(AriaRole.Link).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "认领任务" }).ClickAsync();
        var history = page.GetByRole(AriaRole.Region, new() { Name = "办理历史" });
        await Assertions.Expect(history).ToContainTextAsync("区级初审");
        await Assertions.Expect(history).ToContainTextAsync("reviewer1");
        await Assertions.Expect(history).ToContainTextAsync("材料齐全，建议优先。");

        await page.GetByLabel("通过 Pass").CheckAsync();
        await AccessibleAsync(page, "approver-site-check");
        await page.GetByRole(AriaRole.Button, new() { Name = "提交", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("任务已办结。");
    }

    [Fact]
    public async Task TheFinanceOfficer_ReadsTheApprovedFileBehindHerReleaseTask_AndApprovesTheInstallment()
    {
        var lifecycle = new LifecycleWalk(portal);
        var applicant = await lifecycle.ClientAsync("enterprise1");
        var (id, instance) = await lifecycle.ApprovedGreenParkAsync(applicant, Unique("Heat pumps hall 3"), "310101198505050055");
        var number = (await ApplicationAsync(applicant, id)).GetProperty("number").GetString()!;
        await lifecycle.PassNoticeAsync(applicant, id, instance);
        await LifecycleWalk.SignAsync(applicant, id);

        var page = await portal.SignInAsync("finance1", "/portal/tasks?tab=candidate&step=releaseInstallment");
        await page.GetByRole(AriaRole.Row).Filter(new() { HasText = number }).GetByRole(AriaRole.Link).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = $"申报材料 {number}" })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("dl.facts").Nth(1)).ToContainTextAsync("¥900,000.00");
        await Assertions.Expect(page.GetByRole(AriaRole.Region, new() { Name = "办理历史" })).ToContainTextAsync("approver1");
        await AccessibleAsync(page, "finance-release-task");

        await page.GotoAsync("/finance");
        var row = page.GetByRole(AriaRole.Table, new() { Name = "本周应付" }).GetByRole(AriaRole.Row).Filter(new() { HasText = number });
        await row.GetByRole(AriaRole.Button, new() { Name = $"批准拨付 {number} 第1期" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync($"已批准 {number} 第1期 ¥450,000.00");
    }
}
