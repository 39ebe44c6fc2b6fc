namespace ProjectWorkflow.Application.Notifications;

public static class QueuedMailStatuses
{
    public const string Queued = "queued";
    public const string Sent = "sent";

    /// <summary>Gave up after the configured number of attempts; the row keeps the last error.</summary>
    public const string Failed = "failed";
}

/// <summary>
/// An e-mail waiting to leave. It is written in the same transaction as the command that caused
/// it and sent after commit by a background sender, so a rolled-back command sends nothing and a
/// failed send is retried instead of lost (or of failing the user's command).
/// </summary>
public sealed class QueuedMail
{
    public Guid Id { get; set; }
    public Guid? NotificationId { get; set; }
    public string ToAddress { get; set; } = "";
    public string? ToName { get; set; }
    public string Subject { get; set; } = "";
    public string Body { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
    public string Status { get; set; } = QueuedMailStatuses.Queued;
    public int Attempts { get; set; }
    public DateTimeOffset NextAttemptAt { get; set; }

    /// <summary>Set while one sender works on the row, so two nodes never send it twice at once; a crashed sender's lease expires.</summary>
    public DateTimeOffset? LockedUntil { get; set; }

    /// <summary>The claim (one sender's batch) that holds the lease until <see cref="LockedUntil"/>: the rows it reads back are exactly those it won.</summary>
    public Guid? ClaimToken { get; set; }
    public string? LastError { get; set; }
    public DateTimeOffset? SentAt { get; set; }
}
