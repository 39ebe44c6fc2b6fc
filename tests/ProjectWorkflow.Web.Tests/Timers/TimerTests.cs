using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Hangfire;
using Microsoft.Extensions.DependencyInjection;
using ProjectWorkflow.Web.Tests.Fixtures;
using static ProjectWorkflow.Web.Tests.Workflows.WorkflowApi;

namespace ProjectWorkflow.Web.Tests.Timers;

/// <summary>BPMN timers over HTTP, fired by Hangfire's delayed jobs on the real SQLite file, and by the sweep when a job is lost.</summary>
[Collection(PortalAppCollection.Name)]
public sealed class TimerTests(PortalApp app) : IAsyncLifetime
{
    private HttpClient _admin = null!;

    public async Task InitializeAsync() => _admin = await app.CreateClientForAsync("admin1");

    public Task DisposeAsync()
    {
        _admin.Dispose();
        return Task.CompletedTask;
    }

    private async Task<Guid> StartNewAsync(string xml, string key)
    {
        Assert.Equal(HttpStatusCode.Created, (await DeployAsync(_admin, xml)).StatusCode);
        return await StartAsync(_admin, key);
    }

    private async Task<JsonElement[]> EventsAsync(Guid id, string @event) =>
        (await JournalAsync(_admin, id)).Where(j => j.GetProperty("event").GetString() == @event).ToArray();

    private static DateTimeOffset DueOf(JsonElement timerSet) =>
        DateTimeOffset.Parse(timerSet.GetProperty("detail").GetString()!, CultureInfo.InvariantCulture);

    [Fact]
    public async Task IntermediateTimer_FiresOnTime_ThroughItsDelayedJob()
    {
        var key = $"wait-{Guid.NewGuid():N}";
        var id = await StartNewAsync(TimerBpmn.Wait(key, "PT2S"), key);
        var due = DueOf(Assert.Single(await EventsAsync(id, "timerSet")));
        Assert.NotNull(HangfireJobs.ScheduledTimerJob(app, id));

        var fired = Assert.Single(await Eventually.WaitForAsync(async () => await EventsAsync(id, "timerFired") is { Length: > 0 } e ? e : null,
            "the timer to fire"));

        // Never early; late by about the scheduler's poll (the sweep never runs on its own in these tests).
        Assert.InRange(fired.GetProperty("at").GetDateTimeOffset(), due, due.AddSeconds(5));
        Assert.Equal("system", fired.GetProperty("actor").GetString());
        Assert.Equal("afterWait", Assert.Single(await TasksAsync(_admin, "mine", id)).GetProperty("elementId").GetString());
    }

    [Fact]
    public async Task BoundaryTimer_DoesNothing_WhenItsTaskIsCompletedFirst()
    {
        var key = $"deadline-{Guid.NewGuid():N}";
        var id = await StartNewAsync(TimerBpmn.ReviewWithDeadline(key, "PT2S", interrupting: true), key);
        await OkAsync(_admin, $"/api/tasks/{await OnlyTaskAsync(_admin, "mine", id, "review")}/complete");

        // The timer's job still runs at the due time, finds the bookmark gone, and does nothing.
        await Eventually.WaitForAsync(() => Task.FromResult(HangfireJobs.SucceededTimerJob(app, id)), "the timer's job to run");

        Assert.Empty(await EventsAsync(id, "timerFired"));
        Assert.Equal("completed", (await InstanceAsync(_admin, id)).GetProperty("status").GetString());
        Assert.Empty(await TasksAsync(_admin, "all", id));
    }

    [Fact]
    public async Task InterruptingBoundaryTimer_EscalatesAnUnfinishedTask()
    {
        var key = $"escalate-{Guid.NewGuid():N}";
        var id = await StartNewAsync(TimerBpmn.ReviewWithDeadline(key, "PT1S", interrupting: true), key);

        await Eventually.WaitUntilAsync(async () => (await TasksAsync(_admin, "mine", id)).Any(t => t.GetProperty("elementId").GetString() == "escalated"),
            "the deadline to move the task to escalation");

        Assert.Single(await EventsAsync(id, "timerFired"));
        Assert.Equal("escalated", Assert.Single(await TasksAsync(_admin, "mine", id)).GetProperty("elementId").GetString());
    }

