using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using ProjectWorkflow.Application.Persistence;
using ProjectWorkflow.Application.Workflows.Storage;
using ProjectWorkflow.Engine.Runtime;

namespace ProjectWorkflow.Application.Workflows.Timers;

/// <summary>
/// A BPMN timer falls due: its bookmark fires once. The engine's bookmarks are the truth, so a job for a
/// timer that is gone (its task was completed first), moved (a cycle's next round) or already fired by
/// someone else does nothing; Hangfire jobs and the sweep may all call this for the same timer.
/// </summary>
public sealed class FireTimer(ProjectWorkflowDbContext db, WorkflowCommands commands, TimeProvider time, ILogger<FireTimer> logger)
{
    /// <returns>True when this call fired the timer.</returns>
    public async Task<bool> HandleAsync(Guid instanceId, Guid bookmarkId, CancellationToken cancellationToken)
    {
        using var logScope = WorkflowLogScope.Begin(logger, instanceId);
        // A cheap look first: a stale job must not load and rewrite the instance (that would bump its
        // revision and make a person's concurrent click fail for nothing).
        var due = await db.Set<BookmarkRecord>().AsNoTracking()
            .Where(b => b.Id == bookmarkId && b.InstanceId == instanceId && (b.Kind == TimerBookmarks.Kind || b.Kind == TimerBookmarks.JobKind))
            .Select(b => new { b.DueAt, b.Kind })
            .FirstOrDefaultAsync(cancellationToken);
        if (due?.DueAt is null || due.DueAt > time.GetUtcNow()) return false;

        try
        {
            if (due.Kind == TimerBookmarks.JobKind) return await RunJobAsync(instanceId, bookmarkId, cancellationToken);
            return await commands.RunAsync(Actor.System, session => session.FireTimerAsync(instanceId, bookmarkId, cancellationToken), cancellationToken);
        }
        catch (WorkflowException refused) when (refused.Kind is WorkflowErrorKind.Conflict or WorkflowErrorKind.NotFound)
        {
            // Another job or node fired it (or moved the instance on) between our look and our save.
            logger.LogDebug("Timer {Bookmark} of instance {Instance} was not fired here: {Reason}", bookmarkId, instanceId, refused.Message);
            return false;
        }
    }

    /// <summary>
    /// An asynchronous continuation: the job's run is one transaction. When it fails, everything it staged (the
    /// handlers' rows too) is thrown away and the failed try is counted in a transaction of its own.
    /// </summary>
    private async Task<bool> RunJobAsync(Guid instanceId, Guid jobId, CancellationToken cancellationToken)
    {
        try
        {
            return await commands.RunAsync(Actor.System, session => session.ExecuteJobAsync(instanceId, jobId, recordFailure: false, cancellationToken), cancellationToken);
        }
        catch (JobFailedException failed)
        {
            db.ChangeTracker.Clear();
            logger.LogWarning("The job at {Element} of instance {Instance} failed: {Reason}", failed.ElementId, instanceId, failed.Reason);
            return await commands.RunAsync(Actor.System, session => session.RecordJobFailureAsync(instanceId, jobId, failed.Reason, cancellationToken), cancellationToken);
        }
    }
}
