using Microsoft.EntityFrameworkCore;
using ProjectWorkflow.Application.Persistence;
using ProjectWorkflow.Engine.Runtime;

namespace ProjectWorkflow.Application.Notifications;

/// <summary>Marks everything in my inbox read, as of now; what arrives afterwards is unread again.</summary>
public sealed class MarkAllNotificationsRead(ProjectWorkflowDbContext db, TimeProvider time)
{
    public sealed record Result(int Marked, int UnreadCount);

    public async Task<Result> HandleAsync(Actor actor, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var me = actor.Id;
        var unread = NotificationInbox.VisibleTo(db, actor).UnreadBy(db, me);

        var own = await unread.Where(n => !n.RecipientIsGroup)
            .ExecuteUpdateAsync(s => s.SetProperty(n => n.ReadAt, now), cancellationToken);

        var groupRows = await unread.Where(n => n.RecipientIsGroup).Select(n => n.Id).ToListAsync(cancellationToken);
        foreach (var id in groupRows)
            db.Add(new NotificationReadMark { NotificationId = id, UserName = me, ReadAt = now });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Another request marked some of these meanwhile: mark the rest one by one.
            db.ChangeTracker.Clear();
            var marked = await db.Set<NotificationReadMark>().Where(m => m.UserName == me && groupRows.Contains(m.NotificationId))
                .Select(m => m.NotificationId).ToListAsync(cancellationToken);
            foreach (var id in groupRows.Except(marked))
                db.Add(new NotificationReadMark { NotificationId = id, UserName = me, ReadAt = now });
            await db.SaveChangesAsync(cancellationToken);
        }

        var left = await NotificationInbox.VisibleTo(db, actor).UnreadBy(db, me).CountAsync(cancellationToken);
        return new Result(own + groupRows.Count, left);
    }
}
