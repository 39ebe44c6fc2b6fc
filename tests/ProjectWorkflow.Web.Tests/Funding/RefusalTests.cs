using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using ProjectWorkflow.Application.Applications;
using ProjectWorkflow.Application.Persistence;
using ProjectWorkflow.Funding.Projects;
using ProjectWorkflow.Web.Tests.Fixtures;
using static ProjectWorkflow.Web.Tests.Funding.FundingApi;
using static ProjectWorkflow.Web.Tests.Workflows.WorkflowApi;

namespace ProjectWorkflow.Web.Tests.Funding;

/// <summary>
/// Every way an application is refused, each with the sentence its applicant or reviewer reads.
/// Green-park and smart-factory take applications all year, so these stories do not depend on the window.
/// </summary>
public sealed class RefusalTests(FundingApp app) : IClassFixture<FundingApp>
{
    private readonly ReviewWalk _walk = new(app);

    private static string Unique(string name) => $"{name} {Guid.NewGuid():N}"[..30];

    [Fact]
    public async Task Ineligible_NotInThePool_Sanctioned_OrAlreadyFunded()
    {
        using var applicant = await app.CreateClientForAsync("enterprise1");

        var notInPool = await SubmitReadyAsync(applicant, "smart-factory", Project(Unique("Unpooled workshop"), inPool: false));
        var pool = await ProblemAssert.IsProblemAsync(await SubmitAsync(applicant, notInPool.GetProperty("id").GetGuid()), HttpStatusCode.UnprocessableEntity);
        Assert.Equal("NotInProjectPool", pool.GetProperty("rule").GetString());
        Assert.Contains("项目库", pool.GetProperty("messageZh").GetString());

        const string barredLeader = "310101197001010099";
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ProjectWorkflowDbContext>();
            db.Add(new CreditSanction(barredLeader, CreditSanction.Leader, app.Clock.GetUtcNow().AddYears(-1), app.Clock.GetUtcNow().AddYears(2), "recovered subsidy GP-2024-0003"));
            await db.SaveChangesAsync();
        }
        var sanctioned = await SubmitReadyAsync(applicant, "green-park", Project(Unique("Barred leader"), leader: barredLeader));
        var barred = await ProblemAssert.IsProblemAsync(await SubmitAsync(applicant, sanctioned.GetProperty("id").GetGuid()), HttpStatusCode.UnprocessableEntity);
        Assert.Equal("EnterpriseUnderSanction", barred.GetProperty("rule").GetString());
        Assert.Contains("project leader", barred.GetProperty("messageEn").GetString());

