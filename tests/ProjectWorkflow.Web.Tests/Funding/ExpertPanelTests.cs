using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ProjectWorkflow.Application.Enterprises;
using ProjectWorkflow.Web.Tests.Fixtures;
using static ProjectWorkflow.Web.Tests.Funding.FundingApi;
using static ProjectWorkflow.Web.Tests.Workflows.WorkflowApi;

namespace ProjectWorkflow.Web.Tests.Funding;

/// <summary>
/// The expert panel with the demo pool (experts 1–4 and 8 technical, 5–7 and 9 financial; expert 9 disputed with the
/// demo enterprise): drawn in the rule set's mix, a recusal replaced from the pool, quorum as its own figure, related
/// experts never drawn, and a pool too small asking the department instead of faulting. The lot is first in line.
/// </summary>
public sealed class ExpertPanelTests(FundingApp app) : IClassFixture<FundingApp>
{
    private readonly ReviewWalk _walk = new(app);

    private static string Unique(string name) => $"{name} {Guid.NewGuid():N}"[..30];

    private static readonly object NoConflict = new
    {
        workedForOrAdvisedApplicant = false, legalDisputeWithApplicant = false, draftedTheCall = false, controlOrInvestmentTies = false, closeRelativeInvolved = false,
    };

    private static readonly object Conflict = new
    {
        workedForOrAdvisedApplicant = true, legalDisputeWithApplicant = false, draftedTheCall = false, controlOrInvestmentTies = false, closeRelativeInvolved = false,
    };

    private static async Task<JsonElement[]> PanelAsync(HttpClient staff, Guid id) =>
        (await staff.GetFromJsonAsync<JsonElement[]>($"/api/applications/{id}/panel"))!;

    private static Dictionary<string, string?> Seats(JsonElement[] panel, bool recused = false) =>
        panel.Where(p => p.GetProperty("recused").GetBoolean() == recused)
            .ToDictionary(p => p.GetProperty("expert").GetString()!, p => p.GetProperty("field").GetString());

