using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using ProjectWorkflow.Application.Audit;
using ProjectWorkflow.Application.Idempotency;
using ProjectWorkflow.Application.Identity;
using ProjectWorkflow.Application.Workflows.Storage;

namespace ProjectWorkflow.Application.Persistence;

/// <summary>
/// The one DbContext: identity, engine state and domain state live together so that a
/// command and its effects commit in one transaction. Provider-agnostic: the provider and
/// its migrations assembly are chosen in <see cref="DatabaseProvider"/>.
/// </summary>
public class ProjectWorkflowDbContext : IdentityDbContext<PortalUser>
{
    private AuditChain? audit;

    /// <summary>
    /// The one constructor, as EF's context pool requires. Built so, the context has no audit chain: migrations tooling and
    /// tests that set up or tamper with rows directly. The app's contexts come from the pool, each handed to one scope by
    /// <see cref="ServeScope"/> with that scope's chain.
    /// </summary>
    public ProjectWorkflowDbContext(DbContextOptions<ProjectWorkflowDbContext> options) : base(options)
    {
    }

    /// <summary>
    /// A pooled context taken for one DI scope: every save appends that scope's audit entries in its own transaction. Whatever
    /// the previous scope left here (its chain, an idempotency reservation, journal lines of a failed save) is dropped; EF resets
    /// its own state (change tracker, connection, transaction) when the context goes back to the pool.
    /// </summary>
    internal void ServeScope(AuditChain? chain)
    {
        audit = chain;
        idempotencyReservation = null;
        journal = [];
    }

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default) =>
        InTurnAsync(DetectedOnce(() => SaveMarkedAsync(ct => base.SaveChangesAsync(acceptAllChangesOnSuccess, ct), cancellationToken)), cancellationToken);

    public override int SaveChanges(bool acceptAllChangesOnSuccess) =>
        InTurnAsync(DetectedOnce(() => SaveMarkedAsync(_ => Task.FromResult(base.SaveChanges(acceptAllChangesOnSuccess)), CancellationToken.None)), CancellationToken.None)
            .GetAwaiter().GetResult();

    /// <summary>
    /// Finds what the scope changed once, here on the caller's thread, before the save waits for its turn (SQLite's writer)
    /// or takes the audit head's lock (PostgreSQL), and not again inside it: EF would otherwise compare every tracked
    /// entity with its snapshot at each look at the tracker (the idempotency mark, the audit chain, the column check, the
    /// save itself), all of it in the part of the save that only one writer runs at a time (docs/benchmarks.md, round 7).
    /// Within the save every change is made through the tracker (an entity added, attached, or a property's value set on
    /// its entry), never by setting a tracked entity's property directly, so nothing is missed. A caller that turned
    /// automatic detection off keeps its own choice.
    /// </summary>
    private Func<Task<int>> DetectedOnce(Func<Task<int>> save)
    {
        if (!ChangeTracker.AutoDetectChangesEnabled) return save;
        ChangeTracker.DetectChanges();
        return async () =>
        {
            ChangeTracker.AutoDetectChangesEnabled = false;
            try
            {
                return await save();
            }
            finally
            {
                ChangeTracker.AutoDetectChangesEnabled = true;
            }
        };
    }

    /// <summary>On SQLite, the save waits for its turn on the file's writer (<see cref="SqliteWriter"/>); elsewhere it runs here.</summary>
    private Task<int> InTurnAsync(Func<Task<int>> save, CancellationToken cancellationToken) =>
        SqliteWriter.For(this) is { } writer ? writer.RunAsync(save, cancellationToken) : save();

    /// <summary>One save: the idempotency mark staged beside the change, the scope's audit entries (or, without the chain, the journal lines) in its transaction.</summary>
    private async Task<int> SaveMarkedAsync(Func<CancellationToken, Task<int>> save, CancellationToken cancellationToken)
    {
        var mark = StageEffectsMark();
        try
        {
            return audit is null
                ? await SaveWithJournalAsync(save, cancellationToken)
                : await audit.SaveAsync(this, save, cancellationToken);
        }
        finally
        {
            if (mark is not null) Entry(mark).State = EntityState.Detached;
        }
    }

    private long? idempotencyReservation;

    /// <summary>
    /// The request this context serves reserved an <c>Idempotency-Key</c> (row <paramref name="idempotencyRecordId"/>): every
    /// save that changes something from now on also sets that row's <see cref="IdempotencyRecord.EffectsCommitted"/>, in
    /// the same transaction. So the key is never freed for a retry once the request's changes are committed, even if the
    /// response is never stored. (Changes made around the context — <c>ExecuteUpdate</c>, raw SQL, another scope — are
    /// not marked.) Should the reservation have been given up meanwhile (the request ran past the abandonment time and a
    /// retry took the key over), the mark finds no row, the save fails as a concurrency conflict and rolls back: only the
    /// retry's changes stand.
    /// </summary>
    public void MarkEffectsFor(long idempotencyRecordId) => idempotencyReservation = idempotencyRecordId;

    /// <summary>The reservation's row, attached with only the mark modified, when this save changes anything; else null.</summary>
    private IdempotencyRecord? StageEffectsMark()
    {
        if (idempotencyReservation is not { } id || (journal.Count == 0 && !ChangeTracker.HasChanges())) return null;
        if (ChangeTracker.Entries<IdempotencyRecord>().Any(e => e.Entity.Id == id)) return null;
        var row = new IdempotencyRecord { Id = id, Key = "", UserName = "", Method = "", Path = "", RequestHash = "" };
        // Through the entry: the save does not look for changes again (DetectedOnce).
        Attach(row).Property(r => r.EffectsCommitted).CurrentValue = true;
        return row;
    }

    private List<JournalRecord> journal = [];

    /// <summary>
    /// A journal line for the next save, written with the save's other rows in its transaction but not through the
    /// change tracker: all the lines of a save go in one statement (<see cref="JournalLines"/>).
    /// </summary>
    internal void StageJournal(JournalRecord line) => journal.Add(line);

    /// <summary>The lines staged for this save (the save that takes them writes them, or fails with them).</summary>
    internal List<JournalRecord> TakeJournal()
    {
        var lines = journal;
        journal = [];
        return lines;
    }

    private async Task<int> SaveWithJournalAsync(Func<CancellationToken, Task<int>> save, CancellationToken cancellationToken)
    {
        var lines = TakeJournal();
        if (lines.Count == 0) return await save(cancellationToken);
        var ownTransaction = Database.CurrentTransaction is null ? await Database.BeginTransactionAsync(cancellationToken) : null;
        try
        {
            var result = await save(cancellationToken);
            await JournalLines.WriteAsync(this, lines, cancellationToken);
            if (ownTransaction is not null) await ownTransaction.CommitAsync(cancellationToken);
            return result + lines.Count;
        }
        finally
        {
            if (ownTransaction is not null) await ownTransaction.DisposeAsync();
        }
    }

    public DbSet<IdempotencyRecord> IdempotencyRecords => Set<IdempotencyRecord>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // SQLite has no date type: EF stores DateTimeOffset as text, which it cannot order or compare
        // (the inbox sorts by due date, the sweep finds due timers). Ticks in UTC can be.
        if (Database.IsSqlite())
            configurationBuilder.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToBinaryConverter>();
        // PostgreSQL's timestamptz takes UTC only; a moment computed in Shanghai time (a deadline, a due date) is
        // the same moment in UTC, so it is stored as such rather than refused.
        else if (Database.IsNpgsql())
            configurationBuilder.Properties<DateTimeOffset>().HaveConversion<InUtc>();
    }

    private sealed class InUtc() : ValueConverter<DateTimeOffset, DateTimeOffset>(moment => moment.ToUniversalTime(), moment => moment);

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(ProjectWorkflowDbContext).Assembly);
    }
}
