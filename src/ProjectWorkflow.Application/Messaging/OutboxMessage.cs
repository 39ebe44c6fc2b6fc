namespace ProjectWorkflow.Application.Messaging;

/// <summary>
/// A message a command produced, stored in the command's own transaction and put on the bus after it
/// commits. The row id is the message's MessageId, so consumers can recognise a second copy.
/// </summary>
public sealed class OutboxMessage
{
    /// <summary>Destination of events: publish to whoever subscribes.</summary>
    public const string Publish = "publish";

    /// <summary>Prefix of commands' destinations: sent to one queue (<c>queue:name</c>).</summary>
    public const string QueuePrefix = "queue:";

    public const int MaxErrorLength = 2000;

    public Guid Id { get; set; }

    /// <summary>The message's CLR type as <c>Namespace.Type, Assembly</c>.</summary>
    public string Type { get; set; } = "";

    /// <summary>The message as JSON (camelCase), readable in the database.</summary>
    public string Body { get; set; } = "";

    /// <summary><see cref="Publish"/>, or <c>queue:NAME</c> for a command sent to one receiver.</summary>
    public string Destination { get; set; } = Publish;

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>When the bus accepted it; null while it waits.</summary>
    public DateTimeOffset? DispatchedAt { get; set; }

    /// <summary>Failed attempts so far (a success is not counted).</summary>
    public int Attempts { get; set; }

    /// <summary>Not before this: set to now when staged, pushed back after each failure.</summary>
    public DateTimeOffset NextAttemptAt { get; set; }

    public string? LastError { get; set; }

    /// <summary>The dispatcher (node and batch) that claimed the row, until <see cref="LockedUntil"/>.</summary>
    public string? LockOwner { get; set; }

    public DateTimeOffset? LockedUntil { get; set; }
}