    [Fact]
    public async Task ATechUpgradePanel_WithARecusalReplacedAndOneNot_DecidesOnItsQuorum()
    {
        using var applicant = await app.CreateClientForAsync("enterprise1");
        using var admin = await app.CreateClientForAsync("admin1");
        using var approver = await app.CreateClientForAsync("approver1");
        var (id, instance) = await _walk.SubmitAsync(applicant, "tech-upgrade", Project(Unique("Panel with recusals")));
        await _walk.DistrictAsync(instance, new { districtOutcome = "recommend" });

        // Seven seats in the 2026 mix: four technical, three financial; expert 9 (a dispute with the applicant) is not among them.
        var drawn = Seats(await PanelAsync(approver, id));
        Assert.Equal(ReviewWalk.SevenPanel, drawn.Keys.Order());
        Assert.Equal(4, drawn.Values.Count(f => f == "technical"));
        Assert.Equal(3, drawn.Values.Count(f => f == "financial"));
        var audit = await admin.GetFromJsonAsync<JsonElement>("/api/audit?action=panel.drawn&take=50");
        Assert.Contains(audit.GetProperty("entries").EnumerateArray(), e => e.GetProperty("detail").GetString()!.Contains("expert7 (financial)"));

        // Expert 2 (technical) declares a conflict: the next technical expert in the pool, expert 8, takes the seat and the task.
        using var expert2 = await app.CreateClientForAsync("expert2");
        await OkAsync(expert2, $"/api/applications/{id}/panel/declaration", Conflict);
        Assert.Empty(await TasksAsync(expert2, "mine", instance));
        await ProblemAssert.IsProblemAsync(await expert2.GetAsync($"/api/applications/{id}"), HttpStatusCode.Forbidden);
        using var expert8 = await app.CreateClientForAsync("expert8");
        await OnlyTaskAsync(expert8, "mine", instance, "expertReview");
        var replaced = (await PanelAsync(approver, id)).Single(p => p.GetProperty("expert").GetString() == "expert8");
        Assert.Equal("expert2", replaced.GetProperty("replaces").GetString());
        Assert.Equal("technical", replaced.GetProperty("field").GetString());

        // Expert 6 (financial) declares a conflict: no financial expert is left (5 and 7 sit, 9 is related), so the panel
        // goes on with six, which still reaches the quorum of five.
        using var expert6 = await app.CreateClientForAsync("expert6");
        await OkAsync(expert6, $"/api/applications/{id}/panel/declaration", Conflict);
        Assert.Empty(await TasksAsync(expert6, "mine", instance));
        Assert.Equal(["expert2", "expert6"], Seats(await PanelAsync(approver, id), recused: true).Keys.Order());

        var totals = new Dictionary<string, decimal> { ["expert1"] = 80, ["expert3"] = 70, ["expert4"] = 85, ["expert5"] = 60, ["expert7"] = 65, ["expert8"] = 90 };
        foreach (var (expert, total) in totals)
        {
            using var client = await app.CreateClientForAsync(expert);
            await OkAsync(client, $"/api/applications/{id}/panel/declaration", NoConflict);
            await OkAsync(client, $"/api/applications/{id}/panel/scores", new { points = new { technology = total * 0.4m, economics = total * 0.3m, management = total * 0.3m } });
        }

        var variables = (await InstanceAsync(admin, instance)).GetProperty("variables");
        Assert.True(variables.GetProperty("panelQuorate").GetBoolean());
        Assert.Equal(6, variables.GetProperty("panelSheets").GetInt32());
        Assert.Equal(75m, variables.GetProperty("panelScore").GetDecimal());   // (65 + 70 + 80 + 85) / 4, highest and lowest dropped
        Assert.True(variables.GetProperty("panelPassed").GetBoolean());

        // The file goes on to the site check; the amount is 10% of the eligible investment, to the fen.
        await _walk.ApproverAsync(instance, "siteCheck", new { siteOutcome = "pass" });
        var application = await ApplicationAsync(applicant, id);
        Assert.Equal(1_012_345_678L, application.GetProperty("approvedAmountFen").GetInt64());
        Assert.Equal("running", (await InstanceAsync(admin, instance)).GetProperty("status").GetString());

        // The applicant reads neither who sat nor who recused.
        var seen = JsonSerializer.Serialize(application) + await applicant.GetStringAsync($"/api/applications/{id}/timeline");
        foreach (var expert in new[] { "expert1", "expert2", "expert6", "expert8" })
            Assert.DoesNotContain(expert, seen);
        await ProblemAssert.IsProblemAsync(await applicant.GetAsync($"/api/applications/{id}/panel"), HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task AnExpertTiedToTheApplicant_IsNeverDrawn()
    {
        using var applicant = await app.CreateClientForAsync("enterprise1");
        using var admin = await app.CreateClientForAsync("admin1");
        var pool = await admin.GetFromJsonAsync<JsonElement[]>("/api/experts");
        var expert9 = pool!.Single(e => e.GetProperty("expert").GetString() == "expert9");
        Assert.Equal("legal-dispute", expert9.GetProperty("relations")[0].GetProperty("kind").GetString());

        // Expert 1 advised the enterprise last year: recorded by the administrator.
        var related = await PostAsync(admin, "/api/experts/expert1/relations", new { kind = "advisory", uscc = DemoEnterpriseSeed.Uscc, endedOn = "2025-09-30", note = "energy audit consulting" });
        Assert.Equal(HttpStatusCode.Created, related.StatusCode);
        var relationId = (await related.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();
        try
        {
            var (id, instance) = await _walk.SubmitAsync(applicant, "smart-factory", Project(Unique("Related expert")));
            await _walk.DistrictAsync(instance, new { districtOutcome = "recommend" });

            var seats = Seats(await PanelAsync(admin, id));
            Assert.DoesNotContain("expert1", seats.Keys);
            Assert.DoesNotContain("expert9", seats.Keys);
            Assert.Equal(["expert2", "expert3", "expert4"], seats.Where(s => s.Value == "technical").Select(s => s.Key).Order());
            Assert.Equal(["expert5", "expert6"], seats.Where(s => s.Value == "financial").Select(s => s.Key).Order());
            using var expert1 = await app.CreateClientForAsync("expert1");
            Assert.Empty(await TasksAsync(expert1, "mine", instance));
        }
        finally
        {
            Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"/api/experts/expert1/relations/{relationId}")).StatusCode);
        }

        // The pool is kept with care: a wrong USCC, an unknown field or someone who is not an expert is refused, naming the field.
        var badUscc = await PostAsync(admin, "/api/experts/expert1/relations", new { kind = "employer", uscc = "91310115MA1H8C2Q0X" });
        Assert.Contains((await ProblemAssert.IsProblemAsync(badUscc, HttpStatusCode.BadRequest)).GetProperty("errors").EnumerateArray(), e => e.GetProperty("field").GetString() == "uscc");
        var badField = await admin.PutAsJsonAsync("/api/experts/expert1", new { fields = new[] { "legal" } });
        Assert.Contains((await ProblemAssert.IsProblemAsync(badField, HttpStatusCode.BadRequest)).GetProperty("errors").EnumerateArray(), e => e.GetProperty("field").GetString() == "fields");
        var notExpert = await admin.PutAsJsonAsync("/api/experts/approver1", new { fields = new[] { "technical" } });
        Assert.Contains((await ProblemAssert.IsProblemAsync(notExpert, HttpStatusCode.BadRequest)).GetProperty("errors").EnumerateArray(), e => e.GetProperty("field").GetString() == "expert");
        using var approver = await app.CreateClientForAsync("approver1");
        await ProblemAssert.IsProblemAsync(await PostAsync(approver, "/api/experts/expert1/relations", new { kind = "employer", uscc = DemoEnterpriseSeed.Uscc }), HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task APoolTooSmall_NeverFaultsThePanel_TheDepartmentAddsExpertsAndRedraws()
    {
        using var applicant = await app.CreateClientForAsync("enterprise1");
        using var admin = await app.CreateClientForAsync("admin1");
        using var approver = await app.CreateClientForAsync("approver1");

        // Every technical expert worked for the applicant: two financial experts could sit, short of the quorum of four.
        var relations = new Dictionary<string, long>();
        foreach (var expert in new[] { "expert1", "expert2", "expert3", "expert4", "expert8" })
        {
            var related = await PostAsync(admin, $"/api/experts/{expert}/relations", new { kind = "employer", uscc = DemoEnterpriseSeed.Uscc });
            relations[expert] = (await related.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();
        }
        try
        {
            var (id, instance) = await _walk.SubmitAsync(applicant, "green-park", Project(Unique("Short panel")));
            await _walk.DistrictAsync(instance, new { districtOutcome = "recommend" });

            // Nobody is seated, nothing faults: the department has a task.
            Assert.Empty(await PanelAsync(approver, id));
            var waiting = await InstanceAsync(admin, instance);
            Assert.Equal("running", waiting.GetProperty("status").GetString());
            Assert.Empty(waiting.GetProperty("incidents").EnumerateArray());
            Assert.False(waiting.GetProperty("variables").GetProperty("panelQuorate").GetBoolean());
            var shortage = await OnlyTaskAsync(approver, "candidate", instance, "panelShortage");
            var audit = await admin.GetFromJsonAsync<JsonElement>("/api/audit?action=panel.short&take=50");
            Assert.Contains(audit.GetProperty("entries").EnumerateArray(), e => e.GetProperty("objectId").GetString() == id.ToString("D"));

            // The administrator corrects the pool (two relations were recorded by mistake, and expert 5 also reviews technology);
            // the department redraws.
            foreach (var expert in new[] { "expert2", "expert3" })
                Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"/api/experts/{expert}/relations/{relations[expert]}")).StatusCode);
            relations.Remove("expert2");
            relations.Remove("expert3");
            var both = await admin.PutAsJsonAsync("/api/experts/expert5", new { fields = new[] { "technical", "financial" } });
            Assert.Equal(HttpStatusCode.OK, both.StatusCode);
            await OkAsync(approver, $"/api/tasks/{shortage}/complete", new { variables = new { panelShortageOutcome = "redraw" } });

            // Technical seats first: experts 2, 3 and 5; then the financial seats from those left: 6 and 7.
            var seats = Seats(await PanelAsync(approver, id));
            Assert.Equal(["expert2", "expert3", "expert5"], seats.Where(s => s.Value == "technical").Select(s => s.Key).Order());
            Assert.Equal(["expert6", "expert7"], seats.Where(s => s.Value == "financial").Select(s => s.Key).Order());
            using var expert7 = await app.CreateClientForAsync("expert7");
            await OnlyTaskAsync(expert7, "mine", instance, "expertReview");
        }
        finally
        {
            foreach (var (expert, relation) in relations)
                await admin.DeleteAsync($"/api/experts/{expert}/relations/{relation}");
            await admin.PutAsJsonAsync("/api/experts/expert5", new { fields = new[] { "financial" } });
        }
    }

