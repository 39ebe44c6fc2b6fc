using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ProjectWorkflow.Web.Tests.Fixtures;
using static ProjectWorkflow.Web.Tests.Funding.FundingApi;
using static ProjectWorkflow.Web.Tests.Workflows.WorkflowApi;

namespace ProjectWorkflow.Web.Tests.Funding;

/// <summary>
/// A tech-upgrade application from the enterprise's draft to approval, with the demo users, on a clock
/// that starts inside the 2026 window. Amounts are checked to the fen.
/// </summary>
public sealed class TechUpgradeStoryTests(FundingApp app) : IClassFixture<FundingApp>
{
    [Fact]
    public async Task FromDraftToApproval()
    {
        using var applicant = await app.CreateClientForAsync("enterprise1");
        using var reviewer = await app.CreateClientForAsync("reviewer1");
        using var approver = await app.CreateClientForAsync("approver1");
        using var admin = await app.CreateClientForAsync("admin1");

        // The clerk starts a draft; autosave keeps what was typed, and a stale tab cannot overwrite it.
        var created = await applicant.PostAsJsonAsync("/api/applications", new { schemeKey = "tech-upgrade" });
        var draft = await created.Content.ReadFromJsonAsync<JsonElement>();
        var id = draft.GetProperty("id").GetGuid();
        Assert.Matches("^TU-2026-\\d{4}$", draft.GetProperty("number").GetString());
        var partial = await (await applicant.PutAsJsonAsync($"/api/applications/{id}", new { projectName = "Line 3 retrofit", revision = 0 })).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(1, partial.GetProperty("revision").GetInt64());
        await ProblemAssert.IsProblemAsync(await applicant.PutAsJsonAsync($"/api/applications/{id}", new { site = "stale tab", revision = 0 }), HttpStatusCode.Conflict);
        var full = await (await applicant.PutAsJsonAsync($"/api/applications/{id}", Project("Line 3 retrofit"))).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(10_123_456_789L, full.GetProperty("investment").GetProperty("totalFen").GetInt64());
        Assert.Equal(36, full.GetProperty("indicators").GetProperty("robots").GetInt32());

        // Submitting without the feasibility report is refused with what is missing; with it, the process starts.
        var incomplete = await SubmitAsync(applicant, id);
        Assert.Contains((await ProblemAssert.IsProblemAsync(incomplete, HttpStatusCode.BadRequest)).GetProperty("errors").EnumerateArray(),
            e => e.GetProperty("field").GetString() == "attachments");
        Assert.Equal(HttpStatusCode.Created, (await AttachAsync(applicant, id, "feasibility-report", "feasibility.pdf", Pdf)).StatusCode);
        var submitted = await (await SubmitAsync(applicant, id)).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("under-review", submitted.GetProperty("status").GetString());
        Assert.Equal("District review 区级初审", submitted.GetProperty("stage").GetString());
        var instance = submitted.GetProperty("instanceId").GetGuid();

        // District review recommends it.
        var review = await OnlyTaskAsync(reviewer, "candidate", instance, "districtReview");
        await OkAsync(reviewer, $"/api/tasks/{review}/claim");
        await OkAsync(reviewer, $"/api/tasks/{review}/complete", new { variables = new { districtOutcome = "recommend" } });

        // Five experts: each declares before the file opens to them, then scores the rubric.
        var totals = new Dictionary<string, int> { ["expert1"] = 80, ["expert2"] = 90, ["expert3"] = 70, ["expert4"] = 85, ["expert5"] = 60 };
        foreach (var (expert, total) in totals)
        {
            using var client = await app.CreateClientForAsync(expert);
            await OnlyTaskAsync(client, "mine", instance, "expertReview");
            await ProblemAssert.IsProblemAsync(await client.GetAsync($"/api/applications/{id}"), HttpStatusCode.Forbidden);
            await OkAsync(client, $"/api/applications/{id}/panel/declaration", new
            {
                workedForOrAdvisedApplicant = false, legalDisputeWithApplicant = false, draftedTheCall = false, controlOrInvestmentTies = false, closeRelativeInvolved = false,
            });
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/api/applications/{id}")).StatusCode);
            var over = await PostAsync(client, $"/api/applications/{id}/panel/scores", new { points = new { technology = 41, economics = 30, management = 30 } });
            await ProblemAssert.IsProblemAsync(over, HttpStatusCode.BadRequest);
            await OkAsync(client, $"/api/applications/{id}/panel/scores", new { points = new { technology = total * 0.4m, economics = total * 0.3m, management = total * 0.3m } });
        }
        var panel = await InstanceAsync(admin, instance);
        Assert.Equal(78.33m, panel.GetProperty("variables").GetProperty("panelScore").GetDecimal());   // (80 + 85 + 70) / 3, highest and lowest dropped

        // Site check passes; the amount is min(10% × eligible investment, 1亿 cap, budget left), to the fen.
        var site = await OnlyTaskAsync(approver, "candidate", instance, "siteCheck");
        await OkAsync(approver, $"/api/tasks/{site}/complete", new { variables = new { siteOutcome = "pass" } });
        var calculated = await ApplicationAsync(applicant, id);
        Assert.Equal(1_012_345_678L, calculated.GetProperty("approvedAmountFen").GetInt64());
        var joint = await OnlyTaskAsync(approver, "candidate", instance, "jointReview");
        await OkAsync(approver, $"/api/tasks/{joint}/complete", new { variables = new { jointOutcome = "approve" } });

        // Public notice: 5 working days from Monday 26 January ends with Monday 2 February.
        var inNotice = await ApplicationAsync(applicant, id);
        Assert.Equal("in-public-notice", inNotice.GetProperty("status").GetString());
        var noticeEndsAt = (await InstanceAsync(admin, instance)).GetProperty("variables").GetProperty("noticeEndsAt").GetDateTimeOffset();
        Assert.Equal(new DateTimeOffset(2026, 2, 3, 0, 0, 0, TimeSpan.FromHours(8)), noticeEndsAt);
        var anonymous = await PostAsync(reviewer, $"/api/applications/{id}/objections", new { content = "anonymous tip", signed = false });
        Assert.Equal("ObjectionNotSigned", (await ProblemAssert.IsProblemAsync(anonymous, HttpStatusCode.UnprocessableEntity)).GetProperty("rule").GetString());

        await app.AdvanceAsync(TimeSpan.FromDays(4));
        Assert.Equal("in-public-notice", (await ApplicationAsync(applicant, id)).GetProperty("status").GetString());
        await app.AdvanceAsync(TimeSpan.FromDays(4));

        var approved = await ApplicationAsync(applicant, id);
        Assert.Equal("approved", approved.GetProperty("status").GetString());
        Assert.Equal(1_012_345_678L, approved.GetProperty("approvedAmountFen").GetInt64());
        Assert.Equal("completed", (await InstanceAsync(admin, instance)).GetProperty("status").GetString());
        var journal = await JournalAsync(admin, instance);
        Assert.Contains(journal, j => j.GetProperty("elementId").GetString() == "noticePeriod" && j.GetProperty("event").GetString() == "timerFired");
    }
}
