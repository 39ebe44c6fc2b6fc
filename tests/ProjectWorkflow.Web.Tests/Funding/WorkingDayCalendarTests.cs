using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using ProjectWorkflow.Application.Warnings;
using ProjectWorkflow.Web.Tests.Fixtures;
using static ProjectWorkflow.Web.Tests.Funding.FundingApi;
using static ProjectWorkflow.Web.Tests.Workflows.WorkflowApi;

namespace ProjectWorkflow.Web.Tests.Funding;

/// <summary>
/// Working days as the State Council's notice sets them (2025 and 2026 shipped), kept by administrators, read by every
/// count; and the warnings that tell administrators what a year still lacks.
/// </summary>
public sealed class WorkingDayCalendarTests(FundingApp app) : IClassFixture<FundingApp>
{
    private readonly ReviewWalk _walk = new(app);

    [Fact]
    public async Task PublishNotice_ApprovedOnTuesday20260922_RunsFiveWorkingDaysFromWednesday_AndEndsAfterWednesday20260930()
    {
        using var applicant = await app.CreateClientForAsync("enterprise1");
        using var admin = await app.CreateClientForAsync("admin1");
        // Tuesday 2026-09-22, 10:00 in Shanghai: the notice's first day is Wednesday the 23rd.
        await app.AdvanceAsync(new DateTimeOffset(2026, 9, 22, 2, 0, 0, TimeSpan.Zero) - app.Clock.GetUtcNow());

        var (id, instance) = await _walk.SubmitAsync(applicant, "green-park", Project($"Heat pumps {Guid.NewGuid():N}"[..28], leader: "310101198001010038"));
        await _walk.DistrictAsync(instance, new { districtOutcome = "recommend" });
        await _walk.PanelAsync(id, instance, ReviewWalk.GreenScores(70, 72, 74, 72, 72));
        await _walk.ApproverAsync(instance, "siteCheck", new { siteOutcome = "pass" });
        await _walk.ApproverAsync(instance, "jointReview", new { jointOutcome = "approve" });

        // Sep 23, 24 count; Sep 25–27 (Mid-Autumn) do not; Sep 28, 29, 30 count; Oct 1–7 (National Day) would not have.
        var noticeEndsAt = (await InstanceAsync(admin, instance)).GetProperty("variables").GetProperty("noticeEndsAt").GetDateTimeOffset();
        Assert.Equal(new DateTimeOffset(2026, 10, 1, 0, 0, 0, TimeSpan.FromHours(8)), noticeEndsAt);
        var timeline = await applicant.GetFromJsonAsync<JsonElement>($"/api/applications/{id}/timeline");
        var notice = timeline.GetProperty("entries").EnumerateArray().Single(e => e.GetProperty("event").GetString() == "in-public-notice");
        Assert.Equal("In public notice from 2026-09-22 until the end of 2026-09-30.", notice.GetProperty("textEn").GetString());
    }

