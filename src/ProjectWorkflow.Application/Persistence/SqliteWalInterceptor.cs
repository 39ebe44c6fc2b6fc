using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace ProjectWorkflow.Application.Persistence;

/// <summary>
/// WAL lets readers run while one writer commits; synchronous=NORMAL is durable enough
/// under WAL and several times faster than FULL. journal_mode is stored in the file, but
/// setting it on every open also covers a file created by anything else.
/// </summary>
internal sealed class SqliteWalInterceptor : DbConnectionInterceptor
{
    public static readonly SqliteWalInterceptor Instance = new();

    private const string Pragmas = "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(
        DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
