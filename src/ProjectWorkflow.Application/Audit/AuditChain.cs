using System.Diagnostics;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore;
using ProjectWorkflow.Application.Applications;
using ProjectWorkflow.Application.Idempotency;
using ProjectWorkflow.Application.Ledger;
using ProjectWorkflow.Application.Messaging;
using ProjectWorkflow.Application.Notifications;
using ProjectWorkflow.Application.Persistence;
using ProjectWorkflow.Application.Schemes.Windows;
using ProjectWorkflow.Application.Workflows.Storage;
using ProjectWorkflow.Funding.Applications;

namespace ProjectWorkflow.Application.Audit;

/// <summary>
/// Appends the scope's staged entries (<see cref="AuditTrail"/>) to the log inside the transaction of the save that
/// makes the change they record: both commit, or neither. Appends are serialized by updating the
/// <see cref="AuditHead"/> row first, so entries are numbered without gaps in commit order even with several writers
/// and nodes. A save that changes domain or engine rows with nothing staged still gets an entry
/// (<see cref="UnrecordedChange"/>) naming what changed: a state change that forgot its entry is visible, never silent.
/// </summary>
public sealed class AuditChain(AuditTrail trail, AuditKeys keys, TimeProvider time)
{
    /// <summary>The action of the entry written for a change whose use case staged none (tests look for it).</summary>
    public const string UnrecordedChange = "change.unrecorded";

    // Bookkeeping that is not itself a decision: requests' replays, the message boxes, notices, the checks' own records.
    private static readonly HashSet<Type> Bookkeeping =
    [
        typeof(AuditEntry), typeof(AuditHead), typeof(IdempotencyRecord), typeof(OutboxMessage), typeof(InboxMessage),
        typeof(Notification), typeof(NotificationReadMark), typeof(QueuedMail), typeof(ReconciliationRun), typeof(WindowAnnouncementRecord),
        typeof(Warnings.WarningNoticeRecord),
    ];

