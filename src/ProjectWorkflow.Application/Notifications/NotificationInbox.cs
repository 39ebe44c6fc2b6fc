using Microsoft.EntityFrameworkCore;
using ProjectWorkflow.Application.Persistence;
using ProjectWorkflow.Engine.Runtime;

namespace ProjectWorkflow.Application.Notifications;

/// <summary>
/// A person's inbox: rows addressed to them, and rows addressed to any group they belong to (the
/// same groups that decide which tasks they may claim). A row is unread for them until they read it:
/// their own rows carry the time, group rows a read mark per member.
/// </summary>
public static class NotificationInbox
{
    public static IQueryable<Notification> VisibleTo(ProjectWorkflowDbContext db, Actor actor)
    {
        var me = actor.Id;
        var groups = actor.Groups.ToList();
        return db.Set<Notification>().Where(n =>
            (!n.RecipientIsGroup && n.Recipient == me) || (n.RecipientIsGroup && groups.Contains(n.Recipient)));
    }

    public static IQueryable<Notification> UnreadBy(this IQueryable<Notification> notifications, ProjectWorkflowDbContext db, string userName) =>
        notifications.Where(n =>
            (!n.RecipientIsGroup && n.ReadAt == null)
            || (n.RecipientIsGroup && !db.Set<NotificationReadMark>().Any(m => m.NotificationId == n.Id && m.UserName == userName)));
}
