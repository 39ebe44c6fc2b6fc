using Microsoft.EntityFrameworkCore;
using ProjectWorkflow.Application.Persistence;

namespace ProjectWorkflow.Application.Messaging;

/// <summary>
/// The dispatcher's statements on the outbox table. A claim is one conditional UPDATE, so on any of our
/// databases two nodes that race for a row cannot both win it: the loser's condition no longer holds.
/// </summary>
public sealed class OutboxClaims(ProjectWorkflowDbContext db)
{
    /// <summary>Claims up to <paramref name="batchSize"/> due rows for <paramref name="owner"/> until now + lease; oldest first.</summary>
    public async Task<IReadOnlyList<OutboxMessage>> ClaimAsync(
        string owner, DateTimeOffset now, int batchSize, TimeSpan lease, CancellationToken cancellationToken)
    {
        var candidates = await Due(now)
            .OrderBy(m => m.CreatedAt)
            .Take(batchSize)
            .Select(m => m.Id)
            .ToListAsync(cancellationToken);
        if (candidates.Count == 0) return [];

        // A fresh token per claim, so the rows read back are exactly those this UPDATE won.
        var token = $"{owner}/{Guid.NewGuid():N}";
        if (token.Length > 200) token = token[^200..];
        var until = now + lease;
        await Due(now)
            .Where(m => candidates.Contains(m.Id))
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.LockOwner, token).SetProperty(m => m.LockedUntil, until), cancellationToken);

        var claimed = await db.Set<OutboxMessage>().AsNoTracking()
            .Where(m => candidates.Contains(m.Id) && m.LockOwner == token)
            .ToListAsync(cancellationToken);
        return claimed.OrderBy(m => m.CreatedAt).ToList();
    }

    public Task MarkDispatchedAsync(IReadOnlyCollection<Guid> ids, DateTimeOffset now, CancellationToken cancellationToken) =>
        ids.Count == 0
            ? Task.CompletedTask
            : db.Set<OutboxMessage>()
                .Where(m => ids.Contains(m.Id) && m.DispatchedAt == null)
                .ExecuteUpdateAsync(s => s
                    .SetProperty(m => m.DispatchedAt, now)
                    .SetProperty(m => m.LockOwner, (string?)null)
                    .SetProperty(m => m.LockedUntil, (DateTimeOffset?)null), cancellationToken);

    public Task MarkFailedAsync(OutboxMessage row, string error, DateTimeOffset nextAttemptAt, CancellationToken cancellationToken)
    {
        var text = error.Length > OutboxMessage.MaxErrorLength ? error[..OutboxMessage.MaxErrorLength] : error;
        var attempts = row.Attempts + 1;
        return db.Set<OutboxMessage>()
            .Where(m => m.Id == row.Id && m.DispatchedAt == null)
            .ExecuteUpdateAsync(s => s
                .SetProperty(m => m.Attempts, attempts)
                .SetProperty(m => m.NextAttemptAt, nextAttemptAt)
                .SetProperty(m => m.LastError, text)
                .SetProperty(m => m.LockOwner, (string?)null)
                .SetProperty(m => m.LockedUntil, (DateTimeOffset?)null), cancellationToken);
    }

    /// <summary>Gives back claimed rows that were not attempted (the batch stopped early), without counting an attempt.</summary>
    public Task ReleaseAsync(IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken) =>
        ids.Count == 0
            ? Task.CompletedTask
            : db.Set<OutboxMessage>()
                .Where(m => ids.Contains(m.Id) && m.DispatchedAt == null)
                .ExecuteUpdateAsync(s => s
                    .SetProperty(m => m.LockOwner, (string?)null)
                    .SetProperty(m => m.LockedUntil, (DateTimeOffset?)null), cancellationToken);

    /// <summary>Deletes dispatched rows and inbox receipts older than the retention; returns how many rows went.</summary>
    public async Task<int> CleanUpAsync(DateTimeOffset before, CancellationToken cancellationToken) =>
        await db.Set<OutboxMessage>().Where(m => m.DispatchedAt != null && m.DispatchedAt < before).ExecuteDeleteAsync(cancellationToken)
        + await db.Set<InboxMessage>().Where(m => m.ProcessedAt < before).ExecuteDeleteAsync(cancellationToken);

    private IQueryable<OutboxMessage> Due(DateTimeOffset now) =>
        db.Set<OutboxMessage>().Where(m =>
            m.DispatchedAt == null && m.NextAttemptAt <= now && (m.LockedUntil == null || m.LockedUntil < now));
}
