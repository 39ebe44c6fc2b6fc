using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using ProjectWorkflow.Application.Persistence;
using ProjectWorkflow.Application.ScheduledChecks;
using ProjectWorkflow.Application.Workflows.Storage;

namespace ProjectWorkflow.Application.Workflows.Reminders;

/// <summary>
/// Marks open tasks past their due date as overdue (the inbox shows <c>overdueSince</c>). One UPDATE that
/// only touches unflagged rows: running it twice, or on two nodes at once, flags each task once; then the same for the
/// claimable candidate rows, which carry the flag for the inbox.
/// </summary>
public sealed class FlagOverdueTasks(ProjectWorkflowDbContext db, TimeProvider time, ILogger<FlagOverdueTasks> logger) : IScheduledCheck
{
    public const string Id = "task-overdue";

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var flagged = await db.Set<TaskRecord>()
            .Where(t => t.Status == TaskStatuses.Open && t.DueAt <= now && t.OverdueSince == null)
            .ExecuteUpdateAsync(set => set.SetProperty(t => t.OverdueSince, t => t.DueAt), cancellationToken);
        // The claimable candidate rows carry the flag too (the group inbox reads them alone, ListTasks). Their own due date
        // decides, not the task row's flag: a candidate that missed it (its task was held when the flag was set, and let go
        // in a save that had read the task before) is caught by the next run.
        await db.Set<TaskCandidate>()
            .Where(c => c.Claimable && c.DueAt <= now && c.OverdueSince == null)
            .ExecuteUpdateAsync(set => set.SetProperty(c => c.OverdueSince, c => c.DueAt), cancellationToken);
        if (flagged > 0) logger.LogInformation("Flagged {Count} open tasks as overdue", flagged);
    }
}
