using Microsoft.EntityFrameworkCore;
using ProjectWorkflow.Application.Persistence;
using ProjectWorkflow.Application.Validation;
using ProjectWorkflow.Engine.Runtime;

namespace ProjectWorkflow.Application.Notifications;

public sealed record ListNotificationsRequest(bool? Unread, int? Skip, int? Take);

/// <summary>My notifications, newest first, optionally only the unread ones; with my unread count.</summary>
public sealed class ListNotifications(ProjectWorkflowDbContext db)
{
    public const int MaxTake = 200;

    public abstract record Outcome;
    public sealed record Listed(NotificationPage Page) : Outcome;
    public sealed record Invalid(IReadOnlyList<FieldError> Errors) : Outcome;

    public async Task<Outcome> HandleAsync(ListNotificationsRequest request, Actor actor, CancellationToken cancellationToken)
    {
        var take = request.Take ?? 50;
        var skip = request.Skip ?? 0;
        var errors = new List<FieldError>();
        if (take is < 1 or > MaxTake) errors.Add(new("take", $"Take between 1 and {MaxTake} notifications at a time."));
        if (skip < 0) errors.Add(new("skip", "Skip cannot be negative."));
        if (errors.Count > 0) return new Invalid(errors);

        var mine = NotificationInbox.VisibleTo(db, actor).AsNoTracking();
        var unread = mine.UnreadBy(db, actor.Id);
        var unreadCount = await unread.CountAsync(cancellationToken);

        var me = actor.Id;
        var rows = await (request.Unread == true ? unread : mine)
            .OrderByDescending(n => n.CreatedAt).ThenByDescending(n => n.Id)
            .Skip(skip).Take(take)
            .Select(n => new
            {
                Notification = n,
                Read = n.RecipientIsGroup
                    ? db.Set<NotificationReadMark>().Any(m => m.NotificationId == n.Id && m.UserName == me)
                    : n.ReadAt != null,
            })
            .ToListAsync(cancellationToken);
        return new Listed(new NotificationPage(unreadCount, rows.Select(r => ToView(r.Notification, r.Read)).ToList()));
    }

    public static NotificationView ToView(Notification n, bool read) => new(
        n.Id, n.Kind, n.Title, n.TitleEn, n.Body, n.BodyZh, n.InstanceId, n.TaskId, n.BusinessKey, LinkOf(n),
        n.RecipientIsGroup ? n.Recipient : null, n.Actor, n.CreatedAt, read);

    /// <summary>
    /// Where the reader goes next: the task list of the instance when there is something to do on a
    /// task, the instance itself when the news is about the file as a whole.
    /// </summary>
    public static string LinkOf(Notification n) =>
        n.InstanceId is null ? "/api/schemes"
        : n.TaskId is not null && n.Kind is not (NotificationKinds.Decision or NotificationKinds.Copied)
            ? $"/api/tasks?instanceId={n.InstanceId}"
            : $"/api/instances/{n.InstanceId}";
}
