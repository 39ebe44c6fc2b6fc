using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using ProjectWorkflow.Application.Persistence;
using ProjectWorkflow.Application.ScheduledChecks;
using ProjectWorkflow.Application.Workflows.Storage;

namespace ProjectWorkflow.Application.Workflows.Reminders;

/// <summary>
/// Marks open tasks past their due date as overdue (the inbox shows <c>overdueSince</c>), and their candidate rows, which
/// carry the flag for the group inbox (<see cref="Tasks.ListTasks"/>). The tasks to flag are found on the (Status, DueAt)
/// index, then flagged with their candidates (by task id) in batches; each UPDATE only touches unflagged rows, so running
/// it twice, or on two nodes at once, flags each task once.
/// </summary>
public sealed class FlagOverdueTasks(ProjectWorkflowDbContext db, TimeProvider time, ILogger<FlagOverdueTasks> logger) : IScheduledCheck
{
    public const string Id = "task-overdue";
    private const int BatchSize = 1000;

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var flagged = 0;
        while (true)
        {
            var due = await db.Set<TaskRecord>().AsNoTracking()
                .Where(t => t.Status == TaskStatuses.Open && t.DueAt <= now && t.OverdueSince == null)
                .Select(t => t.Id).Take(BatchSize).ToListAsync(cancellationToken);
            if (due.Count == 0) break;
            flagged += await db.Set<TaskRecord>().Where(t => due.Contains(t.Id) && t.OverdueSince == null)
                .ExecuteUpdateAsync(set => set.SetProperty(t => t.OverdueSince, t => t.DueAt), cancellationToken);
            // Every candidate row of the task, claimable or not: one held now carries the flag when it is let go.
            await db.Set<TaskCandidate>().Where(c => due.Contains(c.TaskId) && c.OverdueSince == null)
                .ExecuteUpdateAsync(set => set.SetProperty(c => c.OverdueSince, c => c.DueAt), cancellationToken);
            if (due.Count < BatchSize) break;
        }
        if (flagged > 0) logger.LogInformation("Flagged {Count} open tasks as overdue", flagged);
    }
}
