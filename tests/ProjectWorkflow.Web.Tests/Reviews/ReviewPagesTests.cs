using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ProjectWorkflow.Application.Persistence;
using ProjectWorkflow.Funding.Applications;
using ProjectWorkflow.Web.Security;
using ProjectWorkflow.Web.Tests.Fixtures;
using ProjectWorkflow.Web.Tests.Funding;
using static ProjectWorkflow.Web.Tests.Funding.FundingApi;
using static ProjectWorkflow.Web.Tests.Workflows.WorkflowApi;

namespace ProjectWorkflow.Web.Tests.Reviews;

/// <summary>
/// The reviewers' side of the portal over HTTP: a task's page shows the file a reviewer decides on (details, attachments
/// previewed, earlier steps — names and internal comments to the fund's staff only); the inbox filters by district;
/// batch review completes the tasks it may and lists each refusal, leaving the refused ones untouched; an expert corrects
/// their scores while the panel sits, and not after it closes.
/// </summary>
public sealed class ReviewPagesTests(FundingApp app) : IClassFixture<FundingApp>
{
    private static string Unique(string name) => $"{name} {Guid.NewGuid():N}"[..30];

    private static object GreenProject(string name) => new
    {
        projectName = name, site = "Lingang", description = "Recovers waste heat from the kilns.", projectLeaderName = "Zhou Min",
        projectLeaderIdentity = "310101198505050077", inProjectPool = true, equipmentFen = 200_000_000L, energyBeforeTce = 2_000m, energyAfterTce = 1_200m,
        outputFen = 30_000_000_000L, valueAddedFen = 6_000_000_000L, robots = 2,
    };

    private static readonly object NoConflict = new
    {
        workedForOrAdvisedApplicant = false, legalDisputeWithApplicant = false, draftedTheCall = false, controlOrInvestmentTies = false, closeRelativeInvolved = false,
    };

