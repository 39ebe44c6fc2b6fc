namespace ProjectWorkflow.Application.Notifications;

/// <summary>
/// One member's read state of a notification addressed to a group: the group row is shared,
/// so "read" has to be remembered per person beside it.
/// </summary>
public sealed class NotificationReadMark
{
    public Guid NotificationId { get; set; }
    public string UserName { get; set; } = "";
    public DateTimeOffset ReadAt { get; set; }
}
