using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using ProjectWorkflow.Application.Persistence;
using ProjectWorkflow.Engine.Definitions;
using ProjectWorkflow.Engine.Model;

namespace ProjectWorkflow.Application.Workflows.Timers;

/// <summary>
/// A new version of a process was deployed: its timer start events replace those of every older version
/// (a version without any simply stops the older ones). Staged in the deployment's own transaction, so a
/// version is never live without its timers or the other way round; the jobs are scheduled after commit.
/// </summary>
public sealed class ReplaceStartTimers(ProjectWorkflowDbContext db, TimerJobs jobs, TimeProvider time, ILogger<ReplaceStartTimers> logger)
{
    public async Task<IReadOnlyList<StartTimerRecord>> StageAsync(ProcessDefinition definition, string definitionId, int version,
        CancellationToken cancellationToken)
    {
        var older = await db.Set<StartTimerRecord>().Where(t => t.DefinitionKey == definition.Key).ToListAsync(cancellationToken);
        db.RemoveRange(older);

        var now = time.GetUtcNow();
        var armed = new List<StartTimerRecord>();
        foreach (var start in definition.Process.Nodes.OfType<StartEvent>().Where(s => s.Timer is not null))
        {
            if (start.Timer!.Schedule is not { } schedule)
            {
                // An expression has no variables to read before any instance exists.
                logger.LogWarning("The timer start event '{StartEvent}' of {Definition} is an expression ('{Text}'); only fixed ISO 8601 start timers run",
                    start.Id, definitionId, start.Timer.Text);
                continue;
            }
            var row = new StartTimerRecord
            {
                Id = Guid.NewGuid(),
                DefinitionId = definitionId,
                DefinitionKey = definition.Key,
                Version = version,
                StartEventId = start.Id,
                TimerKind = start.Timer.Kind.ToString().ToLowerInvariant(),
                TimerText = schedule.Text,
                NextDueAt = schedule.FirstDue(now).ToUniversalTime(),
            };
            db.Add(row);
            armed.Add(row);
        }
        return armed;
    }

    /// <summary>After the deployment committed.</summary>
    public void ScheduleJobs(IEnumerable<StartTimerRecord> armed)
    {
        foreach (var row in armed)
            if (row.NextDueAt is { } due) jobs.ScheduleStartTimer(row.Id, due);
    }
}