    [Fact]
    public async Task CycleBoundaryTimer_FiresEachRound_ThenStops()
    {
        var key = $"nudge-{Guid.NewGuid():N}";
        var id = await StartNewAsync(TimerBpmn.ReviewWithDeadline(key, "R2/PT1S", interrupting: false, timerElement: "timeCycle"), key);

        await Eventually.WaitUntilAsync(async () => (await EventsAsync(id, "timerFired")).Length == 2, "both rounds of the cycle to fire");
        await Task.Delay(TimeSpan.FromSeconds(2));

        Assert.Equal(2, (await EventsAsync(id, "timerFired")).Length);
        Assert.Equal("review", Assert.Single(await TasksAsync(_admin, "mine", id)).GetProperty("elementId").GetString());
    }

    [Fact]
    public async Task Sweep_FiresATimer_WhoseJobWasLost()
    {
        var key = $"lost-{Guid.NewGuid():N}";
        var id = await StartNewAsync(TimerBpmn.Wait(key, "PT2S"), key);
        var due = DueOf(Assert.Single(await EventsAsync(id, "timerSet")));
        var job = HangfireJobs.ScheduledTimerJob(app, id);
        Assert.NotNull(job);
        Assert.True(app.Services.GetRequiredService<IBackgroundJobClient>().Delete(job));

        // Past due and past the sweep's grace: nothing fired it, because nothing was left to.
        await Task.Delay(due.AddSeconds(2) - DateTimeOffset.UtcNow is { Ticks: > 0 } wait ? wait : TimeSpan.Zero);
        Assert.Empty(await EventsAsync(id, "timerFired"));

        app.Services.GetRequiredService<IRecurringJobManager>().Trigger("timer-sweep");

        await Eventually.WaitUntilAsync(async () => (await EventsAsync(id, "timerFired")).Length == 1, "the sweep to fire the timer");
        Assert.Equal("afterWait", Assert.Single(await TasksAsync(_admin, "mine", id)).GetProperty("elementId").GetString());
    }

    [Fact]
    public async Task TimerStartEvent_StartsAnInstanceEachRound_AndANewVersionReplacesIt()
    {
        var key = $"tick-{Guid.NewGuid():N}";
        Assert.Equal(HttpStatusCode.Created, (await DeployAsync(_admin, TimerBpmn.Ticking(key, "R/PT1S", "v1"))).StatusCode);
        await Eventually.WaitUntilAsync(async () => (await TickTasksAsync(key, "v1")).Length >= 1, "the first version's start timer to start an instance");

        Assert.Equal(HttpStatusCode.Created, (await DeployAsync(_admin, TimerBpmn.Ticking(key, "R2/PT1S", "v2"))).StatusCode);
        var fromFirstVersion = (await TickTasksAsync(key, "v1")).Length;
        await Eventually.WaitUntilAsync(async () => (await TickTasksAsync(key, "v2")).Length == 2, "the new version's start timer to start two instances");
        await Task.Delay(TimeSpan.FromSeconds(2));

        Assert.Equal(fromFirstVersion, (await TickTasksAsync(key, "v1")).Length);
        var second = await TickTasksAsync(key, "v2");
        Assert.Equal(2, second.Length);
        var instance = await InstanceAsync(_admin, second[0].GetProperty("instanceId").GetGuid());
        Assert.Equal(2, instance.GetProperty("version").GetInt32());
        Assert.Equal("system", (await JournalAsync(_admin, instance.GetProperty("id").GetGuid()))[0].GetProperty("actor").GetString());
    }

    private async Task<JsonElement[]> TickTasksAsync(string key, string name) =>
        (await _admin.GetFromJsonAsync<JsonElement[]>("/api/tasks?scope=mine&take=500"))!
            .Where(t => t.GetProperty("definitionKey").GetString() == key && t.GetProperty("name").GetString() == name)
            .ToArray();
}
