namespace ProjectWorkflow.Application.Notifications;

/// <summary>
/// A notification as its reader sees it. <see cref="Title"/> is the Chinese headline and <see cref="TitleEn"/> the English
/// one; <see cref="Body"/> the English details and <see cref="BodyZh"/> the Chinese ones (each of the two null on a row
/// written before it was kept). <see cref="Group"/> names the group it was sent to, if it was.
/// </summary>
public sealed record NotificationView(
    Guid Id,
    string Kind,
    string Title,
    string? TitleEn,
    string Body,
    string? BodyZh,
    Guid? InstanceId,
    Guid? TaskId,
    string? BusinessKey,
    string Link,
    string? Group,
    string Actor,
    DateTimeOffset CreatedAt,
    bool Read);

/// <summary>One page of the inbox, with how many of all the reader's notifications are unread.</summary>
public sealed record NotificationPage(int UnreadCount, IReadOnlyList<NotificationView> Items);