    [Fact]
    public async Task TheDepartment_MayRejectAFileTheyCannotStaff()
    {
        using var applicant = await app.CreateClientForAsync("enterprise1");
        using var admin = await app.CreateClientForAsync("admin1");
        using var approver = await app.CreateClientForAsync("approver1");
        var related = await PostAsync(admin, "/api/experts/expert5/relations", new { kind = "investment-or-control", uscc = DemoEnterpriseSeed.Uscc });
        var relation = (await related.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();
        var related6 = await PostAsync(admin, "/api/experts/expert6/relations", new { kind = "investment-or-control", uscc = DemoEnterpriseSeed.Uscc });
        var relation6 = (await related6.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();
        try
        {
            // Financial seats: only expert 7 is left; with three technical experts the panel of five seats four — its quorum.
            var (id, instance) = await _walk.SubmitAsync(applicant, "green-park", Project(Unique("Thin pool")));
            await _walk.DistrictAsync(instance, new { districtOutcome = "recommend" });
            Assert.Equal(4, Seats(await PanelAsync(approver, id)).Count);

            // One of the four recuses and no one replaces them: the three left score, and the department decides.
            using var expert7 = await app.CreateClientForAsync("expert7");
            await OkAsync(expert7, $"/api/applications/{id}/panel/declaration", Conflict);
            await _walk.PanelAsync(id, instance, new Dictionary<string, Dictionary<string, decimal>>
            {
                ["expert1"] = new() { ["savings"] = 40, ["technology"] = 24, ["management"] = 16 },
                ["expert2"] = new() { ["savings"] = 40, ["technology"] = 24, ["management"] = 16 },
                ["expert3"] = new() { ["savings"] = 40, ["technology"] = 24, ["management"] = 16 },
            });
            Assert.Equal("running", (await InstanceAsync(admin, instance)).GetProperty("status").GetString());
            var shortage = await OnlyTaskAsync(approver, "candidate", instance, "panelShortage");
            await OkAsync(approver, $"/api/tasks/{shortage}/complete",
                new { variables = new { panelShortageOutcome = "reject", rejectionReason = "专家库无法组成合议庭 No panel could be formed for this file." } });
            Assert.Equal("rejected", (await ApplicationAsync(applicant, id)).GetProperty("status").GetString());
        }
        finally
        {
            await admin.DeleteAsync($"/api/experts/expert5/relations/{relation}");
            await admin.DeleteAsync($"/api/experts/expert6/relations/{relation6}");
        }
    }
}

/// <summary>A tie to the applicant learned after the draw: the seated expert is recused and a replacement takes the seat.</summary>
public sealed class ExpertRelatedAfterSeatingTests(FundingApp app) : IClassFixture<FundingApp>
{
    private readonly ReviewWalk _walk = new(app);

    [Fact]
    public async Task ARelationRecordedAfterSeating_RecusesTheExpert_AndDrawsAReplacement()
    {
        using var applicant = await app.CreateClientForAsync("enterprise1");
        using var admin = await app.CreateClientForAsync("admin1");
        var (id, instance) = await _walk.SubmitAsync(applicant, "green-park", Project("Seated, then found related"));
        await _walk.DistrictAsync(instance, new { districtOutcome = "recommend" });
        var panel = (await admin.GetFromJsonAsync<JsonElement[]>($"/api/applications/{id}/panel"))!;
        Assert.Equal(ReviewWalk.FivePanel, panel.Select(p => p.GetProperty("expert").GetString()).Order());
        using var expert1 = await app.CreateClientForAsync("expert1");
        await OnlyTaskAsync(expert1, "mine", instance, "expertReview");
        var field = panel.Single(p => p.GetProperty("expert").GetString() == "expert1").GetProperty("field").GetString();

        // The administrator learns that expert 1 works for the applicant: recording it takes them off the panel at once.
        var related = await PostAsync(admin, "/api/experts/expert1/relations", new { kind = "employer", uscc = DemoEnterpriseSeed.Uscc, note = "employed since 2024" });
        Assert.Equal(HttpStatusCode.Created, related.StatusCode);

        Assert.Empty(await TasksAsync(expert1, "mine", instance));
        await ProblemAssert.IsProblemAsync(await expert1.GetAsync($"/api/applications/{id}"), HttpStatusCode.Forbidden);
        var after = (await admin.GetFromJsonAsync<JsonElement[]>($"/api/applications/{id}/panel"))!;
        Assert.True(after.Single(p => p.GetProperty("expert").GetString() == "expert1").GetProperty("recused").GetBoolean());
        var replacement = after.Single(p => p.GetProperty("replaces").GetString() == "expert1");
        Assert.Equal(field, replacement.GetProperty("field").GetString());
        Assert.DoesNotContain(replacement.GetProperty("expert").GetString(), ReviewWalk.FivePanel);
        using var newcomer = await app.CreateClientForAsync(replacement.GetProperty("expert").GetString()!);
        await OnlyTaskAsync(newcomer, "mine", instance, "expertReview");
        Assert.Equal(5, after.Count(p => !p.GetProperty("recused").GetBoolean()));

        var audit = await admin.GetFromJsonAsync<JsonElement>("/api/audit?action=panel.recused");
        Assert.Contains(audit.GetProperty("entries").EnumerateArray(), e => e.GetProperty("actor").GetString() == "admin1"
            && e.GetProperty("detail").GetString()!.Contains("expert1 recused after the draw"));
        var state = await InstanceAsync(admin, instance);
        Assert.Equal("running", state.GetProperty("status").GetString());
        Assert.Empty(state.GetProperty("incidents").EnumerateArray());
    }
}
