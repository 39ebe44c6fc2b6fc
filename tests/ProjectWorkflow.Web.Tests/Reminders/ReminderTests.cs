using System.Net;
using System.Text.Json;
using Hangfire;
using Hangfire.Storage;
using Microsoft.Extensions.DependencyInjection;
using ProjectWorkflow.Application.ScheduledChecks;
using ProjectWorkflow.Application.Workflows.Reminders;
using ProjectWorkflow.Web.Tests.Fixtures;
using ProjectWorkflow.Web.Tests.Timers;
using static ProjectWorkflow.Web.Tests.Workflows.WorkflowApi;

namespace ProjectWorkflow.Web.Tests.Reminders;

/// <summary>The scheduled checks on open tasks: reminders (催办) before and at the due date, and overdue flags, each sent once however often the check runs.</summary>
[Collection(PortalAppCollection.Name)]
public sealed class ReminderTests(PortalApp app) : IAsyncLifetime
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

    /// <summary>Two files for the reviewers: one due in an hour (inside the 24 h warning), one due a minute ago.</summary>
    private async Task<(Guid DueSoon, Guid Late)> TwoFilesAsync()
    {
        var key = $"due-{Guid.NewGuid():N}";
        Assert.Equal(HttpStatusCode.Created, (await DeployAsync(_admin, TimerBpmn.TaskDue(key))).StatusCode);
        var dueSoon = await StartAsync(_admin, key, new { due = DateTimeOffset.UtcNow.AddHours(1).ToString("O") });
        var late = await StartAsync(_admin, key, new { due = DateTimeOffset.UtcNow.AddMinutes(-1).ToString("O") });
        return (dueSoon, late);
    }

    private async Task<JsonElement[]> RemindedAsync(Guid id) =>
        (await JournalAsync(_admin, id)).Where(j => j.GetProperty("event").GetString() == "reminded").ToArray();

    /// <summary>One run of the check, in its own scope, as a job would run it.</summary>
    private async Task RunAsync<TCheck>() where TCheck : IScheduledCheck
    {
        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<TCheck>().RunAsync(CancellationToken.None);
    }

    [Fact]
    public async Task Reminders_GoOutOnceBeforeAndAtTheDueDate_HoweverOftenTheCheckRuns()
    {
        var (dueSoon, late) = await TwoFilesAsync();

        // Once through Hangfire, as the recurring job runs it, then again directly, then twice at the same moment.
        app.Services.GetRequiredService<IRecurringJobManager>().Trigger(SendTaskReminders.Id);
        await Eventually.WaitUntilAsync(async () => (await RemindedAsync(dueSoon)).Length > 0 && (await RemindedAsync(late)).Length > 0,
            "the recurring reminder check to run");
        await RunAsync<SendTaskReminders>();
        await Task.WhenAll(RunAsync<SendTaskReminders>(), RunAsync<SendTaskReminders>());

        var before = Assert.Single(await RemindedAsync(dueSoon));
        Assert.Equal("system", before.GetProperty("actor").GetString());
        Assert.StartsWith("This task is due at", before.GetProperty("detail").GetString());
        var atDue = Assert.Single(await RemindedAsync(late));
        Assert.StartsWith("This task was due at", atDue.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task OverdueFlag_IsSetOnce_AndShownInTheInbox()
    {
        var (dueSoon, late) = await TwoFilesAsync();

        await RunAsync<FlagOverdueTasks>();
        var flagged = Assert.Single(await TasksAsync(_reviewer, "candidate", late));
        await Task.WhenAll(RunAsync<FlagOverdueTasks>(), RunAsync<FlagOverdueTasks>());

        Assert.Equal(flagged.GetProperty("dueAt").GetDateTimeOffset(), flagged.GetProperty("overdueSince").GetDateTimeOffset());
        Assert.Equal(flagged.GetProperty("overdueSince").GetDateTimeOffset(),
            Assert.Single(await TasksAsync(_reviewer, "candidate", late)).GetProperty("overdueSince").GetDateTimeOffset());
        Assert.Equal(JsonValueKind.Null, Assert.Single(await TasksAsync(_reviewer, "candidate", dueSoon)).GetProperty("overdueSince").ValueKind);
    }

    [Fact]
    public void ScheduledChecks_AreRecurringJobs_WithTheirConfiguredSchedules()
    {
        using var connection = HangfireJobs.Storage(app).GetConnection();
        var jobs = connection.GetRecurringJobs().ToDictionary(j => j.Id, j => j.Cron);

        Assert.Equal("*/5 * * * *", jobs[SendTaskReminders.Id]);
        Assert.Equal("*/5 * * * *", jobs[FlagOverdueTasks.Id]);
        Assert.Equal("0 0 1 1 *", jobs["timer-sweep"]); // set by the test fixture; the default is every 20 s
    }
}
