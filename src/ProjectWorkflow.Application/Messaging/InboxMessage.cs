namespace ProjectWorkflow.Application.Messaging;

/// <summary>
/// A message a consumer has already acted on, written in the same transaction as that action:
/// a second copy of the message (the bus and the outbox deliver at least once) finds it and does nothing.
/// </summary>
public sealed class InboxMessage
{
    public Guid MessageId { get; set; }

    /// <summary>Who acted: a consumer's name, or a consumer and the process instance it resumed.</summary>
    public string Consumer { get; set; } = "";

    public DateTimeOffset ProcessedAt { get; set; }
}
