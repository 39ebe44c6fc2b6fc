using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ProjectWorkflow.Application.Enterprises;
using ProjectWorkflow.Application.Persistence;
using ProjectWorkflow.Funding.Enterprises;
using ProjectWorkflow.Web.Tests.Fixtures;
using static ProjectWorkflow.Web.Tests.Funding.FundingApi;
using static ProjectWorkflow.Web.Tests.Workflows.WorkflowApi;

namespace ProjectWorkflow.Web.Tests.Funding;

/// <summary>
/// Issue 10, hole 4: the applicant and the experts try to read the fund's internal file (the process's variables
/// and journal: reviewers, experts, scores, comments). The applicant follows its timeline instead; an expert reads
/// the application only between declaring no conflict and the panel's close, and never once recused.
/// </summary>
public sealed class ConfidentialFileTests(FundingApp app) : IClassFixture<FundingApp>
{
    private readonly ReviewWalk _walk = new(app);

    private static string Unique(string name) => $"{name} {Guid.NewGuid():N}"[..30];

    private static readonly object NoConflict = new
    {
        workedForOrAdvisedApplicant = false, legalDisputeWithApplicant = false, draftedTheCall = false, controlOrInvestmentTies = false, closeRelativeInvolved = false,
    };

    [Fact]
    public async Task TheEnterpriseReadsItsTimeline_WithStagesAndReasons_ButNoReviewerNamesScoresOrComments()
    {
        using var applicant = await app.CreateClientForAsync("enterprise1");
        using var admin = await app.CreateClientForAsync("admin1");
        var (id, instance) = await _walk.SubmitAsync(applicant, "green-park", Project(Unique("Quiet boiler")));

        // The district reviewer returns it with a reason addressed to the applicant; the applicant supplements it.
        await _walk.DistrictAsync(instance, new { districtOutcome = "return", supplementDays = 5, returnReason = "Attach the energy audit report.", districtComment = "Applicant seems disorganised" });
        await OkAsync(applicant, $"/api/tasks/{await OnlyTaskAsync(applicant, "candidate", instance, "supplement")}/complete");
        await _walk.DistrictAsync(instance, new { districtOutcome = "recommend" });

        // The experts score it (77.8 passes); the site check fails it with an internal comment and a reason for the applicant.
        await _walk.PanelAsync(id, instance, ReviewWalk.GreenScores(70, 75, 88, 77, 79));
        await _walk.ApproverAsync(instance, "siteCheck", new { siteOutcome = "fail", siteComment = "Boiler room smells of fresh paint", rejectionReason = "The installed boiler is not the one in the application." });
        Assert.Equal(77.8m, (await InstanceAsync(admin, instance)).GetProperty("variables").GetProperty("panelScore").GetDecimal());

        // The enterprise tries the raw engine views of its own application: refused.
        await ProblemAssert.IsProblemAsync(await applicant.GetAsync($"/api/instances/{instance}"), HttpStatusCode.Forbidden);
        await ProblemAssert.IsProblemAsync(await applicant.GetAsync($"/api/instances/{instance}/journal"), HttpStatusCode.Forbidden);

        // Its timeline says where the file went and why, in the words addressed to it.
        var response = await applicant.GetAsync($"/api/applications/{id}/timeline");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var text = await response.Content.ReadAsStringAsync();
        var timeline = JsonDocument.Parse(text).RootElement;
        Assert.Equal("rejected", timeline.GetProperty("status").GetString());
        var entries = timeline.GetProperty("entries").EnumerateArray().ToList();
        Assert.Equal("submitted", entries[0].GetProperty("event").GetString());
        var returned = Assert.Single(entries, e => e.GetProperty("event").GetString() == "returned-for-supplement");
        Assert.Equal("Attach the energy audit report.", returned.GetProperty("reason").GetString());
        // Five working days on the holiday calendar, due by the end of the last one (Shanghai).
        var today = ProjectWorkflow.Funding.Calendar.ShanghaiDate.Of(app.Clock.GetUtcNow());
        var lastDay = ProjectWorkflow.Funding.Calendar.ShanghaiDate.Of(returned.GetProperty("until").GetDateTimeOffset().AddTicks(-1));
        Assert.Equal(5, ProjectWorkflow.Funding.Calendar.WorkingDayCalendar.WeekdaysOnly.WorkingDaysBetween(today, lastDay));   // no holiday in late January
        Assert.Equal(TimeSpan.Zero, returned.GetProperty("until").GetDateTimeOffset().ToOffset(TimeSpan.FromHours(8)).TimeOfDay);
        Assert.Equal(2, entries.Count(e => e.GetProperty("step").GetString() == "districtReview"));
        var panel = Assert.Single(entries, e => e.GetProperty("step").GetString() == "expertReview");
        Assert.Equal(JsonValueKind.String, panel.GetProperty("finishedAt").ValueKind);
        var rejected = Assert.Single(entries, e => e.GetProperty("event").GetString() == "rejected");
        Assert.Equal("The installed boiler is not the one in the application.", rejected.GetProperty("reason").GetString());
        Assert.Equal("ended", entries[^1].GetProperty("event").GetString());

        // ... and nothing of who reviewed it, how they scored, or what they noted among themselves.
        foreach (var secret in new[] { "reviewer1", "approver1", "expert1", "expert2", "expert3", "77.8", "fresh paint", "disorganised", "panelScore", "siteComment" })
            Assert.DoesNotContain(secret, text);

        // Nor does the application itself, or the applicant's notifications, name the staff who acted.
        var file = await (await applicant.GetAsync($"/api/applications/{id}")).Content.ReadAsStringAsync();
        var inbox = await (await applicant.GetAsync("/api/notifications?take=200")).Content.ReadAsStringAsync();
        foreach (var secret in new[] { "reviewer1", "approver1", "expert1", "77.8", "fresh paint" })
        {
            Assert.DoesNotContain(secret, file);
            Assert.DoesNotContain(secret, inbox);
        }
    }