    /// <summary>A green-park file submitted with its project in the pool's register under <paramref name="district"/>.</summary>
    private async Task<(Guid Id, Guid Instance, string Number)> SubmitInAsync(string district, string name)
    {
        using var applicant = await app.CreateClientForAsync("enterprise1");
        var draft = await SubmitReadyAsync(applicant, "green-park", GreenProject(name));
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ProjectWorkflowDbContext>();
            db.Add(ProjectPoolEntry.Enter(ProjectWorkflow.Funding.Enterprises.Uscc.Parse(draft.GetProperty("uscc").GetString()!), name, 2026, district,
                Guid.NewGuid(), "test", DateTimeOffset.UtcNow));
            await db.SaveChangesAsync();
        }
        var id = draft.GetProperty("id").GetGuid();
        var submitted = await SubmitAsync(applicant, id);
        Assert.True(submitted.IsSuccessStatusCode, await submitted.Content.ReadAsStringAsync());
        var body = await submitted.Content.ReadFromJsonAsync<JsonElement>();
        return (id, body.GetProperty("instanceId").GetGuid(), body.GetProperty("number").GetString()!);
    }

    [Fact]
    public async Task TheTaskPage_ShowsAStepDoneTwice_WithWhatEachTimeAnswered_InOrder()
    {
        var (_, instance, _) = await SubmitInAsync("松江区", Unique("Reviewed twice"));
        using var reviewer = await app.CreateClientForAsync("reviewer1");
        var first = await OnlyTaskAsync(reviewer, "candidate", instance, "districtReview");
        await OkAsync(reviewer, $"/api/tasks/{first}/complete", new
        {
            variables = new { districtOutcome = "return", supplementDays = 5, returnReason = "Attach the energy audit report.", districtComment = "first look: audit missing" },
        });
        using var applicant = await app.CreateClientForAsync("enterprise1");
        // People answer minutes apart; the story's clock stands still unless moved (the history is in time order).
        await app.AdvanceAsync(TimeSpan.FromMinutes(30));
        var supplement = await OnlyTaskAsync(applicant, "candidate", instance, "supplement");
        await OkAsync(applicant, $"/api/tasks/{supplement}/complete", new { variables = new { supplementNote = "Energy audit report attached." } });
        await app.AdvanceAsync(TimeSpan.FromMinutes(30));
        var second = await OnlyTaskAsync(reviewer, "candidate", instance, "districtReview");
        await OkAsync(reviewer, $"/api/tasks/{second}/complete", new { variables = new { districtOutcome = "recommend", districtComment = "second look: complete" } });

        // An administrator opens an expert's review: the district review is there twice, each with its own answers.
        using var admin = await app.CreateClientForAsync("admin1");
        var review = (await TasksAsync(admin, "all", instance)).First(t => t.GetProperty("elementId").GetString() == "expertReview").GetProperty("id").GetGuid();
        using var adminPortal = await app.CreateSignedInClientAsync("admin1");
        var history = HistoryLines(await TextOfAsync(adminPortal, $"/portal/tasks/{review}"));
        var district = history.Where(line => line.Contains("look: ", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, district.Count);
        Assert.Contains("first look: audit missing", district[0]);
        Assert.Contains("Attach the energy audit report.", district[0]);
        Assert.DoesNotContain("second look", district[0]);
        Assert.Contains("second look: complete", district[1]);
        Assert.DoesNotContain("first look", district[1]);
        Assert.DoesNotContain("Attach the energy audit report.", district[1]);   // the second review returned nothing
        // Between them, the applicant's supplement with its note.
        Assert.Contains(history.SkipWhile(line => !line.Contains("first look", StringComparison.Ordinal)).TakeWhile(line => !line.Contains("second look", StringComparison.Ordinal)),
            line => line.Contains("Energy audit report attached.", StringComparison.Ordinal));
    }

    /// <summary>The lines of a task page's history, in the page's order.</summary>
    private static List<string> HistoryLines(string page)
    {
        var start = page.IndexOf("<ol class=\"history\">", StringComparison.Ordinal);
        Assert.True(start >= 0, "the page shows a history");
        var end = page.IndexOf("</ol>", start, StringComparison.Ordinal);
        return page[start..end].Split("<li>", StringSplitOptions.RemoveEmptyEntries).Skip(1).ToList();
    }

    [Fact]
    public async Task TheTaskPage_ShowsTheFileAndItsHistory_NamingTheReviewerAndHerInternalCommentToStaffOnly()
    {
        var (id, instance, number) = await SubmitInAsync("浦东新区", Unique("History file"));
        using var reviewer = await app.CreateClientForAsync("reviewer1");
        var district = await OnlyTaskAsync(reviewer, "candidate", instance, "districtReview");
        await OkAsync(reviewer, $"/api/tasks/{district}/complete", new { variables = new { districtOutcome = "recommend", districtComment = "内部：材料齐全 internal note" } });

        // Expert 1 declares no conflict: the file opens on the panel page, with the district's outcome but neither the
        // reviewer's name nor her internal comment, and the panel in counts only.
        using var expert1 = await app.CreateClientForAsync("expert1");
        await OkAsync(expert1, $"/api/applications/{id}/panel/declaration", NoConflict);
        using var expertPortal = await app.CreateSignedInClientAsync("expert1");
        var expertPage = await TextOfAsync(expertPortal, $"/portal/panel/{id}");
        Assert.Contains(number, expertPage);
        Assert.Contains("区级初审", expertPage);
        Assert.Contains("推荐", expertPage);
        Assert.Contains("feasibility.pdf", expertPage);
        Assert.DoesNotContain("reviewer1", expertPage);
        Assert.DoesNotContain("internal note", expertPage);
        Assert.DoesNotContain("expert2", expertPage);

        foreach (var (expert, points) in ReviewWalk.GreenScores(80, 75, 85, 70, 90))
        {
            using var client = await app.CreateClientForAsync(expert);
            if (expert != "expert1") await OkAsync(client, $"/api/applications/{id}/panel/declaration", NoConflict);
            await OkAsync(client, $"/api/applications/{id}/panel/scores", new { points });
        }

        // The approver at the site check reads the same file with the reviewer's name and her internal comment, and the district.
        using var approver = await app.CreateClientForAsync("approver1");
        var siteCheck = await OnlyTaskAsync(approver, "candidate", instance, "siteCheck");
        using var approverPortal = await app.CreateSignedInClientAsync("approver1");
        var page = await TextOfAsync(approverPortal, $"/portal/tasks/{siteCheck}");
        Assert.Contains(number, page);
        Assert.Contains("浦东新区", page);
        Assert.Contains("reviewer1", page);
        Assert.Contains("internal note", page);
        Assert.Contains("专家评审", page);

        // Its PDF is previewed in the page: served as a PDF that only the portal's own pages may frame.
        var attachment = (await ApplicationAsync(approver, id)).GetProperty("attachments")[0].GetProperty("id").GetGuid();
        var preview = $"/portal/applications/{id}/attachments/{attachment}/preview";
        Assert.Contains(preview, page);
        var answer = await approverPortal.GetAsync(preview);
        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        Assert.Equal("application/pdf", answer.Content.Headers.ContentType?.MediaType);
        Assert.Equal(SecurityHeaders.PreviewPolicy, answer.Headers.GetValues("Content-Security-Policy").Single());
        Assert.Equal("SAMEORIGIN", answer.Headers.GetValues("X-Frame-Options").Single());

        // An expert of another file, and a provider, learn nothing of it.
        using var expert9 = await app.CreateClientForAsync("expert9");
        Assert.Equal(HttpStatusCode.Forbidden, (await expert9.GetAsync(preview)).StatusCode);
        using var provider = await app.CreateClientForAsync("provider1");
        Assert.Equal(HttpStatusCode.Forbidden, (await provider.GetAsync(preview)).StatusCode);
    }

    [Fact]
    public async Task TheInbox_FiltersByDistrict()
    {
        var (_, _, pudong) = await SubmitInAsync("浦东新区", Unique("Pudong file"));
        var (_, _, songjiang) = await SubmitInAsync("松江区", Unique("Songjiang file"));
        using var reviewer = await app.CreateClientForAsync("reviewer1");

        var inSongjiang = await reviewer.GetFromJsonAsync<JsonElement[]>("/api/tasks?scope=candidate&district=" + Uri.EscapeDataString("松江区") + "&sort=due-desc");
        Assert.Contains(inSongjiang!, t => t.GetProperty("businessKey").GetString() == songjiang);
        Assert.DoesNotContain(inSongjiang!, t => t.GetProperty("businessKey").GetString() == pudong);
        await ProblemAssert.IsProblemAsync(await reviewer.GetAsync("/api/tasks?scope=candidate&sort=sideways"), HttpStatusCode.BadRequest);

        using var portal = await app.CreateSignedInClientAsync("reviewer1");
        var page = await TextOfAsync(portal, "/portal/tasks?tab=candidate&step=districtReview&district=" + Uri.EscapeDataString("松江区"));
        Assert.Contains(songjiang, page);
        Assert.DoesNotContain(pudong, page);
        Assert.Contains("批量审核", page);   // one step: the batch review's form is offered
    }

    [Fact]
    public async Task TheInboxTabs_CountWhatEachTabLists_MineClaimableAndOverdue()
    {
        var (_, first, _) = await SubmitInAsync("奉贤区", Unique("Count file A"));
        await SubmitInAsync("奉贤区", Unique("Count file B"));
        using var reviewer = await app.CreateClientForAsync("reviewer1");
        await OkAsync(reviewer, $"/api/tasks/{await OnlyTaskAsync(reviewer, "candidate", first, "districtReview")}/claim");

        async Task<int> Listed(string scope) =>
            (await reviewer.GetFromJsonAsync<JsonElement[]>($"/api/tasks?scope={scope}&take=500"))!.Length;
        using var portal = await app.CreateSignedInClientAsync("reviewer1");
        var page = await TextOfAsync(portal, "/portal/tasks");
        var mine = await Listed("mine");
        Assert.True(mine >= 1);
        Assert.Contains($"我的任务 ({mine})", page);
        Assert.Contains($"我所在组的任务 ({await Listed("candidate")})", page);
        Assert.Contains($"已逾期 ({await Listed("overdue")})", page);
    }

    [Fact]
    public async Task TheInbox_OpensOnMyGroups_ForAnEnterprise_WhoseStepsAreOfferedToAllActingForIt_AndOnMine_ForStaff()
    {
        static bool Opens(string page, string tab) =>
            System.Text.RegularExpressions.Regex.IsMatch(page, $"href=\"/portal/tasks\\?tab={tab}[^\"]*\" aria-current=\"page\"");
        using var enterprise = await app.CreateSignedInClientAsync("enterprise1");
        var enterprisePage = await TextOfAsync(enterprise, "/portal/tasks");
        Assert.True(Opens(enterprisePage, "candidate"));
        Assert.False(Opens(enterprisePage, "mine"));
        using var reviewer = await app.CreateSignedInClientAsync("reviewer1");
        Assert.True(Opens(await TextOfAsync(reviewer, "/portal/tasks"), "mine"));
        // A tab asked for is the tab shown, whoever asks.
        Assert.True(Opens(await TextOfAsync(enterprise, "/portal/tasks?tab=mine"), "mine"));
    }

    [Fact]
    public async Task BatchReview_CompletesTheTasksItMay_AndListsEachRefusal_LeavingTheRefusedUntouched()
    {
        var files = new List<(Guid Instance, string Number)>();
        for (var i = 0; i < 3; i++)
        {
            var (_, instance, number) = await SubmitInAsync("宝山区", Unique($"Batch file {i}"));
            files.Add((instance, number));
        }
        using var reviewer = await app.CreateClientForAsync("reviewer1");
        var tasks = new List<Guid>();
        foreach (var (instance, _) in files) tasks.Add(await OnlyTaskAsync(reviewer, "candidate", instance, "districtReview"));

        // Without the form's required outcome every task is refused, each naming the field, and none moves.
        var refused = await PostAsync(reviewer, "/api/tasks/batch/complete", new { taskIds = tasks.Take(2), variables = new { supplementDays = 5 } });
        var result = await refused.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(0, result.GetProperty("completed").GetInt32());
        Assert.All(result.GetProperty("outcomes").EnumerateArray(), o =>
        {
            Assert.False(o.GetProperty("completed").GetBoolean());
            Assert.Contains(o.GetProperty("errors").EnumerateArray(), e => e.GetProperty("field").GetString() == "districtOutcome");
        });
        Assert.Equal(tasks[0], await OnlyTaskAsync(reviewer, "candidate", files[0].Instance, "districtReview"));

        // The third was completed on its own meanwhile: the batch completes the other two and lists the third as refused.
        await OkAsync(reviewer, $"/api/tasks/{tasks[2]}/complete", new { variables = new { districtOutcome = "recommend" } });
        var batch = await PostAsync(reviewer, "/api/tasks/batch/complete", new { taskIds = tasks, variables = new { districtOutcome = "recommend" } });
        Assert.Equal(HttpStatusCode.OK, batch.StatusCode);
        result = await batch.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(2, result.GetProperty("completed").GetInt32());
        Assert.Equal(1, result.GetProperty("refused").GetInt32());
        var third = result.GetProperty("outcomes").EnumerateArray().Single(o => o.GetProperty("taskId").GetGuid() == tasks[2]);
        Assert.False(third.GetProperty("completed").GetBoolean());
        Assert.Equal(files[2].Number, third.GetProperty("businessKey").GetString());
        Assert.Contains("already completed", third.GetProperty("message").GetString());
        foreach (var (instance, _) in files.Take(2)) Assert.DoesNotContain(await TasksAsync(reviewer, "candidate", instance), t => t.GetProperty("elementId").GetString() == "districtReview");

        await ProblemAssert.IsProblemAsync(await PostAsync(reviewer, "/api/tasks/batch/complete", new { taskIds = Array.Empty<Guid>(), variables = new { } }), HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task AnExpert_CorrectsTheirScoresOnThePanelPage_WhileThePanelSits_AndNotAfterItCloses()
    {
        var (id, instance, _) = await SubmitInAsync("嘉定区", Unique("Correction file"));
        using var reviewer = await app.CreateClientForAsync("reviewer1");
        await OkAsync(reviewer, $"/api/tasks/{await OnlyTaskAsync(reviewer, "candidate", instance, "districtReview")}/complete", new { variables = new { districtOutcome = "recommend" } });

        // Expert 1 declares and scores through the page's forms, as a browser posts them.
        using var portal = await app.CreateSignedInClientAsync("expert1");
        var page = await TextOfAsync(portal, $"/portal/panel/{id}");
        Assert.Contains("利益冲突声明", page);
        Assert.DoesNotContain("feasibility.pdf", page);   // the file stays closed until the declaration
        var declared = await PortalApp.PostFormAsync(portal, $"/portal/panel/{id}", $"/portal/panel/{id}/declaration", new()
        {
            ["workedForOrAdvisedApplicant"] = "false", ["legalDisputeWithApplicant"] = "false", ["draftedTheCall"] = "false",
            ["controlOrInvestmentTies"] = "false", ["closeRelativeInvolved"] = "false",
        });
        Assert.Equal(HttpStatusCode.Redirect, declared.StatusCode);
        page = await TextOfAsync(portal, $"/portal/panel/{id}?done=declared");
        Assert.Contains("feasibility.pdf", page);
        Assert.Contains("满分", page);
        var first = ReviewWalk.GreenScores(70)["expert1"];
        Assert.Equal(HttpStatusCode.Redirect, (await PortalApp.PostFormAsync(portal, $"/portal/panel/{id}", $"/portal/panel/{id}/scores", Points(first))).StatusCode);

        page = await TextOfAsync(portal, $"/portal/panel/{id}?done=scored");
        Assert.Contains("更正评分", page);
        var corrected = ReviewWalk.GreenScores(90)["expert1"];
        Assert.Equal(HttpStatusCode.Redirect, (await PortalApp.PostFormAsync(portal, $"/portal/panel/{id}", $"/portal/panel/{id}/scores", Points(corrected))).StatusCode);
        using var approver = await app.CreateClientForAsync("approver1");
        var seat = (await approver.GetFromJsonAsync<JsonElement[]>($"/api/applications/{id}/panel"))!.Single(p => p.GetProperty("expert").GetString() == "expert1");
        Assert.Equal(90m, seat.GetProperty("total").GetDecimal());
        using var admin = await app.CreateClientForAsync("admin1");
        var audit = await admin.GetFromJsonAsync<JsonElement>($"/api/audit?action=panel.scores-corrected&objectId={id}");
        Assert.Single(audit.GetProperty("entries").EnumerateArray());

        // A score over a criterion's maximum is refused in the reader's language, on the page.
        var tooMany = await PortalApp.PostFormAsync(portal, $"/portal/panel/{id}", $"/portal/panel/{id}/scores", new() { ["points.savings"] = "999", ["points.technology"] = "1", ["points.management"] = "1" });
        Assert.Equal(HttpStatusCode.BadRequest, tooMany.StatusCode);
        var refusal = WebUtility.HtmlDecode(await tooMany.Content.ReadAsStringAsync());
        Assert.Contains("的分数应在0到", refusal);
        Assert.DoesNotContain("is scored from 0 to", refusal);

        // The other four score: the panel closes on the corrected sheet, and no correction is taken after that.
        foreach (var (expert, points) in ReviewWalk.GreenScores(90, 80, 80, 80, 80).Where(s => s.Key != "expert1"))
        {
            using var client = await app.CreateClientForAsync(expert);
            await OkAsync(client, $"/api/applications/{id}/panel/declaration", NoConflict);
            await OkAsync(client, $"/api/applications/{id}/panel/scores", new { points });
        }
        // (90 + 80 × 4) / 5: the corrected 90 counts, not the first 70 (which would give 78).
        Assert.Equal(82m, (await InstanceAsync(admin, instance)).GetProperty("variables").GetProperty("panelScore").GetDecimal());
        using var expert1 = await app.CreateClientForAsync("expert1");
        await ProblemAssert.IsProblemAsync(await PostAsync(expert1, $"/api/applications/{id}/panel/scores", new { points = first }), HttpStatusCode.Conflict);
    }

    /// <summary>A page's HTML as a reader sees its text (the renderer writes Chinese as character references).</summary>
    private static async Task<string> TextOfAsync(HttpClient portal, string address) => WebUtility.HtmlDecode(await portal.GetStringAsync(address));

    private static Dictionary<string, string> Points(Dictionary<string, decimal> points) =>
        points.ToDictionary(p => $"points.{p.Key}", p => p.Value.ToString(System.Globalization.CultureInfo.InvariantCulture));
}
