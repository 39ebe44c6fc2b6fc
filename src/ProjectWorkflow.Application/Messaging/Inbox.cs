using Microsoft.EntityFrameworkCore;
using ProjectWorkflow.Application.Persistence;

namespace ProjectWorkflow.Application.Messaging;

/// <summary>
/// Makes a consumer idempotent: ask <see cref="HasProcessedAsync"/> first, and <see cref="Record"/> the
/// receipt in the same SaveChanges as the consumer's effect. Two copies processed at once on two nodes
/// collide on the inbox key (or on the instance's revision); the loser fails, is retried, and then finds the receipt.
/// </summary>
public sealed class Inbox(ProjectWorkflowDbContext db, DatabaseReady ready, TimeProvider time)
{
    public async Task<bool> HasProcessedAsync(InboxReceipt receipt, CancellationToken cancellationToken)
    {
        // Consumers start with the bus, possibly before this node has migrated the database.
        await ready.WaitAsync(cancellationToken);
        return await db.Set<InboxMessage>().AsNoTracking()
            .AnyAsync(m => m.MessageId == receipt.MessageId && m.Consumer == receipt.Consumer, cancellationToken);
    }

    public void Record(InboxReceipt receipt) =>
        db.Add(new InboxMessage { MessageId = receipt.MessageId, Consumer = receipt.Consumer, ProcessedAt = time.GetUtcNow() });
}