    [Fact]
    public async Task TheHolidayYears_AreShipped_ReadByStaff_AndSetByAdministratorsOnly_WithTheChangeAudited()
    {
        using var admin = await app.CreateClientForAsync("admin1");
        using var reviewer = await app.CreateClientForAsync("reviewer1");
        using var applicant = await app.CreateClientForAsync("enterprise1");

        var y2026 = await reviewer.GetFromJsonAsync<JsonElement>("/api/calendar/2026");
        var off = y2026.GetProperty("daysOff").EnumerateArray().Select(d => d.GetString()).ToList();
        Assert.Contains("2026-10-07", off);
        Assert.Contains("2026-02-23", off);
        Assert.Equal(new[] { "2026-01-04", "2026-02-14", "2026-02-28", "2026-05-09", "2026-09-20", "2026-10-10" },
            y2026.GetProperty("makeUpWorkdays").EnumerateArray().Select(d => d.GetString()!).ToArray());
        Assert.Contains("2025-01-26", (await reviewer.GetFromJsonAsync<JsonElement>("/api/calendar/2025")).GetProperty("makeUpWorkdays").EnumerateArray().Select(d => d.GetString()));
        await ProblemAssert.IsProblemAsync(await reviewer.GetAsync("/api/calendar/2031"), HttpStatusCode.NotFound);

        var year2031 = new { daysOff = new[] { "2031-01-01", "2031-10-01" }, makeUpWorkdays = new[] { "2031-09-28" }, source = "test notice" };
        await ProblemAssert.IsProblemAsync(await applicant.PutAsJsonAsync("/api/calendar/2031", year2031), HttpStatusCode.Forbidden);
        await ProblemAssert.IsProblemAsync(await reviewer.PutAsJsonAsync("/api/calendar/2031", year2031), HttpStatusCode.Forbidden);
        var weekday = await admin.PutAsJsonAsync("/api/calendar/2031", new { daysOff = Array.Empty<string>(), makeUpWorkdays = new[] { "2031-09-29" } });
        Assert.Contains((await ProblemAssert.IsProblemAsync(weekday, HttpStatusCode.BadRequest)).GetProperty("errors").EnumerateArray(),
            e => e.GetProperty("field").GetString() == "makeUpWorkdays");
        Assert.Equal(HttpStatusCode.OK, (await admin.PutAsJsonAsync("/api/calendar/2031", year2031)).StatusCode);

        var read = await reviewer.GetFromJsonAsync<JsonElement>("/api/calendar/2031");
        Assert.Equal("admin1", read.GetProperty("updatedBy").GetString());
        var audit = await admin.GetFromJsonAsync<JsonElement>("/api/audit?objectType=calendar-year&objectId=2031");
        Assert.Contains(audit.GetProperty("entries").EnumerateArray(), e => e.GetProperty("action").GetString() == "calendar.year-set" && e.GetProperty("actor").GetString() == "admin1");
    }

    [Fact]
    public async Task Administrators_AreWarned_OfAYearWithoutHolidayData_OncePerFinding_UntilItIsEntered()
    {
        using var admin = await app.CreateClientForAsync("admin1");
        using var approver = await app.CreateClientForAsync("approver1");
        await ProblemAssert.IsProblemAsync(await approver.GetAsync("/api/admin/warnings"), HttpStatusCode.Forbidden);

        // The demo seeds rule sets and budgets for this year and the next; the holiday notice for next year is not out.
        var warnings = await admin.GetFromJsonAsync<JsonElement[]>("/api/admin/warnings");
        var next = app.Clock.GetUtcNow().ToOffset(TimeSpan.FromHours(8)).Year + 1;
        var calendar = Assert.Single(warnings!, w => w.GetProperty("key").GetString() == $"calendar:{next}");
        Assert.Equal("no-holiday-data", calendar.GetProperty("kind").GetString());
        Assert.DoesNotContain(warnings!, w => w.GetProperty("kind").GetString() is "no-rule-set" or "no-budget");

        await RunCheckAsync();
        await RunCheckAsync();
        var told = (await admin.GetFromJsonAsync<JsonElement>("/api/notifications?take=200")).GetProperty("items").EnumerateArray()
            .Where(n => n.GetProperty("kind").GetString() == "adminWarning" && n.GetProperty("body").GetString()!.Contains($"holiday data for {next}")).ToList();
        Assert.Single(told);

        Assert.Equal(HttpStatusCode.OK, (await admin.PutAsJsonAsync($"/api/calendar/{next}", new { daysOff = new[] { $"{next}-01-01" }, makeUpWorkdays = Array.Empty<string>() })).StatusCode);
        Assert.DoesNotContain(await admin.GetFromJsonAsync<JsonElement[]>("/api/admin/warnings") ?? [], w => w.GetProperty("key").GetString() == $"calendar:{next}");
    }

    private async Task RunCheckAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<WarnAdministrators>().RunAsync(CancellationToken.None);
    }
}