        var name = Unique("Boiler heat recovery");
        await _walk.SubmitAsync(applicant, "green-park", Project(name, invoices: ["INV-A-1"]));
        var sameProjectElsewhere = await SubmitReadyAsync(applicant, "smart-factory", Project(name.ToUpperInvariant() + "。"));
        var twice = await ProblemAssert.IsProblemAsync(await SubmitAsync(applicant, sameProjectElsewhere.GetProperty("id").GetGuid()), HttpStatusCode.UnprocessableEntity);
        Assert.Equal("ProjectAlreadyFunded", twice.GetProperty("rule").GetString());
        var sameInvoice = await SubmitReadyAsync(applicant, "smart-factory", Project(Unique("Other project"), invoices: ["inv-a-1"]));
        var invoice = await ProblemAssert.IsProblemAsync(await SubmitAsync(applicant, sameInvoice.GetProperty("id").GetGuid()), HttpStatusCode.UnprocessableEntity);
        Assert.Contains("INV-A-1", invoice.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Returned_ForSupplement_ThenResubmitted_OrLapsedAfterTheDeadline()
    {
        using var applicant = await app.CreateClientForAsync("enterprise1");
        var (resubmitted, resubmittedInstance) = await _walk.SubmitAsync(applicant, "green-park", Project(Unique("Returned then fixed")));
        var (lapsed, lapsedInstance) = await _walk.SubmitAsync(applicant, "green-park", Project(Unique("Returned and forgotten")));

        await _walk.DistrictAsync(resubmittedInstance, new { districtOutcome = "return", supplementDays = 5, returnReason = "Attach the energy audit report." });
        await _walk.DistrictAsync(lapsedInstance, new { districtOutcome = "return", supplementDays = 1, returnReason = "Attach the energy audit report." });
        Assert.Equal("returned-for-supplement", (await ApplicationAsync(applicant, resubmitted)).GetProperty("status").GetString());

        // The applicant corrects the file (a returned file is editable again) and sends it back.
        var edited = await applicant.PutAsJsonAsync($"/api/applications/{resubmitted}", new { description = "Added the energy audit report." });
        Assert.Equal(HttpStatusCode.OK, edited.StatusCode);
        var supplement = await OnlyTaskAsync(applicant, "candidate", resubmittedInstance, "supplement");
        await OkAsync(applicant, $"/api/tasks/{supplement}/complete");
        Assert.Equal("under-review", (await ApplicationAsync(applicant, resubmitted)).GetProperty("status").GetString());
        using var reviewer = await app.CreateClientForAsync("reviewer1");
        await OnlyTaskAsync(reviewer, "candidate", resubmittedInstance, "districtReview");

        // The other one misses its deadline: the end of the next working day (at most four days away outside the holidays).
        await app.AdvanceAsync(TimeSpan.FromDays(4));
        var closed = await ApplicationAsync(applicant, lapsed);
        Assert.Equal("rejected", closed.GetProperty("status").GetString());
        Assert.Contains("lapsed", Strings((await InstanceAsync(await app.CreateClientForAsync("admin1"), lapsedInstance)).GetProperty("completedElementIds")));
        await ProblemAssert.IsProblemAsync(await applicant.PutAsJsonAsync($"/api/applications/{lapsed}", new { description = "too late" }), HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task RejectedByThePanel_BelowThePassScore()
    {
        using var applicant = await app.CreateClientForAsync("enterprise1");
        var (id, instance) = await _walk.SubmitAsync(applicant, "green-park", Project(Unique("Weak proposal")));
        await _walk.DistrictAsync(instance, new { districtOutcome = "recommend" });

        await _walk.PanelAsync(id, instance, ReviewWalk.GreenScores(50, 55, 58, 54, 55));

        Assert.Equal("rejected", (await ApplicationAsync(applicant, id)).GetProperty("status").GetString());
        using var admin = await app.CreateClientForAsync("admin1");
        var variables = (await InstanceAsync(admin, instance)).GetProperty("variables");
        Assert.False(variables.GetProperty("panelPassed").GetBoolean());
        Assert.Equal(54.4m, variables.GetProperty("panelScore").GetDecimal());
    }

    [Fact]
    public async Task AnExpertWithAConflict_IsRecused_AndNeverSeesTheFile()
    {
        using var applicant = await app.CreateClientForAsync("enterprise1");
        var (id, instance) = await _walk.SubmitAsync(applicant, "green-park", Project(Unique("Conflicted panel")));
        await _walk.DistrictAsync(instance, new { districtOutcome = "recommend" });
        using var expert = await app.CreateClientForAsync("expert2");

        await OkAsync(expert, $"/api/applications/{id}/panel/declaration", new
        {
            workedForOrAdvisedApplicant = true, legalDisputeWithApplicant = false, draftedTheCall = false, controlOrInvestmentTies = false, closeRelativeInvolved = false,
        });

        await ProblemAssert.IsProblemAsync(await expert.GetAsync($"/api/applications/{id}"), HttpStatusCode.Forbidden);
        Assert.Empty(await TasksAsync(expert, "mine", instance));
        using var approver = await app.CreateClientForAsync("approver1");
        var panel = await approver.GetFromJsonAsync<JsonElement[]>($"/api/applications/{id}/panel");
        Assert.True(panel!.Single(p => p.GetProperty("expert").GetString() == "expert2").GetProperty("recused").GetBoolean());
    }

    [Fact]
    public async Task ObjectionUpheld_DuringNotice_RejectsTheProject_AndTheObjectorStaysHidden()
    {
        using var applicant = await app.CreateClientForAsync("enterprise1");
        using var neighbour = await app.CreateClientForAsync("provider1");
        var (id, instance) = await _walk.SubmitAsync(applicant, "green-park", Project(Unique("Disputed savings")));
        await _walk.DistrictAsync(instance, new { districtOutcome = "recommend" });
        await _walk.PanelAsync(id, instance, ReviewWalk.GreenScores(80, 82, 78, 80, 80));
        await _walk.ApproverAsync(instance, "siteCheck", new { siteOutcome = "pass" });
        Assert.Equal(150_000_000L, (await ApplicationAsync(applicant, id)).GetProperty("approvedAmountFen").GetInt64());   // 2,500 tce × ¥600
        await _walk.ApproverAsync(instance, "jointReview", new { jointOutcome = "approve" });

        await OkAsync(neighbour, $"/api/applications/{id}/objections", new { objectorName = "Zhao Liu", objectorOrganisation = "Neighbouring plant", signed = true, content = "The claimed savings count a boiler that was never installed." });
        var seenByApplicant = await applicant.GetFromJsonAsync<JsonElement[]>($"/api/applications/{id}/objections");
        Assert.Equal(JsonValueKind.Null, seenByApplicant![0].GetProperty("objectorName").ValueKind);
        using var approver = await app.CreateClientForAsync("approver1");
        Assert.Equal("Zhao Liu", (await approver.GetFromJsonAsync<JsonElement[]>($"/api/applications/{id}/objections"))![0].GetProperty("objectorName").GetString());

        await app.AdvanceAsync(TimeSpan.FromDays(10));
        await _walk.ApproverAsync(instance, "reviewObjections", new { objectionUpheld = true, rejectionReason = "The objection is upheld: the boiler was never installed." });

        Assert.Equal("rejected", (await ApplicationAsync(applicant, id)).GetProperty("status").GetString());
        await ProblemAssert.IsProblemAsync(await PostAsync(neighbour, $"/api/applications/{id}/objections", new { objectorName = "Late", signed = true, content = "x" }), HttpStatusCode.Conflict);
    }
    /// <summary>
    /// A clerk presses "supplement" when nothing was sent back: the page says why in Chinese alone, and after the language
    /// switch in English alone — never the two pasted together. The API answers in English with the Chinese beside it.
    /// </summary>
    [Fact]
    public async Task ARefusal_OnAPage_IsReadInTheReadersLanguageAlone()
    {
        using var applicant = await app.CreateClientForAsync("enterprise1");
        var id = (await DraftAsync(applicant, "green-park", Project(Unique("Nothing to supplement")))).GetProperty("id").GetGuid();
        using var portal = await app.CreateSignedInClientAsync("enterprise1");

        var chinese = await PortalApp.PostFormAsync(portal, "/portal/enterprise", $"/portal/applications/{id}/supplement", new() { ["supplementNote"] = "More quotes." });
        Assert.Equal(HttpStatusCode.Conflict, chinese.StatusCode);
        var page = WebUtility.HtmlDecode(await chinese.Content.ReadAsStringAsync());
        Assert.Contains("申报材料未被退回补正，或已补正。", page);
        Assert.DoesNotContain("not waiting for a supplement", page);

        Assert.Equal(HttpStatusCode.Redirect, (await PortalApp.PostFormAsync(portal, "/portal/enterprise", "/account/language", new() { ["culture"] = "en", ["returnUrl"] = "/portal" })).StatusCode);
        var english = await PortalApp.PostFormAsync(portal, "/portal/enterprise", $"/portal/applications/{id}/supplement", new() { ["supplementNote"] = "More quotes." });
        Assert.Equal(HttpStatusCode.Conflict, english.StatusCode);
        page = WebUtility.HtmlDecode(await english.Content.ReadAsStringAsync());
        Assert.Contains("The file is not waiting for a supplement", page);
        Assert.DoesNotContain("申报材料未被退回补正", page);

        // Over the API the detail stays English (the contract's), with the use case's Chinese beside it, apart.
        var stale = await ProblemAssert.IsProblemAsync(await applicant.DeleteAsync($"/api/applications/{id}?revision=999"), HttpStatusCode.Conflict);
        Assert.Equal("The draft was changed elsewhere since you opened it; reload it before deleting it.", stale.GetProperty("detail").GetString());
        Assert.Equal("您打开草稿后，草稿已在别处被修改，请刷新页面后再删除。", stale.GetProperty("detailZh").GetString());
    }
}
