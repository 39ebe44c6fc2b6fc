using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ProjectWorkflow.Web.Tests.Fixtures;
using ProjectWorkflow.Web.Tests.Funding;
using static ProjectWorkflow.Web.Tests.Funding.FundingApi;
using static ProjectWorkflow.Web.Tests.Workflows.WorkflowApi;

namespace ProjectWorkflow.Web.Tests.Reviews;

/// <summary>
/// Batch review of a district's files waits for the window to close: while the 2026 tech-upgrade window is open
/// (until Feb 4, 16:00 Shanghai time) a batch refuses each district review with the rule's sentence and moves nothing,
/// though the reviewer may still decide one file on its own; once the window has closed, the same batch goes through.
/// (Year-round schemes such as green-park have no closing time and are batched any day: see ReviewPagesTests.)
/// The story moves its own clock, so it runs on an app of its own.
/// </summary>
public sealed class BatchReviewTests(FundingApp app) : IClassFixture<FundingApp>
{
    [Fact]
    public async Task BatchReview_IsRefusedUntilTheWindowCloses_WhileASingleReviewIsNot_AndGoesThroughAfterIt()
    {
        using var applicant = await app.CreateClientForAsync("enterprise1");
        var walk = new ReviewWalk(app);
        var instances = new List<Guid>();
        for (var i = 0; i < 3; i++)
            instances.Add((await walk.SubmitAsync(applicant, "tech-upgrade", Project($"Batch window file {i} {Guid.NewGuid():N}"[..32], leader: $"31010119850505021{i}"))).Instance);
        using var reviewer = await app.CreateClientForAsync("reviewer1");
        var tasks = new List<Guid>();
        foreach (var instance in instances) tasks.Add(await OnlyTaskAsync(reviewer, "candidate", instance, "districtReview"));

        // 2026-01-26, window open: each task of the batch is refused by the rule, in both languages, and none moves.
        var early = await PostAsync(reviewer, "/api/tasks/batch/complete", new { taskIds = tasks.Take(2), variables = new { districtOutcome = "recommend" } });
        Assert.Equal(HttpStatusCode.OK, early.StatusCode);
        var result = await early.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(0, result.GetProperty("completed").GetInt32());
        Assert.Equal(2, result.GetProperty("refused").GetInt32());
        Assert.All(result.GetProperty("outcomes").EnumerateArray(), o =>
        {
            Assert.False(o.GetProperty("completed").GetBoolean());
            Assert.Equal("BatchReviewBeforeWindowCloses", o.GetProperty("rule").GetString());
            Assert.Contains("2026-02-04 16:00（北京时间）", o.GetProperty("messageZh").GetString());
            Assert.Contains("2026-02-04 16:00 Shanghai time", o.GetProperty("messageEn").GetString());
        });
        foreach (var (instance, task) in instances.Zip(tasks).Take(2))
            Assert.Equal(task, await OnlyTaskAsync(reviewer, "candidate", instance, "districtReview"));

        // One file decided on its own is not held back by the window.
        await OkAsync(reviewer, $"/api/tasks/{tasks[2]}/complete", new { variables = new { districtOutcome = "recommend" } });
        Assert.DoesNotContain(await TasksAsync(reviewer, "candidate", instances[2]), t => t.GetProperty("elementId").GetString() == "districtReview");

        // A minute before the close the batch still waits; at 16:00 Shanghai time it goes through.
        app.Clock.SetUtcNow(new DateTimeOffset(2026, 2, 4, 7, 59, 0, TimeSpan.Zero));
        result = await (await PostAsync(reviewer, "/api/tasks/batch/complete", new { taskIds = tasks.Take(2), variables = new { districtOutcome = "recommend" } }))
            .Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(0, result.GetProperty("completed").GetInt32());
        app.Clock.SetUtcNow(new DateTimeOffset(2026, 2, 4, 8, 0, 0, TimeSpan.Zero));
        result = await (await PostAsync(reviewer, "/api/tasks/batch/complete", new { taskIds = tasks.Take(2), variables = new { districtOutcome = "recommend" } }))
            .Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(2, result.GetProperty("completed").GetInt32());
        foreach (var instance in instances.Take(2))
            Assert.DoesNotContain(await TasksAsync(reviewer, "candidate", instance), t => t.GetProperty("elementId").GetString() == "districtReview");
    }
}
