using global::Hangfire;
using global::Hangfire.PostgreSql;
using global::Hangfire.PostgreSql.Factories;
using global::Hangfire.SqlServer;
using global::Hangfire.Storage.SQLite;
using ProjectWorkflow.Application;
using ProjectWorkflow.Application.Persistence;

namespace ProjectWorkflow.Web.Hangfire;

/// <summary>
/// Hangfire's storage follows <c>Database:Provider</c>: its own SQLite file beside ours in the embedded run
/// (Hangfire's SQLite storage keeps its own connections, so it cannot share EF's file safely), and its own
/// schema in our database on PostgreSQL and SQL Server, so every node of a cluster shares the jobs.
/// </summary>
public static class HangfireStorage
{
    public const string SqliteFileName = "hangfire.db";

    public static JobStorage Create(IConfiguration configuration, HangfireSettings settings) =>
        DatabaseProvider.Normalise(configuration["Database:Provider"]) switch
        {
            DatabaseProvider.PostgreSql => PostgreSql(ConnectionString(configuration), settings),
            DatabaseProvider.SqlServer => new SqlServerStorage(ConnectionString(configuration), new SqlServerStorageOptions
            {
                SchemaName = settings.Schema,
                PrepareSchemaIfNecessary = true,
            }),
            _ => new SQLiteStorage(PrivateSqliteFile(Path.Combine(DataDirectory.Resolve(configuration), SqliteFileName)), new SQLiteStorageOptions
            {
                QueuePollInterval = settings.QueuePollInterval,
                // Workers, the scheduler and the web requests all write: WAL lets them read while one writes.
                JournalMode = SQLiteStorageOptions.JournalModes.WAL,
            }),
        };

    /// <summary>Hangfire's file is created 0600 like ours (its jobs carry application ids and messages).</summary>
    private static string PrivateSqliteFile(string path)
    {
        SqliteFile.Prepare($"Data Source={path}");
        return path;
    }

    private static PostgreSqlStorage PostgreSql(string connectionString, HangfireSettings settings)
    {
        var options = new PostgreSqlStorageOptions
        {
            SchemaName = settings.Schema,
            QueuePollInterval = settings.QueuePollInterval,
            PrepareSchemaIfNecessary = true,
            // A lock or a fetched job left behind by a dead node or a cut connection is taken over in a minute or
            // minutes, not Hangfire.PostgreSql's 10 and 30 (HangfireSettings says why).
            DistributedLockTimeout = settings.DistributedLockTimeout,
            InvisibilityTimeout = settings.InvisibilityTimeout,
            UseSlidingInvisibilityTimeout = true,
        };
        return new PostgreSqlStorage(new NpgsqlConnectionFactory(connectionString, options, null), options);
    }

    private static string ConnectionString(IConfiguration configuration) =>
        configuration.GetConnectionString(DependencyInjection.ConnectionStringName) is { Length: > 0 } connectionString
            ? connectionString
            : throw new InvalidOperationException("Hangfire needs ConnectionStrings:ProjectWorkflow for its storage on this Database:Provider.");
}
