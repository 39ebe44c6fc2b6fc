using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ProjectWorkflow.Application.Persistence;
using ProjectWorkflow.Application.ScheduledChecks;
using ProjectWorkflow.Application.Workflows.Storage;

namespace ProjectWorkflow.Application.Workflows.Timers;

/// <summary>
/// The safety net under the delayed jobs: fires every timer (and timer start event) that is due by more
/// than <see cref="TimerSettings.SweepGrace"/>, which means its job was lost (a node died before
/// scheduling it, the job was deleted, Hangfire's storage was reset). Firing is idempotent, so racing a
/// late job is harmless. Each timer is its own transaction: one failing timer does not stop the rest.
/// </summary>
public sealed class SweepDueTimers(
    ProjectWorkflowDbContext db, FireTimer fireTimer, FireStartTimer fireStartTimer, TimeProvider time, IOptions<TimerSettings> settings,
    ILogger<SweepDueTimers> logger) : IScheduledCheck
{
    public const string Id = "timer-sweep";

    /// <summary>Per run; what is left waits for the next run, so one run never holds a worker for long.</summary>
    public const int BatchSize = 200;

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var cutoff = time.GetUtcNow() - settings.Value.SweepGrace;

        var timers = await db.Set<BookmarkRecord>().AsNoTracking()
            .Where(b => (b.Kind == TimerBookmarks.Kind || b.Kind == TimerBookmarks.JobKind) && b.DueAt <= cutoff)
            .OrderBy(b => b.DueAt)
            .Take(BatchSize)
            .Select(b => new { b.InstanceId, b.Id })
            .ToListAsync(cancellationToken);
        var fired = 0;
        foreach (var timer in timers)
            fired += await FireAsync(() => fireTimer.HandleAsync(timer.InstanceId, timer.Id, cancellationToken),
                $"timer {timer.Id} of instance {timer.InstanceId}") ? 1 : 0;

        var startTimers = await db.Set<StartTimerRecord>().AsNoTracking()
            .Where(t => t.NextDueAt <= cutoff)
            .OrderBy(t => t.NextDueAt)
            .Take(BatchSize)
            .Select(t => t.Id)
            .ToListAsync(cancellationToken);
        foreach (var startTimer in startTimers)
            fired += await FireAsync(() => fireStartTimer.HandleAsync(startTimer, cancellationToken), $"start timer {startTimer}") ? 1 : 0;

        if (fired > 0) logger.LogWarning("The timer sweep fired {Count} overdue timers whose jobs were lost", fired);
    }

    private async Task<bool> FireAsync(Func<Task<bool>> fire, string what)
    {
        try
        {
            return await fire();
        }
        catch (Exception failure) when (failure is not OperationCanceledException)
        {
            logger.LogError(failure, "The timer sweep could not fire {What}; it tries again on its next run", what);
            return false;
        }
        finally
        {
            db.ChangeTracker.Clear();
        }
    }
}
