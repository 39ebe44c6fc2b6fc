using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Logging;

namespace ProjectWorkflow.Application.Persistence;

/// <summary>
/// Maps <c>Database:Provider</c> to an EF Core provider and its migrations assembly.
/// Each provider has its own migrations assembly because generated SQL and model
/// snapshots differ per provider.
/// </summary>
public static class DatabaseProvider
{
    public const string Sqlite = "Sqlite";
    public const string SqlServer = "SqlServer";
    public const string PostgreSql = "PostgreSql";

    public const string SqliteFileName = "projectworkflow.db";

    public static string Normalise(string? provider) => provider?.Trim() switch
    {
        null or "" => Sqlite,
        var p when p.Equals(Sqlite, StringComparison.OrdinalIgnoreCase) => Sqlite,
        var p when p.Equals(SqlServer, StringComparison.OrdinalIgnoreCase) => SqlServer,
        var p when p.Equals(PostgreSql, StringComparison.OrdinalIgnoreCase)
                   || p.Equals("Postgres", StringComparison.OrdinalIgnoreCase)
                   || p.Equals("Npgsql", StringComparison.OrdinalIgnoreCase) => PostgreSql,
        var p => throw new InvalidOperationException(
            $"Database:Provider '{p}' is not supported. Use {Sqlite}, {SqlServer} or {PostgreSql}."),
    };

    public static string MigrationsAssembly(string provider) =>
        $"ProjectWorkflow.Migrations.{Normalise(provider)}";

    /// <param name="connectionString">
    /// Required for SqlServer and PostgreSql; for Sqlite, null means the file
    /// <see cref="SqliteFileName"/> in <paramref name="dataDirectory"/>.
    /// </param>
    public static void Configure(
        DbContextOptionsBuilder options, string? provider, string? connectionString, string? dataDirectory = null)
    {
        var name = Normalise(provider);
        var migrations = MigrationsAssembly(name);
        // A failed command always reaches the code that ran it as an exception, which logs it or, for a
        // lost optimistic race between nodes or jobs, answers a conflict. EF's own error log would report
        // every such race as an error a second time, and every request while the database is down (answered 503 with
        // one warning): they are kept at debug level.
        options.ConfigureWarnings(warnings => warnings.Log(
            (RelationalEventId.CommandError, LogLevel.Debug),
            (RelationalEventId.ConnectionError, LogLevel.Debug),
            (CoreEventId.QueryIterationFailed, LogLevel.Debug),
            (CoreEventId.SaveChangesFailed, LogLevel.Debug)));
        // Every text and decimal is checked against its column before it is written, whatever the provider.
        options.AddInterceptors(ColumnLimits.Instance);
        switch (name)
        {
            case Sqlite:
                connectionString = string.IsNullOrWhiteSpace(connectionString)
                    ? $"Data Source={Path.Combine(dataDirectory ?? DataDirectory.Default, SqliteFileName)}"
                    : connectionString;
                SqliteFile.Prepare(connectionString);
                options.UseSqlite(connectionString, o => o.MigrationsAssembly(migrations))
                    .AddInterceptors(SqliteWalInterceptor.Instance);
                break;
            case SqlServer:
                options.UseSqlServer(Require(connectionString, name), o => o.MigrationsAssembly(migrations));
                break;
            case PostgreSql:
                options.UseNpgsql(PostgresAutoPrepare.Apply(Require(connectionString, name)), o => o.MigrationsAssembly(migrations));
                break;
        }
    }

    private static string Require(string? connectionString, string provider) =>
        string.IsNullOrWhiteSpace(connectionString)
            ? throw new InvalidOperationException(
                $"Database:Provider is {provider} but ConnectionStrings:ProjectWorkflow is not set.")
            : connectionString;
}
