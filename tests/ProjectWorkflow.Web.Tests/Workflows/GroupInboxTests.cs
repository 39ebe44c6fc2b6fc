using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using ProjectWorkflow.Application.Seeding;
using ProjectWorkflow.Application.Workflows.Reminders;
using ProjectWorkflow.Web.Tests.Fixtures;
using ProjectWorkflow.Web.Tests.Timers;
using static ProjectWorkflow.Web.Tests.Workflows.WorkflowApi;

namespace ProjectWorkflow.Web.Tests.Workflows;

/// <summary>
/// The group tabs of the inbox (my groups, overdue, all) with no filter, read from the candidate rows of each group of
/// mine: a person in two groups sees a task offered to both once and counts it once; a task's due date and overdue flag
/// follow it through a claim, the overdue check and a release; the pages, asked for after the last task of the page before,
/// list each task once in the inbox's order.
/// </summary>
[Collection(PortalAppCollection.Name)]
public sealed class GroupInboxTests(PortalApp app) : IAsyncLifetime
{
    private HttpClient _admin = null!;

    public async Task InitializeAsync() => _admin = await app.CreateClientForAsync("admin1");

    public Task DisposeAsync()
    {
        _admin.Dispose();
        return Task.CompletedTask;
    }

    private static string Due(TimeSpan fromNow) => DateTimeOffset.UtcNow.Add(fromNow).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'");

    private static Guid Id(JsonElement task) => task.GetProperty("id").GetGuid();

    /// <summary>Every page of a tab, each asked for after the last task of the page before, until one comes back empty.</summary>
    private static async Task<List<JsonElement>> EveryPageAsync(HttpClient client, string query, int take)
    {
        var seen = new List<JsonElement>();
        Guid? after = null;
        for (var pages = 0; pages < 400; pages++)
        {
            var page = (await client.GetFromJsonAsync<JsonElement[]>($"/api/tasks?{query}&take={take}" + (after is { } last ? $"&after={last}" : "")))!;
            if (page.Length == 0) return seen;
            Assert.True(page.Length <= take);
            seen.AddRange(page);
            after = Id(page[^1]);
        }
        throw new Xunit.Sdk.XunitException("The inbox never came to an end.");
    }

