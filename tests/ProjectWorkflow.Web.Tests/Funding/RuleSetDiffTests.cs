using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using ProjectWorkflow.Application.Schemes;
using ProjectWorkflow.Web.Tests.Fixtures;

namespace ProjectWorkflow.Web.Tests.Funding;

/// <summary>
/// What changed in a scheme's policy from one year to the next — rates, caps, window, panel, notice — compared rule by
/// rule (the pure <see cref="RuleSetDiff"/>), and read by the staff in words and as a table (CompareRuleSets).
/// </summary>
public sealed class RuleSetDiffTests(FundingApp app) : IClassFixture<FundingApp>
{
    private static readonly RuleSetDocument Year2026 = new(2026, "2026 notice",
        new DateTimeOffset(2026, 1, 20, 9, 0, 0, TimeSpan.FromHours(8)), new DateTimeOffset(2026, 2, 4, 16, 0, 0, TimeSpan.FromHours(8)),
        ["equipment", "software"], new SupportDocument("investment-subsidy", 0.1m, 10_000_000_000, null, null, null), [50, 50], 5, 24, 1, 12, 3, 2,
        new PanelDocument(7, 5, [new CriterionDocument("technology", "Technology", 40m), new CriterionDocument("economics", "Economics", 60m)], 60m, true,
            new Dictionary<string, int> { ["technical"] = 4, ["financial"] = 3 }, 3),
        true, 3, "budget", null, 0.6m, ["equipment", "construction"], 2, 3, [new AttachmentKindDocument("feasibility-report", "可行性研究报告", "feasibility report")]);

    [Fact]
    public void RuleSetDiff_NamesEachRuleThatChanged_WithItsValuesBeforeAndAfter()
    {
        var year2027 = Year2026 with
        {
            Year = 2027,
            WindowOpens = new DateTimeOffset(2027, 1, 18, 9, 0, 0, TimeSpan.FromHours(8)),
            WindowCloses = null,
            Support = Year2026.Support! with { Rate = 0.12m, CapFen = 8_000_000_000 },
            NoticeWorkingDays = 7,
            MinFixedAssetShare = null,
            Panel = Year2026.Panel! with
            {
                PassScore = 65m,
                Seats = new Dictionary<string, int> { ["technical"] = 5, ["financial"] = 2 },
                Rubric = [new CriterionDocument("technology", "Technology", 40m), new CriterionDocument("innovation", "Innovation", 60m)],
            },
            RequiredAttachments = [.. Year2026.RequiredAttachments!, new AttachmentKindDocument("audit-plan", "审计计划", "audit plan")],
        };

        var changes = RuleSetDiff.Between(Year2026, year2027).Select(c => (c.Field, c.Item, c.Change, c.Before, c.After)).ToList();

        (string, string?, string, string?, string?)[] expected =
        [
            ("windowOpens", null, "changed", "2026-01-20 09:00", "2027-01-18 09:00"),
            ("windowCloses", null, "removed", "2026-02-04 16:00", null),
            ("support.rate", null, "changed", "0.1", "0.12"),
            ("support.cap", null, "changed", "10000000000", "8000000000"),
            ("minFixedAssetShare", null, "removed", "0.6", null),
            ("panel.seats", "financial", "changed", "3", "2"),
            ("panel.seats", "technical", "changed", "4", "5"),
            ("panel.passScore", null, "changed", "60", "65"),
            ("panel.rubric", "economics", "removed", "60", null),
            ("panel.rubric", "innovation", "added", null, "60"),
            ("noticeWorkingDays", null, "changed", "5", "7"),
            ("requiredAttachments", "audit-plan", "added", null, "审计计划 / audit plan"),
        ];
        Assert.Equal(expected, changes);
        Assert.Empty(RuleSetDiff.Between(Year2026, Year2026 with { }));
        // The same figure written differently (0.10 and 0.1) is no change.
        Assert.Empty(RuleSetDiff.Between(Year2026, Year2026 with { Support = Year2026.Support! with { Rate = 0.10m } }));
    }

