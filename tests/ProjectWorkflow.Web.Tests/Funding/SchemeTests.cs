using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ProjectWorkflow.Web.Tests.Fixtures;

namespace ProjectWorkflow.Web.Tests.Funding;

/// <summary>Schemes and their yearly rule sets: seeded defaults, and new years added by an administrator without code.</summary>
[Collection(PortalAppCollection.Name)]
public sealed class SchemeTests(PortalApp app)
{
    [Fact]
    public async Task TheThreeSchemes_AreSeededWith2026Defaults_InFen()
    {
        using var applicant = await app.CreateClientForAsync("enterprise1");

        var schemes = await applicant.GetFromJsonAsync<JsonElement[]>("/api/schemes");
        Assert.Equal(["green-park", "smart-factory", "tech-upgrade"], schemes!.Select(s => s.GetProperty("key").GetString()!).Order());
        var tech = await applicant.GetFromJsonAsync<JsonElement>("/api/schemes/tech-upgrade");
        var rules = tech.GetProperty("ruleSets")[0].GetProperty("rules");
        Assert.Equal(2026, rules.GetProperty("year").GetInt32());
        Assert.Equal(10_000_000_000L, rules.GetProperty("support").GetProperty("capFen").GetInt64());   // 1亿元
        Assert.Equal(0.10m, rules.GetProperty("support").GetProperty("rate").GetDecimal());
        Assert.Equal([50, 50], rules.GetProperty("installmentPercents").EnumerateArray().Select(p => p.GetInt32()));
        Assert.Equal(5, rules.GetProperty("noticeWorkingDays").GetInt32());
        Assert.Contains("found", rules.GetProperty("source").GetString());
        var green = await applicant.GetFromJsonAsync<JsonElement>("/api/schemes/green-park");
        Assert.Equal("energy-saving", green.GetProperty("ruleSets")[0].GetProperty("rules").GetProperty("support").GetProperty("method").GetString());
        await ProblemAssert.IsProblemAsync(await applicant.GetAsync("/api/schemes/moon-base"), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task AnAdministrator_AddsNextYearsRules_OnceOnly_AndNobodyElseCan()
    {
        using var admin = await app.CreateClientForAsync("admin1");
        using var approver = await app.CreateClientForAsync("approver1");
        var year = 2030 + Random.Shared.Next(0, 60);
        var rules = new
        {
            year,
            source = "title awards for green factories (test)",
            eligibleCostCategories = new[] { "equipment" },
            support = new { method = "title-award", awardsFen = new Dictionary<string, long> { ["city-green-factory"] = 50_000_000, ["national-green-factory"] = 100_000_000 } },
            panel = new { size = 3, quorum = 3, passScore = 60, rubric = new[] { new { key = "savings", name = "Savings", maxPoints = 100 } } },
        };

        var added = await admin.PostAsJsonAsync("/api/schemes/green-park/rule-sets", rules);
        var again = await admin.PostAsJsonAsync("/api/schemes/green-park/rule-sets", rules);
        var notAdmin = await approver.PostAsJsonAsync("/api/schemes/green-park/rule-sets", rules);

        Assert.Equal(HttpStatusCode.Created, added.StatusCode);
        await ProblemAssert.IsProblemAsync(again, HttpStatusCode.Conflict);
        await ProblemAssert.IsProblemAsync(notAdmin, HttpStatusCode.Forbidden);
        var green = await admin.GetFromJsonAsync<JsonElement>("/api/schemes/green-park");
        var stored = green.GetProperty("ruleSets").EnumerateArray().Single(r => r.GetProperty("year").GetInt32() == year);
        Assert.Equal(5, stored.GetProperty("rules").GetProperty("noticeWorkingDays").GetInt32());   // defaults filled in
        Assert.Equal("admin1", stored.GetProperty("addedBy").GetString());
    }

    [Fact]
    public async Task ABrokenRuleSet_IsRefusedWithEveryProblem()
    {
        using var admin = await app.CreateClientForAsync("admin1");
        var response = await admin.PostAsJsonAsync("/api/schemes/tech-upgrade/rule-sets", new
        {
            year = 2099,
            eligibleCostCategories = new[] { "equipment", "lunch" },
            support = new { method = "investment-subsidy", rate = 0.1 },
            installmentPercents = new[] { 50, 40 },
            panel = new { size = 5, quorum = 7, passScore = 60, rubric = new[] { new { key = "t", name = "T", maxPoints = 100 } } },
        });

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest);
        var fields = problem.GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("field").GetString()).ToList();
        Assert.Contains("source", fields);
        Assert.Contains("eligibleCostCategories", fields);
        Assert.Contains("support", fields);
    }

    [Fact]
    public async Task ARuleSetsProblems_AreSaidInChineseAndEnglish()
    {
        using var admin = await app.CreateClientForAsync("admin1");
        var response = await admin.PostAsJsonAsync("/api/schemes/green-park/rule-sets", new
        {
            year = 2031,
            source = "problems in both languages (test)",
            eligibleCostCategories = new[] { "equipment" },
            support = new { method = "title-award", awardsFen = new Dictionary<string, long> { ["city-green-factory"] = 50_000_000 } },
            installmentPercents = new[] { 50, 40 },
            panel = new { size = 3, quorum = 4, passScore = 60, rubric = new[] { new { key = "savings", name = "Savings", maxPoints = 100 } } },
        });

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest);
        var ruleSet = problem.GetProperty("errors").EnumerateArray().Where(e => e.GetProperty("field").GetString() == "ruleSet").ToList();
        Assert.Equal(2, ruleSet.Count);
        Assert.Contains(ruleSet, e => e.GetProperty("message").GetString()!.Contains("add up to 100")
            && e.GetProperty("messageZh").GetString() == "分期拨付比例须为正数且合计为100（如 50, 50）。");
        Assert.Contains(ruleSet, e => e.GetProperty("message").GetString()!.Contains("quorum")
            && e.GetProperty("messageZh").GetString()!.Contains("法定人数"));
    }
}