    [Fact]
    public async Task AnExpert_ReadsNothingBeforeDeclaring_TheFileAfter_AndNothingOnceThePanelCloses()
    {
        using var applicant = await app.CreateClientForAsync("enterprise1");
        var (id, instance) = await _walk.SubmitAsync(applicant, "green-park", Project(Unique("Panel reads")));
        await _walk.DistrictAsync(instance, new { districtOutcome = "recommend" });
        using var expert = await app.CreateClientForAsync("expert1");
        await OnlyTaskAsync(expert, "mine", instance, "expertReview");

        // Before declaring: neither the engine's record nor the application.
        await ProblemAssert.IsProblemAsync(await expert.GetAsync($"/api/instances/{instance}"), HttpStatusCode.Forbidden);
        await ProblemAssert.IsProblemAsync(await expert.GetAsync($"/api/instances/{instance}/journal"), HttpStatusCode.Forbidden);
        await ProblemAssert.IsProblemAsync(await expert.GetAsync($"/api/applications/{id}"), HttpStatusCode.Forbidden);

        // After declaring no conflict: the application file, never the fund's internal record (other experts, comments).
        await OkAsync(expert, $"/api/applications/{id}/panel/declaration", NoConflict);
        Assert.Equal(HttpStatusCode.OK, (await expert.GetAsync($"/api/applications/{id}")).StatusCode);
        await ProblemAssert.IsProblemAsync(await expert.GetAsync($"/api/instances/{instance}"), HttpStatusCode.Forbidden);
        await ProblemAssert.IsProblemAsync(await expert.GetAsync($"/api/applications/{id}/timeline"), HttpStatusCode.Forbidden);
        var tasks = await expert.GetFromJsonAsync<JsonElement[]>($"/api/tasks?scope=all&instanceId={instance}");
        Assert.DoesNotContain("expert2", JsonSerializer.Serialize(tasks));

        // The panel closes: the file closes to its experts.
        await OkAsync(expert, $"/api/applications/{id}/panel/scores", new { points = new { savings = 40, technology = 24, management = 16 } });
        await _walk.PanelAsync(id, instance, new Dictionary<string, Dictionary<string, decimal>>
        {
            ["expert2"] = new() { ["savings"] = 40, ["technology"] = 24, ["management"] = 16 },
            ["expert3"] = new() { ["savings"] = 40, ["technology"] = 24, ["management"] = 16 },
            ["expert5"] = new() { ["savings"] = 40, ["technology"] = 24, ["management"] = 16 },
            ["expert6"] = new() { ["savings"] = 40, ["technology"] = 24, ["management"] = 16 },
        });
        await ProblemAssert.IsProblemAsync(await expert.GetAsync($"/api/applications/{id}"), HttpStatusCode.Forbidden);
        await ProblemAssert.IsProblemAsync(await expert.GetAsync($"/api/instances/{instance}"), HttpStatusCode.Forbidden);
        await ProblemAssert.IsProblemAsync(await expert.GetAsync($"/api/instances/{instance}/journal"), HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task ASiteCheck_CannotBeHandedToAnApproverWhoActsForTheApplicant_NorTheExpertsReviewToAColleague()
    {
        using var applicant = await app.CreateClientForAsync("enterprise1");
        using var admin = await app.CreateClientForAsync("admin1");
        using var approver = await app.CreateClientForAsync("approver1");
        var (id, instance) = await _walk.SubmitAsync(applicant, "green-park", Project(Unique("Insider check")));
        await _walk.DistrictAsync(instance, new { districtOutcome = "recommend" });

        // An expert tries to pass the drawn review to another expert.
        using var expert = await app.CreateClientForAsync("expert1");
        var review = await OnlyTaskAsync(expert, "mine", instance, "expertReview");
        await ProblemAssert.IsProblemAsync(await PostAsync(expert, $"/api/tasks/{review}/transfer", new { user = "expert4" }), HttpStatusCode.BadRequest);
        await _walk.PanelAsync(id, instance, ReviewWalk.GreenScores(80, 80, 80, 80, 80));

        // A department approver who also acts for the applying enterprise.
        var insider = await PersonAsync(admin, "approver-insider", "dept-approver");
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ProjectWorkflowDbContext>();
            var enterpriseId = (await ApplicationAsync(applicant, id)).GetProperty("enterpriseId").GetGuid();
            if (!await db.Set<EnterpriseMember>().AnyAsync(m => m.UserName == insider))
                (await db.Set<Enterprise>().Include(e => e.Members).SingleAsync(e => e.Id == enterpriseId)).AddMember(insider);
            await db.SaveChangesAsync();
        }
        var site = await OnlyTaskAsync(approver, "candidate", instance, "siteCheck");
        await OkAsync(approver, $"/api/tasks/{site}/claim");

        var handed = await PostAsync(approver, $"/api/tasks/{site}/transfer", new { user = insider });
        Assert.Equal("RoleConflict", (await ProblemAssert.IsProblemAsync(handed, HttpStatusCode.UnprocessableEntity)).GetProperty("rule").GetString());
        Assert.Equal("approver1", (await TasksAsync(approver, "mine", instance)).Single().GetProperty("assignee").GetString());
    }

    [Fact]
    public async Task ARecusedExpert_ReadsNothing()
    {
        using var applicant = await app.CreateClientForAsync("enterprise1");
        var (id, instance) = await _walk.SubmitAsync(applicant, "green-park", Project(Unique("Recused reads")));
        await _walk.DistrictAsync(instance, new { districtOutcome = "recommend" });
        using var expert = await app.CreateClientForAsync("expert2");

        await OkAsync(expert, $"/api/applications/{id}/panel/declaration", new
        {
            workedForOrAdvisedApplicant = false, legalDisputeWithApplicant = false, draftedTheCall = false, controlOrInvestmentTies = true, closeRelativeInvolved = false,
        });

        await ProblemAssert.IsProblemAsync(await expert.GetAsync($"/api/instances/{instance}"), HttpStatusCode.Forbidden);
        await ProblemAssert.IsProblemAsync(await expert.GetAsync($"/api/instances/{instance}/journal"), HttpStatusCode.Forbidden);
        await ProblemAssert.IsProblemAsync(await expert.GetAsync($"/api/applications/{id}"), HttpStatusCode.Forbidden);
    }
}