/// <summary>A year whose budget is taken back to nothing: the administrators are told, in both languages.</summary>
public sealed class YearWithoutBudgetTests(FundingApp app) : IClassFixture<FundingApp>
{
    [Fact]
    public async Task Administrators_AreWarned_OfAYearWithoutABudget()
    {
        using var admin = await app.CreateClientForAsync("admin1");
        var next = app.Clock.GetUtcNow().ToOffset(TimeSpan.FromHours(8)).Year + 1;
        Assert.DoesNotContain((await admin.GetFromJsonAsync<JsonElement[]>("/api/admin/warnings"))!, w => w.GetProperty("key").GetString() == $"budget:green-park:{next}");

        var zero = await admin.PutAsJsonAsync($"/api/ledger/budgets/green-park/{next}", new { amountFen = 0L, reason = "the city's budget for next year is not passed yet" });
        Assert.True(zero.IsSuccessStatusCode, await zero.Content.ReadAsStringAsync());
        var warning = Assert.Single((await admin.GetFromJsonAsync<JsonElement[]>("/api/admin/warnings"))!, w => w.GetProperty("key").GetString() == $"budget:green-park:{next}");
        Assert.Equal("no-budget", warning.GetProperty("kind").GetString());
        Assert.Contains("no project can be approved", warning.GetProperty("messageEn").GetString());
        Assert.False(string.IsNullOrWhiteSpace(warning.GetProperty("messageZh").GetString()));
    }
}

/// <summary>
/// A year on, the demo's rule sets (this year and the next) no longer reach the coming year: the administrators are told,
/// in both languages, once per finding. The administrator signs in before the clock moves (a token is not valid before
/// the moment it is issued, and the story's clock runs ahead of the machine's).
/// </summary>
public sealed class YearWithoutRuleSetTests(FundingApp app) : IClassFixture<FundingApp>
{
    [Fact]
    public async Task Administrators_AreWarned_OfAComingYearWithoutARuleSet_OncePerFinding()
    {
        using var admin = await app.CreateClientForAsync("admin1");
        var today = app.Clock.GetUtcNow().ToOffset(TimeSpan.FromHours(8)).Year;
        Assert.DoesNotContain((await admin.GetFromJsonAsync<JsonElement[]>("/api/admin/warnings"))!, w => w.GetProperty("kind").GetString() == "no-rule-set");

        // A year passes and nobody publishes the rules of the year after.
        await app.AdvanceAsync(TimeSpan.FromDays(366));
        var coming = today + 2;
        var warnings = (await admin.GetFromJsonAsync<JsonElement[]>("/api/admin/warnings"))!;
        var missing = warnings.Where(w => w.GetProperty("kind").GetString() == "no-rule-set").ToList();
        Assert.Equal(new[] { "green-park", "smart-factory", "tech-upgrade" }, missing.Select(w => w.GetProperty("schemeKey").GetString()).Order().ToArray());
        Assert.All(missing, w => Assert.Equal(coming, w.GetProperty("year").GetInt32()));
        var techUpgrade = missing.Single(w => w.GetProperty("key").GetString() == $"rule-set:tech-upgrade:{coming}");
        Assert.Contains("nobody can apply", techUpgrade.GetProperty("messageEn").GetString());
        Assert.Contains("无法申报", techUpgrade.GetProperty("messageZh").GetString());
        // The year now current still has its rules.
        Assert.DoesNotContain(warnings, w => w.GetProperty("key").GetString() == $"rule-set:tech-upgrade:{today + 1}");

        await RunCheckAsync();
        await RunCheckAsync();
        var told = (await admin.GetFromJsonAsync<JsonElement>("/api/notifications?take=200")).GetProperty("items").EnumerateArray()
            .Where(n => n.GetProperty("kind").GetString() == "adminWarning" && n.GetProperty("body").GetString()!.Contains($"tech-upgrade has no rule set for {coming}")).ToList();
        Assert.Single(told);
    }

    private async Task RunCheckAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<WarnAdministrators>().RunAsync(CancellationToken.None);
    }
}