    public async Task<int> SaveAsync(DbContext db, Func<CancellationToken, Task<int>> save, CancellationToken cancellationToken)
    {
        var staged = trail.TakePending().ToList();
        var journal = db is ProjectWorkflowDbContext context ? context.TakeJournal() : [];
        var changed = db.ChangeTracker.Entries().Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted).ToList();
        var recorded = changed.Where(e => !Bookkeeping.Contains(e.Entity.GetType())).ToList();
        if (staged.Count == 0 && recorded.Count == 0 && journal.Count == 0)
            return await save(cancellationToken);
        var unrecorded = staged.Count == 0 ? Summary(recorded, journal.Count) : null;
        var decisions = Decisions(changed);
        var covered = changed.Where(e => AuditCovers.IsCovered(e.Entity)).Select(e => (e.Entity, Deleted: e.State == EntityState.Deleted)).ToList();
        foreach (var (entity, _) in covered) AuditCovers.Normalise(entity);
        foreach (var line in journal) AuditCovers.Normalise(line);
        var ownTransaction = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(cancellationToken) : null;
        try
        {
            // The head's lock, then the journal lines (one multi-row insert, numbered by the database): one round trip.
            var head = await LockHeadAsync(db, journal, cancellationToken);

            // The change goes in the same save as its entries when the entries name no key the database has yet to give
            // (a covered row's, or the changed row an unrecorded-change entry names): one round trip less. Otherwise the
            // change is saved first and the keys of its new rows are known from there on.
            var together = covered.Count == 0 && (unrecorded is null || decisions.Count > 0 || recorded.Count == 0 || !HasTemporaryKey(recorded[0]));
            var result = journal.Count + (together ? 0 : await save(cancellationToken));
            if (unrecorded is not null && decisions.Count == 0)
                staged.Add(recorded.Count > 0 ? Unrecorded(recorded[0], unrecorded) : UnrecordedJournal(journal[0], unrecorded));
            staged.AddRange(decisions);

            var key = keys.Current;
            var covers = covered.Select(c => AuditCovers.Of(c.Entity, key, c.Deleted)).Concat(journal.Select(j => AuditCovers.Of(j, key))).ToList();
            var (sequence, previous) = (head.LastSequence, head.LastHash);
            var at = Milliseconds(time.GetUtcNow());
            var added = new List<EntityEntry>(staged.Count);
            for (var i = 0; i < staged.Count; i++)
            {
                var pending = staged[i];
                var entry = new AuditEntry
                {
                    Sequence = ++sequence,
                    At = at,
                    Actor = Fit(pending.Actor.Name, 256)!,
                    Roles = Fit(string.Join(',', pending.Actor.Roles), 1000)!,
                    Action = Fit(pending.Action, 100)!,
                    ObjectType = Fit(pending.ObjectType, 64)!,
                    ObjectId = Fit(pending.ObjectId, 200)!,
                    Outcome = Fit(pending.Outcome, 16)!,
                    Reason = Fit(pending.Reason, 2000),
                    Detail = pending.Detail,
                    TraceId = Fit(pending.Actor.TraceId ?? Activity.Current?.TraceId.ToString(), 64),
                    Covers = i == staged.Count - 1 ? AuditCovers.Serialize(covers) : null,
                    KeyId = keys.CurrentKeyId,
                    PreviousHash = previous,
                };
                entry.Hash = AuditHash.Of(entry, key);
                previous = entry.Hash;
                added.Add(db.Add(entry));
            }
            // The head moves in the same batch as the entries (one round trip), then is forgotten: the next save locks it afresh.
            if (db.ChangeTracker.Entries<AuditHead>().Any())
            {
                // Someone in this scope tracks the head already: move it on its own, as a separate statement.
                int saved;
                try
                {
                    saved = await save(cancellationToken);
                }
                catch when (together)
                {
                    foreach (var entry in added) entry.State = EntityState.Detached;
                    throw;
                }
                if (together) result += saved - staged.Count;
                await db.Set<AuditHead>().Where(h => h.Id == AuditHead.TheOnlyId)
                    .ExecuteUpdateAsync(s => s.SetProperty(h => h.LastSequence, sequence).SetProperty(h => h.LastHash, previous), cancellationToken);
            }
            else
            {
                // Through the entry, not the entity: the save does not look for changes again (ProjectWorkflowDbContext).
                var moved = db.Attach(head);
                moved.Property(h => h.LastSequence).CurrentValue = sequence;
                moved.Property(h => h.LastHash).CurrentValue = previous;
                try
                {
                    var saved = await save(cancellationToken);
                    if (together) result += saved - staged.Count - 1;
                }
                catch when (together)
                {
                    // The change failed with its entries: forget them, as if the change had failed on its own before them.
                    foreach (var entry in added) entry.State = EntityState.Detached;
                    throw;
                }
                finally
                {
                    moved.State = EntityState.Detached;
                }
            }
            if (ownTransaction is not null) await ownTransaction.CommitAsync(cancellationToken);
            return result;
        }
        finally
        {
            if (ownTransaction is not null) await ownTransaction.DisposeAsync();
        }
    }

    /// <summary>
    /// Takes the head's row lock (a no-op update, held to the commit) and reads it in the same statement where the
    /// database can (<c>UPDATE … RETURNING</c> on SQLite and PostgreSQL, followed in the same command by the save's journal
    /// lines); two statements on SQL Server, the journal lines a third.
    /// </summary>
    private static async Task<AuditHead> LockHeadAsync(DbContext db, IReadOnlyList<JournalRecord> journal, CancellationToken cancellationToken)
    {
        if (db.Database.ProviderName is { } provider && (provider.Contains("Sqlite", StringComparison.Ordinal) || provider.Contains("Npgsql", StringComparison.Ordinal)))
        {
            AuditHead? head = null;
            await JournalLines.WriteAsync(db, journal, cancellationToken,
                $"UPDATE \"AuditHead\" SET \"LastSequence\" = \"LastSequence\" WHERE \"Id\" = {AuditHead.TheOnlyId} RETURNING \"LastSequence\", \"LastHash\"",
                row =>
                {
                    if (row.Read())
                        head = new AuditHead { Id = AuditHead.TheOnlyId, LastSequence = row.GetInt64(0), LastHash = row.IsDBNull(1) ? "" : row.GetString(1) };
                    while (row.Read()) { }
                });
            return head ?? throw new InvalidOperationException("The audit head row is missing.");
        }
        await db.Set<AuditHead>().Where(h => h.Id == AuditHead.TheOnlyId)
            .ExecuteUpdateAsync(s => s.SetProperty(h => h.LastSequence, h => h.LastSequence), cancellationToken);
        var found = await db.Set<AuditHead>().AsNoTracking().SingleAsync(h => h.Id == AuditHead.TheOnlyId, cancellationToken);
        await JournalLines.WriteAsync(db, journal, cancellationToken);
        return found;
    }

    private static bool HasTemporaryKey(EntityEntry entry) =>
        entry.Metadata.FindPrimaryKey()?.Properties.Any(p => entry.Property(p.Name).IsTemporary) == true;

    /// <summary>An application whose status the save moves (submitted, approved, rejected …) is a decision of its own: one entry each.</summary>
    private List<PendingAuditEntry> Decisions(IEnumerable<EntityEntry> changes) =>
        changes.Where(c => c.Entity is FundingApplication && c.State is EntityState.Added or EntityState.Modified)
            .Select(c => (Application: (FundingApplication)c.Entity, From: c.State == EntityState.Added ? null : (ApplicationStatus?)c.Property(nameof(FundingApplication.Status)).OriginalValue))
            .Where(d => d.From != d.Application.Status)
            .Select(d => new PendingAuditEntry(trail.Actor, $"application.{ApplicationStatusText.Of(d.Application.Status)}", "application", d.Application.Number, AuditOutcomes.Succeeded, null,
                $"status {(d.From is { } from ? ApplicationStatusText.Of(from) : "-")} → {ApplicationStatusText.Of(d.Application.Status)}; scheme {d.Application.SchemeKey} {d.Application.Year}"
                + (d.Application.ApprovedAmountFen is { } approved ? $"; approved {new Funding.Money(approved)}" : "")))
            .ToList();

    private static string Summary(IReadOnlyList<EntityEntry> changes, int journalLines) =>
        string.Join("; ", changes.GroupBy(c => (Table: c.Metadata.GetTableName() ?? c.Metadata.ClrType.Name, c.State))
            .Select(g => $"{g.Key.Table} {g.Key.State.ToString().ToLowerInvariant()} ×{g.Count()}")
            .Concat(journalLines > 0 ? new[] { $"WorkflowJournal added ×{journalLines}" } : []));

    private PendingAuditEntry Unrecorded(EntityEntry first, string summary) =>
        Unrecorded(first.Metadata.GetTableName() ?? first.Metadata.ClrType.Name,
            first.Metadata.FindPrimaryKey()?.Properties.Select(p => first.Property(p.Name).CurrentValue?.ToString()).FirstOrDefault() ?? "", summary);

    private PendingAuditEntry UnrecordedJournal(JournalRecord first, string summary) =>
        Unrecorded("WorkflowJournal", first.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), summary);

    private PendingAuditEntry Unrecorded(string table, string key, string summary) =>
        new(trail.Actor, UnrecordedChange, table, key, AuditOutcomes.Succeeded, "The change was saved without naming itself in the audit log.", summary);

    internal static DateTimeOffset Milliseconds(DateTimeOffset at) =>
        new(at.UtcTicks - at.UtcTicks % TimeSpan.TicksPerMillisecond, TimeSpan.Zero);

    private static string? Fit(string? value, int length) => value is null || value.Length <= length ? value : value[..length];
}
