using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ProjectWorkflow.Web.Tests.Fixtures;
using ProjectWorkflow.Web.Tests.Timers;
using static ProjectWorkflow.Web.Tests.Workflows.WorkflowApi;

namespace ProjectWorkflow.Web.Tests.Workflows;

/// <summary>
/// Keyset paging of the inbox (<c>GET /api/tasks?after={id of the last task of the page before}</c>): a reviewer pages
/// through forty claimable tasks, some due on the same day, some with no due date, and sees each once, in the inbox's order.
/// </summary>
[Collection(PortalAppCollection.Name)]
public sealed class InboxPagingTests(PortalApp app) : IAsyncLifetime
{
    private HttpClient _admin = null!;
    private HttpClient _reviewer = null!;

    public async Task InitializeAsync()
    {
        _admin = await app.CreateClientForAsync("admin1");
        _reviewer = await app.CreateClientForAsync("reviewer1");
    }

    public Task DisposeAsync()
    {
        _admin.Dispose();
        _reviewer.Dispose();
        return Task.CompletedTask;
    }

    private async Task<JsonElement[]> InboxAsync(string query) => (await _reviewer.GetFromJsonAsync<JsonElement[]>($"/api/tasks?{query}"))!;

    private static Guid[] Ids(IEnumerable<JsonElement> tasks) => tasks.Select(t => t.GetProperty("id").GetGuid()).ToArray();

    /// <summary>Pages of seven, each asked for after the last task of the page before, until a page comes back empty.</summary>
    private async Task<List<Guid>> PageThroughAsync(string query)
    {
        var seen = new List<Guid>();
        Guid? after = null;
        for (var pages = 0; pages < 20; pages++)
        {
            var page = Ids(await InboxAsync(query + "&take=7" + (after is { } last ? $"&after={last}" : "")));
            if (page.Length == 0) return seen;
            Assert.True(page.Length <= 7);
            seen.AddRange(page);
            after = page[^1];
        }
        throw new Xunit.Sdk.XunitException("The inbox never came to an end.");
    }

    [Fact]
    public async Task AReviewerWithFortyTasks_PagesThroughTheInbox_AfterTheLastTaskOfEachPage_AndSeesEachTaskOnce_InOrder()
    {
        var key = $"paging-{Guid.NewGuid():N}";
        Assert.Equal(HttpStatusCode.Created, (await DeployAsync(_admin, TimerBpmn.TaskDue(key))).StatusCode);
        // Forty district reviews: 32 due over eight days (four on each day), 8 with no due date.
        var today = DateTime.UtcNow.Date;
        for (var i = 0; i < 40; i++)
            await StartAsync(_admin, key, new { due = i < 32 ? today.AddDays(1 + i % 8).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'") : "" });

        foreach (var sort in new[] { "due", "due-desc", "newest" })
        {
            var query = $"scope=candidate&process={key}&sort={sort}";
            var inOneGo = await InboxAsync(query + "&take=500");
            Assert.Equal(40, inOneGo.Length);

            var paged = await PageThroughAsync(query);

            Assert.Equal(40, paged.Distinct().Count());
            Assert.Equal(Ids(inOneGo), paged);
        }

        // Soonest due first, the undated last.
        var dues = (await InboxAsync($"scope=candidate&process={key}&take=500"))
            .Select(t => t.GetProperty("dueAt").ValueKind == JsonValueKind.Null ? (DateTimeOffset?)null : t.GetProperty("dueAt").GetDateTimeOffset()).ToArray();
        Assert.Equal(dues.Where(d => d is not null).Order(), dues.Take(32));
        Assert.All(dues.Skip(32), d => Assert.Null(d));

        // The reviewer claims the tenth task: it leaves the claimable pages and is theirs; the others page on as before.
        var before = await PageThroughAsync($"scope=candidate&process={key}");
        await OkAsync(_reviewer, $"/api/tasks/{before[9]}/claim");
        Assert.Equal(before.Where(id => id != before[9]), await PageThroughAsync($"scope=candidate&process={key}"));
        Assert.Equal([before[9]], Ids(await InboxAsync($"scope=mine&process={key}")));
        // Paging after a task that has left the page (claimed) still starts right after where it stood.
        Assert.Equal(before.Skip(10).Take(7), Ids(await InboxAsync($"scope=candidate&process={key}&take=7&after={before[9]}")));
    }

    [Fact]
    public async Task PagingAfterATaskThatDoesNotExist_OrBothAfterAndSkip_IsRefused_NamingTheField()
    {
        var unknown = await _reviewer.GetAsync($"/api/tasks?scope=candidate&after={Guid.NewGuid()}");
        await ProblemAssert.IsProblemAsync(unknown, HttpStatusCode.BadRequest);
        Assert.Contains("after", await unknown.Content.ReadAsStringAsync());

        var any = Ids(await InboxAsync("scope=candidate&take=1"));
        if (any.Length == 0) return;
        var both = await _reviewer.GetAsync($"/api/tasks?scope=candidate&skip=5&after={any[0]}");
        await ProblemAssert.IsProblemAsync(both, HttpStatusCode.BadRequest);
        Assert.Contains("skip", await both.Content.ReadAsStringAsync());
    }
}
