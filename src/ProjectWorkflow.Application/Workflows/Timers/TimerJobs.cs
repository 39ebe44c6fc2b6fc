using Hangfire;
using Microsoft.Extensions.Logging;

namespace ProjectWorkflow.Application.Workflows.Timers;

/// <summary>
/// Puts timers into Hangfire as delayed jobs. Called only after the timer's rows are committed; a
/// schedule that fails here (Hangfire's storage down, the node killed) is caught by the sweep, so it
/// logs instead of failing a change that is already saved.
/// </summary>
public sealed class TimerJobs(IBackgroundJobClient jobs, ILogger<TimerJobs> logger)
{
    public void ScheduleBookmark(Guid instanceId, Guid bookmarkId, DateTimeOffset dueAt) =>
        Schedule(dueAt, $"timer {bookmarkId} of instance {instanceId}",
            () => jobs.Schedule<FireTimerJob>(job => job.RunAsync(instanceId, bookmarkId, CancellationToken.None), RunAt(dueAt)));

    public void ScheduleStartTimer(Guid startTimerId, DateTimeOffset dueAt) =>
        Schedule(dueAt, $"start timer {startTimerId}",
            () => jobs.Schedule<FireStartTimerJob>(job => job.RunAsync(startTimerId, CancellationToken.None), RunAt(dueAt)));

    /// <summary>
    /// Hangfire compares schedules in whole seconds and may run a job up to a second before its time; the
    /// engine refuses a timer that is not yet due. Rounding up to the next second keeps the job on time.
    /// </summary>
    internal static DateTimeOffset RunAt(DateTimeOffset dueAt)
    {
        var remainder = dueAt.UtcTicks % TimeSpan.TicksPerSecond;
        return remainder == 0 ? dueAt : dueAt.AddTicks(TimeSpan.TicksPerSecond - remainder);
    }

    private void Schedule(DateTimeOffset dueAt, string what, Func<string> schedule)
    {
        try
        {
            var jobId = schedule();
            logger.LogDebug("Scheduled {What} for {DueAt:O} as job {JobId}", what, dueAt, jobId);
        }
        catch (Exception failure)
        {
            logger.LogWarning(failure, "Could not schedule {What} for {DueAt:O}; the timer sweep will fire it", what, dueAt);
        }
    }
}
