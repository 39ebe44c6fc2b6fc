using System.Collections.Concurrent;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace ProjectWorkflow.Application.Persistence;

/// <summary>
/// SQLite lets one writer at a time into a database file. The saves of one process run here, one after another, on a
/// thread of the file's own, instead of meeting in SQLite's lock: a writer that finds SQLite's lock taken waits in its
/// busy handler, which sleeps and looks again (1, 2, 5, 10, … 100 ms), and a turn handed on through the thread pool
/// waits behind every request queued there — either way the file sat idle while writers waited (docs/benchmarks.md,
/// round 5 of issue #18). Here the next save starts the moment the one before it commits.
/// <para>Only saves that begin their own transaction come here (a caller holding a transaction may hold SQLite's lock
/// already and must not queue behind a save that waits for it); a save started on the writer's own thread runs in place.
/// Writes that are not saves (bulk updates, other processes on the same file) meet SQLite's lock as before, which stays
/// the guarantee: this only orders the process's own saves.</para>
/// </summary>
internal sealed class SqliteWriter
{
    // A file's thread ends after this long with nothing to write, and starts again with the next save.
    private static readonly TimeSpan IdleEnd = TimeSpan.FromSeconds(5);

    private static readonly ConcurrentDictionary<string, SqliteWriter> Files = new(StringComparer.Ordinal);

    [ThreadStatic] private static SqliteWriter? current;

    private readonly Queue<Action> saves = new();
    private bool running;

    /// <summary>The writer of this context's file, or null when the save runs in place (not SQLite, or within a transaction, or already on the writer's thread).</summary>
    public static SqliteWriter? For(DbContext db)
    {
        if (db.Database.CurrentTransaction is not null || db.Database.GetDbConnection() is not SqliteConnection connection) return null;
        // One writer per connection string: every context of a process configured alike writes the same file.
        var writer = Files.GetOrAdd(connection.ConnectionString, _ => new SqliteWriter());
        return ReferenceEquals(current, writer) ? null : writer;
    }

    /// <summary>
    /// Runs the save on the file's thread, in the caller's execution context (its trace, its scope's ambient values), after
    /// the saves queued before it. A caller that gives up before its turn gets its cancellation and nothing is written;
    /// once begun, the save runs to its commit or its failure (the caller still awaits it, so its context is not handed on
    /// to another scope meanwhile).
    /// </summary>
    public Task<T> RunAsync<T>(Func<Task<T>> save, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var done = new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously);
        var context = ExecutionContext.Capture();
        void Run()
        {
            if (cancellationToken.IsCancellationRequested)
            {
                done.TrySetCanceled(cancellationToken);
                return;
            }
            try
            {
                // SQLite's driver completes its asynchronous calls at once, so the save finishes on this thread.
                done.TrySetResult(save().GetAwaiter().GetResult());
            }
            catch (Exception exception)
            {
                done.TrySetException(exception);
            }
        }
        Action work = context is null ? Run : () => ExecutionContext.Run(context, _ => Run(), null);
        lock (saves)
        {
            saves.Enqueue(work);
            if (running) Monitor.Pulse(saves);
            else
            {
                running = true;
                new Thread(Write) { IsBackground = true, Name = "SQLite writer" }.Start();
            }
        }
        return done.Task;
    }

    private void Write()
    {
        current = this;
        while (true)
        {
            Action work;
            lock (saves)
            {
                if (saves.Count == 0) Monitor.Wait(saves, IdleEnd);
                if (saves.Count == 0)
                {
                    running = false;
                    return;
                }
                work = saves.Dequeue();
            }
            work();
        }
    }
}
