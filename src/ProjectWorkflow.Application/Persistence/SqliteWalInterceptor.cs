using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace ProjectWorkflow.Application.Persistence;

/// <summary>
/// WAL lets readers run while one writer commits; synchronous=NORMAL is durable enough
/// under WAL and several times faster than FULL. journal_mode is stored in the file, but
/// setting it on every open also covers a file created by anything else.
/// busy_timeout: a writer that finds the write lock taken waits inside SQLite, which retries within a millisecond or
/// a few at first; without it Microsoft.Data.Sqlite answers the busy lock by sleeping 150 ms before each retry, so a
/// write that missed the lock by a microsecond waited 150 ms (the tail of concurrent task completions, docs/benchmarks.md).
/// 30 s, the same as the driver's default command timeout, after which the driver gives up as before.
/// </summary>
internal sealed class SqliteWalInterceptor : DbConnectionInterceptor
{
    public static readonly SqliteWalInterceptor Instance = new();

    private const string Pragmas = "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=30000;";

    // The pool hands the same native connection out again and again: the pragmas stay set on it, so they run once per
    // native connection, not on every open (one statement less per command scope).
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<object, object> Prepared = new();

    private static bool FirstOpen(DbConnection connection) =>
        connection is not Microsoft.Data.Sqlite.SqliteConnection { Handle: { } handle } || !Prepared.TryGetValue(handle, out _);

    private static void Remember(DbConnection connection)
    {
        if (connection is Microsoft.Data.Sqlite.SqliteConnection { Handle: { } handle }) Prepared.AddOrUpdate(handle, handle);
    }

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        if (!FirstOpen(connection)) return;
        using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        command.ExecuteNonQuery();
        Remember(connection);
    }

    public override async Task ConnectionOpenedAsync(
        DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        if (!FirstOpen(connection)) return;
        await using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        await command.ExecuteNonQueryAsync(cancellationToken);
        Remember(connection);
    }
}
