using ProjectWorkflow.Engine.Runtime;

namespace ProjectWorkflow.Application.Workflows.Timers;

/// <summary>After a command commits, every timer it set (or moved to a cycle's next round) and every asynchronous continuation it left gets its Hangfire job.</summary>
internal sealed class ScheduleTimerJobs(TimerJobs jobs) : IWorkflowCommitObserver
{
    public Task OnCommittedAsync(WorkflowSession session, CancellationToken cancellationToken)
    {
        // A timer set and dropped within the same command (its activity finished at once) needs no job.
        var cancelled = session.Effects.OfType<TimerCancelled>().Select(t => t.BookmarkId).ToHashSet();
        var scheduled = session.Effects.OfType<TimerScheduled>()
            .Concat(session.Effects.OfType<JobScheduled>().Select(j => new TimerScheduled(j.InstanceId, j.BookmarkId, j.DueAt)))
            .Where(t => !cancelled.Contains(t.BookmarkId))
            .GroupBy(t => t.BookmarkId)
            .Select(g => g.Last());
        foreach (var timer in scheduled) jobs.ScheduleBookmark(timer.InstanceId, timer.BookmarkId, timer.DueAt);
        return Task.CompletedTask;
    }
}
