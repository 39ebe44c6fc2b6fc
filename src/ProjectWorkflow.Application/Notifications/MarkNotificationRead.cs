using Microsoft.EntityFrameworkCore;
using ProjectWorkflow.Application.Persistence;
using ProjectWorkflow.Engine.Runtime;

namespace ProjectWorkflow.Application.Notifications;

/// <summary>
/// Marks one of my notifications read. Someone else's notification is answered exactly like one
/// that does not exist, so ids cannot be probed. Reading twice is fine.
/// </summary>
public sealed class MarkNotificationRead(ProjectWorkflowDbContext db, TimeProvider time)
{
    public abstract record Outcome;
    public sealed record Read(Guid Id, int UnreadCount) : Outcome;
    public sealed record NotFound(Guid Id) : Outcome;

    public async Task<Outcome> HandleAsync(Guid id, Actor actor, CancellationToken cancellationToken)
    {
        var notification = await NotificationInbox.VisibleTo(db, actor).FirstOrDefaultAsync(n => n.Id == id, cancellationToken);
        if (notification is null) return new NotFound(id);

        var now = time.GetUtcNow();
        if (!notification.RecipientIsGroup)
        {
            notification.ReadAt ??= now;
            await db.SaveChangesAsync(cancellationToken);
        }
        else if (!await db.Set<NotificationReadMark>().AnyAsync(m => m.NotificationId == id && m.UserName == actor.Id, cancellationToken))
        {
            db.Add(new NotificationReadMark { NotificationId = id, UserName = actor.Id, ReadAt = now });
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException)
            {
                // A second tab (or a retry) marked it read at the same moment: read is read.
                if (!await MarkedMeanwhileAsync(id, actor.Id, cancellationToken)) throw;
            }
        }

        var unread = await NotificationInbox.VisibleTo(db, actor).UnreadBy(db, actor.Id).CountAsync(cancellationToken);
        return new Read(id, unread);
    }

    private async Task<bool> MarkedMeanwhileAsync(Guid id, string userName, CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        return await db.Set<NotificationReadMark>().AnyAsync(m => m.NotificationId == id && m.UserName == userName, cancellationToken);
    }
}
