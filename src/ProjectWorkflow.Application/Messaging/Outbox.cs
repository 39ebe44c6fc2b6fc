using MassTransit;
using ProjectWorkflow.Application.Persistence;

namespace ProjectWorkflow.Application.Messaging;

/// <summary>
/// Stages messages as rows of the current unit of work: they leave only if its SaveChanges commits, and
/// then they leave for sure (the dispatcher retries until the bus takes them). Stage last, after
/// everything that may still fail, so a refused command leaves nothing behind.
/// </summary>
public sealed class Outbox(ProjectWorkflowDbContext db, TimeProvider time, OutboxSignal signal)
{
    private bool _listening;

    /// <summary>An event, for whoever subscribes. Returns its MessageId.</summary>
    public Guid Publish<T>(T message) where T : class => Stage(message, OutboxMessage.Publish);

    /// <summary>A command, to the one queue that handles it. Returns its MessageId.</summary>
    public Guid Send<T>(T message, string queueName) where T : class
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(queueName);
        return Stage(message, OutboxMessage.QueuePrefix + queueName);
    }

    private Guid Stage(object message, string destination)
    {
        var now = time.GetUtcNow();
        var row = new OutboxMessage
        {
            // Sequential ids keep the primary key's inserts at the end of the index.
            Id = NewId.NextGuid(),
            Type = MessageJson.TypeName(message.GetType()),
            Body = MessageJson.Serialize(message),
            Destination = destination,
            CreatedAt = now,
            NextAttemptAt = now,
        };
        db.Add(row);
        if (!_listening)
        {
            // SavedChanges fires after an implicit transaction commits; inside an explicit one it fires
            // earlier, and the dispatcher then finds nothing yet and picks the rows up at its next poll.
            db.SavedChanges += (_, _) => signal.Notify();
            _listening = true;
        }
        return row.Id;
    }
}
