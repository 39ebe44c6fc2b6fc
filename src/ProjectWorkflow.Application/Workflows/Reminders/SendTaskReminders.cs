using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ProjectWorkflow.Application.Calendar;
using ProjectWorkflow.Application.Persistence;
using ProjectWorkflow.Application.ScheduledChecks;
using ProjectWorkflow.Application.Workflows.Storage;
using ProjectWorkflow.Engine.Runtime;
using ProjectWorkflow.Funding.Calendar;

namespace ProjectWorkflow.Application.Workflows.Reminders;

/// <summary>
/// Reminds (催办) whoever holds an open task: once when its due date is near (<see cref="ReminderSettings.BeforeDue"/>),
/// once when it arrives. Each reminder is the engine's own remind command by the system actor, so it is
/// journaled and raises the notification everyone else's reminders raise; the task row records that it
/// was sent, in the same transaction, so a second run (or a second node) sends nothing. The warning period counts
/// working time: days off on the holiday calendar do not use it up, so a task due on Monday morning is reminded on
/// Friday, not over the weekend when nobody reads it.
/// </summary>
public sealed class SendTaskReminders(
    ProjectWorkflowDbContext db, WorkflowCommands commands, TimeProvider time, IOptions<ReminderSettings> settings,
    WorkingDays workingDays, ILogger<SendTaskReminders> logger) : IScheduledCheck
{
    public const string Id = "task-reminders";

    /// <summary>Per kind of reminder and run; the rest waits for the next run.</summary>
    public const int BatchSize = 200;

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var soon = Horizon(now, settings.Value.BeforeDue, await workingDays.CalendarAsync(cancellationToken));
        var open = db.Set<TaskRecord>().AsNoTracking().Where(t => t.Status == TaskStatuses.Open && t.DueAt != null);

        var due = await open.Where(t => t.DueAt <= now && t.DueReminderSentAt == null)
            .OrderBy(t => t.DueAt).Take(BatchSize)
            .Select(t => new { t.Id, t.InstanceId, t.DueAt }).ToListAsync(cancellationToken);
        var dueSoon = await open.Where(t => t.DueAt > now && t.DueAt <= soon && t.BeforeDueReminderSentAt == null)
            .OrderBy(t => t.DueAt).Take(BatchSize)
            .Select(t => new { t.Id, t.InstanceId, t.DueAt }).ToListAsync(cancellationToken);

        var sent = 0;
        foreach (var task in due)
            sent += await RemindAsync(task.Id, task.InstanceId, atDue: true, $"This task was due at {Format(task.DueAt!.Value)}.", now, cancellationToken) ? 1 : 0;
        foreach (var task in dueSoon)
            sent += await RemindAsync(task.Id, task.InstanceId, atDue: false, $"This task is due at {Format(task.DueAt!.Value)}.", now, cancellationToken) ? 1 : 0;
        if (sent > 0) logger.LogInformation("Sent {Count} due-date reminders", sent);
    }

    private async Task<bool> RemindAsync(Guid taskId, Guid instanceId, bool atDue, string message, DateTimeOffset now, CancellationToken cancellationToken)
    {
        try
        {
            return await commands.RunAsync(Actor.System, async session =>
            {
                // The instance first, the row second: if another run reminded in between, either its mark is
                // visible now or our save meets its newer instance revision and fails. Never two reminders.
                await session.GetInstanceAsync(instanceId, cancellationToken);
                var row = await db.Set<TaskRecord>().FirstOrDefaultAsync(t => t.Id == taskId, cancellationToken);
                if (row is null || row.Status != TaskStatuses.Open || (atDue ? row.DueReminderSentAt : row.BeforeDueReminderSentAt) is not null)
                    return false;
                await session.RemindAsync(taskId, message, cancellationToken);
                if (atDue) row.DueReminderSentAt = now;
                else row.BeforeDueReminderSentAt = now;
                return true;
            }, cancellationToken);
        }
        catch (WorkflowException refused) when (refused.Kind is WorkflowErrorKind.Conflict or WorkflowErrorKind.NotFound)
        {
            // Someone else reminded first, or the task was completed meanwhile: nothing to send.
            logger.LogDebug("No reminder for task {Task}: {Reason}", taskId, refused.Message);
            return false;
        }
        finally
        {
            db.ChangeTracker.Clear();
        }
    }

    /// <summary>Now plus the warning period, stretched by a day for every day off it crosses.</summary>
    public static DateTimeOffset Horizon(DateTimeOffset now, TimeSpan beforeDue, WorkingDayCalendar calendar)
    {
        var horizon = now + beforeDue;
        for (var day = ShanghaiDate.Of(now).AddDays(1); day <= ShanghaiDate.Of(horizon); day = day.AddDays(1))
            if (!calendar.IsWorkingDay(day))
                horizon = horizon.AddDays(1);
        return horizon;
    }

    private static string Format(DateTimeOffset at) => at.ToUniversalTime().ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);
}