    [Fact]
    public async Task CompareRuleSets_ShowsWhatChangedBetweenTwoYears_InWordsAndAsATable()
    {
        using var admin = await app.CreateClientForAsync("admin1");
        using var applicant = await app.CreateClientForAsync("enterprise1");
        var scheme = await admin.GetFromJsonAsync<JsonElement>("/api/schemes/tech-upgrade");
        var latest = scheme.GetProperty("ruleSets").EnumerateArray().Last();
        var year = latest.GetProperty("year").GetInt32();

        // Next year's notice: 12% instead of 10%, capped at 80 million yuan instead of 100 million, a 7-working-day notice.
        var rules = JsonNode.Parse(latest.GetProperty("rules").GetRawText())!.AsObject();
        rules["year"] = year + 1;
        rules["source"] = "test notice";
        rules["windowOpens"] = null;
        rules["windowCloses"] = null;
        rules["support"]!["rate"] = 0.12m;
        rules["support"]!["capFen"] = 8_000_000_000L;
        rules["noticeWorkingDays"] = 7;
        var added = await admin.PostAsJsonAsync("/api/schemes/tech-upgrade/rule-sets", rules);
        Assert.True(added.StatusCode == HttpStatusCode.Created, await added.Content.ReadAsStringAsync());

        // Any signed-in user reads the policy's changes as JSON (the rule sets are public policy), in both languages.
        var diff = await applicant.GetFromJsonAsync<JsonElement>($"/api/schemes/tech-upgrade/rule-sets/diff?from={year}&to={year + 1}");
        var changes = diff.GetProperty("changes").EnumerateArray().ToDictionary(c => c.GetProperty("field").GetString()!);
        Assert.Equal("0.1", changes["support.rate"].GetProperty("before").GetString());
        Assert.Equal("0.12", changes["support.rate"].GetProperty("after").GetString());
        Assert.Equal("补助比例：由 10% 调整为 12%。", changes["support.rate"].GetProperty("textZh").GetString());
        Assert.Equal("Subsidy rate: from 10% to 12%.", changes["support.rate"].GetProperty("textEn").GetString());
        Assert.Equal("Cap: from ¥100,000,000.00 to ¥80,000,000.00.", changes["support.cap"].GetProperty("textEn").GetString());
        Assert.Equal("公示期：由 5 个工作日 调整为 7 个工作日。", changes["noticeWorkingDays"].GetProperty("textZh").GetString());
        Assert.DoesNotContain("buildPeriodMonths", changes.Keys);
        // Without years: the latest against the one before.
        Assert.Equal(year, (await applicant.GetFromJsonAsync<JsonElement>("/api/schemes/tech-upgrade/rule-sets/diff")).GetProperty("from").GetInt32());

        // The staff's page says it in words and in a table of both years.
        using var portal = await app.CreateSignedInClientAsync("approver1");
        var page = await portal.GetAsync($"/portal/schemes/tech-upgrade/changes?from={year}&to={year + 1}");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var html = WebUtility.HtmlDecode(await page.Content.ReadAsStringAsync());
        Assert.Contains("补助比例：由 10% 调整为 12%。", html);
        Assert.Contains("补助上限：由 ¥100,000,000.00 调整为 ¥80,000,000.00。", html);
        Assert.Matches("<tr data-field=\"support.cap\"[^>]*><th scope=\"row\">补助上限</th>\\s*<td data-raw=\"10000000000\">¥100,000,000.00</td>\\s*<td data-raw=\"8000000000\">¥80,000,000.00</td>", html);
        Assert.Contains("id=\"rule-changes-table\"", html);

        // Years it has no rules for, or a scheme that does not exist, are refused naming what to fix.
        var refused = await ProblemAssert.IsProblemAsync(await applicant.GetAsync("/api/schemes/tech-upgrade/rule-sets/diff?from=1999&to=2090"), HttpStatusCode.BadRequest);
        var named = refused.GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("field").GetString()).ToList();
        Assert.Contains("from", named);
        Assert.Contains("to", named);
        await ProblemAssert.IsProblemAsync(await applicant.GetAsync("/api/schemes/moon-base/rule-sets/diff"), HttpStatusCode.NotFound);
        Assert.Equal(HttpStatusCode.Forbidden, (await applicant.GetAsync($"/portal/schemes/tech-upgrade/changes")).StatusCode);
    }
}