    private async Task FlagOverdueAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<FlagOverdueTasks>().RunAsync(CancellationToken.None);
    }

    /// <summary>The three tab counts the inbox page shows, against what each tab lists.</summary>
    private async Task AssertTheTabsCountWhatTheyListAsync(string person, HttpClient client)
    {
        using var portal = await app.CreateSignedInClientAsync(person);
        var page = WebUtility.HtmlDecode(await portal.GetStringAsync("/portal/tasks"));
        Assert.Contains($"我的任务 ({(await EveryPageAsync(client, "scope=mine", 100)).Count})", page);
        Assert.Contains($"我所在组的任务 ({(await EveryPageAsync(client, "scope=candidate", 100)).Count})", page);
        Assert.Contains($"已逾期 ({(await EveryPageAsync(client, "scope=overdue", 100)).Count})", page);
    }

    [Fact]
    public async Task AReviewerWhoIsAlsoAnApprover_SeesATaskOfferedToBothTheirGroups_OnceInEveryTab_AndCountsItOnce()
    {
        var key = $"two-groups-{Guid.NewGuid():N}";
        Assert.Equal(HttpStatusCode.Created, (await DeployAsync(_admin, TimerBpmn.TaskForTwoGroupsDue(key))).StatusCode);
        var person = $"both-{Guid.NewGuid():N}"[..20];
        var created = await _admin.PostAsJsonAsync("/api/users", new
        {
            userName = person, displayName = "Reviewer and approver", password = DemoUsers.Password, roles = new[] { "district-reviewer", "dept-approver" },
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        using var both = await app.CreateClientForAsync(person);

        // Three files offered to both groups: one due an hour ago, one tomorrow, one in a week; then the overdue check runs.
        var late = await OnlyTaskAsync(both, "candidate", await StartAsync(_admin, key, new { due = Due(TimeSpan.FromHours(-1)) }), "review");
        var tomorrow = await OnlyTaskAsync(both, "candidate", await StartAsync(_admin, key, new { due = Due(TimeSpan.FromDays(1)) }), "review");
        var nextWeek = await OnlyTaskAsync(both, "candidate", await StartAsync(_admin, key, new { due = Due(TimeSpan.FromDays(7)) }), "review");
        await FlagOverdueAsync();

        // My groups: each task once, however it is paged and sorted, in the inbox's order; the three files among them.
        foreach (var sort in new[] { "due", "due-desc", "newest" })
        {
            var bySeven = (await EveryPageAsync(both, $"scope=candidate&sort={sort}", 7)).Select(Id).ToList();
            Assert.Equal(bySeven.Distinct(), bySeven);
            Assert.Equal((await EveryPageAsync(both, $"scope=candidate&sort={sort}", 100)).Select(Id), bySeven);
            Assert.Single(bySeven, id => id == late);
            Assert.Single(bySeven, id => id == tomorrow);
            Assert.Single(bySeven, id => id == nextWeek);
        }
        var groups = await EveryPageAsync(both, "scope=candidate", 100);
        var dues = groups.Select(t => t.GetProperty("dueAt")).Select(d => d.ValueKind == JsonValueKind.Null ? (DateTimeOffset?)null : d.GetDateTimeOffset()).ToList();
        var dated = dues.TakeWhile(d => d is not null).ToList();
        Assert.Equal(dated.Order(), dated);
        Assert.All(dues.Skip(dated.Count), d => Assert.Null(d));
        // The same files as the process's own list shows them (read from the tasks, as a filter does), in the same order.
        var ofThisProcess = (await EveryPageAsync(both, $"scope=candidate&process={key}", 100)).Select(Id).ToList();
        Assert.Equal([late, tomorrow, nextWeek], ofThisProcess);
        Assert.Equal(ofThisProcess, groups.Select(Id).Where(ofThisProcess.Contains));

        // Overdue: the late file, once, with the day it fell due; not the others.
        var overdue = await EveryPageAsync(both, "scope=overdue", 100);
        Assert.Equal(overdue.Select(Id).Distinct(), overdue.Select(Id));
        var lateRow = Assert.Single(overdue, t => Id(t) == late);
        Assert.Equal(lateRow.GetProperty("dueAt").GetDateTimeOffset(), lateRow.GetProperty("overdueSince").GetDateTimeOffset());
        Assert.DoesNotContain(overdue, t => Id(t) == tomorrow || Id(t) == nextWeek);
        await AssertTheTabsCountWhatTheyListAsync(person, both);

        // Claimed, the late file is mine: out of my groups' tab, still overdue (once), once among all my tasks.
        await OkAsync(both, $"/api/tasks/{late}/claim");
        Assert.DoesNotContain(await EveryPageAsync(both, "scope=candidate", 100), t => Id(t) == late);
        Assert.Single(await EveryPageAsync(both, "scope=mine", 100), t => Id(t) == late);
        Assert.Single(await EveryPageAsync(both, "scope=overdue", 100), t => Id(t) == late);
        var all = (await EveryPageAsync(both, "scope=all", 7)).Select(Id).ToList();
        Assert.Equal(all.Distinct(), all);
        Assert.Single(all, id => id == late);
        Assert.Single(all, id => id == nextWeek);
        await AssertTheTabsCountWhatTheyListAsync(person, both);

        // Released, it is back in my groups' tab, once, still overdue.
        await OkAsync(both, $"/api/tasks/{late}/unclaim");
        var back = Assert.Single(await EveryPageAsync(both, "scope=candidate", 100), t => Id(t) == late);
        Assert.NotEqual(JsonValueKind.Null, back.GetProperty("overdueSince").ValueKind);
        Assert.Single(await EveryPageAsync(both, "scope=overdue", 100), t => Id(t) == late);
        await AssertTheTabsCountWhatTheyListAsync(person, both);

        // Skipping past the end, however far, is an empty page.
        Assert.Empty((await both.GetFromJsonAsync<JsonElement[]>($"/api/tasks?scope=candidate&skip={int.MaxValue}&take=500"))!);
    }

    [Fact]
    public async Task AFileThatFallsDueWhileAReviewerHoldsIt_IsOverdueForTheWholeGroup_OnceTheyLetItGo()
    {
        var key = $"held-late-{Guid.NewGuid():N}";
        Assert.Equal(HttpStatusCode.Created, (await DeployAsync(_admin, TimerBpmn.TaskDue(key))).StatusCode);
        using var reviewer = await app.CreateClientForAsync("reviewer1");
        var colleague = await PersonAsync(_admin, $"colleague-{Guid.NewGuid():N}"[..20], "district-reviewer");
        using var other = await app.CreateClientForAsync(colleague);

        // Due a minute ago: the overdue check (every five minutes) has not seen it yet.
        var task = await OnlyTaskAsync(reviewer, "candidate", await StartAsync(_admin, key, new { due = Due(TimeSpan.FromMinutes(-1)) }), "review");

        // The reviewer holds it when the check runs: it is overdue in their own tab, and nowhere for the colleague.
        await OkAsync(reviewer, $"/api/tasks/{task}/claim");
        await FlagOverdueAsync();
        Assert.Single(await EveryPageAsync(reviewer, "scope=overdue", 100), t => Id(t) == task);
        Assert.DoesNotContain(await EveryPageAsync(other, "scope=candidate", 100), t => Id(t) == task);
        Assert.DoesNotContain(await EveryPageAsync(other, "scope=overdue", 100), t => Id(t) == task);

        // Let go, it is the group's again, overdue since its due date, for the colleague too, and counted so.
        await OkAsync(reviewer, $"/api/tasks/{task}/unclaim");
        var seen = Assert.Single(await EveryPageAsync(other, "scope=overdue", 100), t => Id(t) == task);
        Assert.Equal(seen.GetProperty("dueAt").GetDateTimeOffset(), seen.GetProperty("overdueSince").GetDateTimeOffset());
        Assert.Single(await EveryPageAsync(other, "scope=candidate", 100), t => Id(t) == task);
        await AssertTheTabsCountWhatTheyListAsync(colleague, other);
    }
}
