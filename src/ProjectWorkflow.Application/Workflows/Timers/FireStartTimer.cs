using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using ProjectWorkflow.Application.Persistence;
using ProjectWorkflow.Engine.Runtime;
using ProjectWorkflow.Engine.Timers;

namespace ProjectWorkflow.Application.Workflows.Timers;

/// <summary>
/// A timer start event falls due: one new instance starts at that start event, and a cycle moves on to
/// its next round. The row's fired count guards the round, so two jobs or two nodes start one instance.
/// </summary>
public sealed class FireStartTimer(
    ProjectWorkflowDbContext db, DefinitionCatalog catalog, WorkflowCommands commands, TimerJobs jobs, TimeProvider time,
    ILogger<FireStartTimer> logger)
{
    /// <returns>True when this call started an instance.</returns>
    public async Task<bool> HandleAsync(Guid startTimerId, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var timer = await db.Set<StartTimerRecord>().AsNoTracking().FirstOrDefaultAsync(t => t.Id == startTimerId, cancellationToken);
        if (timer?.NextDueAt is not { } due || due > now) return false;
        var definition = await catalog.FindAsync(db, timer.DefinitionId, cancellationToken);
        if (definition is null || !Enum.TryParse<TimerKind>(timer.TimerKind, ignoreCase: true, out var kind)
            || !TimerSchedule.TryParse(kind, timer.TimerText, out var schedule, out _))
        {
            logger.LogWarning("Start timer {StartTimer} ({Definition}, {StartEvent}) cannot run: its definition or timer text is unreadable",
                startTimerId, timer.DefinitionId, timer.StartEventId);
            return false;
        }

        DateTimeOffset? next;
        Guid instanceId;
        try
        {
            (next, instanceId) = await commands.RunAsync(Actor.System, async session =>
            {
                var row = await db.Set<StartTimerRecord>().FirstOrDefaultAsync(t => t.Id == startTimerId, cancellationToken);
                if (row is null || row.NextDueAt != due)
                    throw WorkflowException.Conflict("This round of the start timer was already fired, or the timer was replaced.", "本轮启动定时器已触发，或该定时器已被替换。");
                row.FiredCount++;
                row.LastFiredAt = now;
                row.NextDueAt = schedule!.NextDue(due, row.FiredCount)?.ToUniversalTime();
                var instance = await session.StartAsync(definition, Guid.NewGuid(), null, null, timer.StartEventId, cancellationToken);
                return (row.NextDueAt, instance.Id);
            }, cancellationToken);
        }
        catch (WorkflowException refused) when (refused.Kind is WorkflowErrorKind.Conflict or WorkflowErrorKind.NotFound)
        {
            // Another job or node fired this round first, or a newer version replaced the timer meanwhile.
            logger.LogDebug("Start timer {StartTimer} was not fired here: {Reason}", startTimerId, refused.Message);
            return false;
        }

        logger.LogInformation("Start timer {StartEvent} of {Definition} started instance {Instance}", timer.StartEventId, timer.DefinitionId, instanceId);
        if (next is { } nextDue) jobs.ScheduleStartTimer(startTimerId, nextDue);
        return true;
    }
}
