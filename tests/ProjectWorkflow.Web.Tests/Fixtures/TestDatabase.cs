using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using ProjectWorkflow.Application.Persistence;

namespace ProjectWorkflow.Web.Tests.Fixtures;

/// <summary>
/// A fresh database per fixture: a real SQLite file in a temporary folder by default, or,
/// with PW_TEST_DB_PROVIDER / PW_TEST_DB_CONNECTION, a new database <c>pw_test_&lt;guid&gt;</c>
/// on that server, dropped afterwards. On PostgreSQL each test database is a copy of a template this
/// process migrates once (<see cref="MigratedTemplate"/>), so an app's start finds its schema in place
/// instead of running every migration again; the app still runs its migrations (none is pending).
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    public const string ProviderVariable = "PW_TEST_DB_PROVIDER";
    public const string ConnectionVariable = "PW_TEST_DB_CONNECTION";

    private TestDatabase(string provider, string connectionString, string dataDirectory)
    {
        Provider = provider;
        ConnectionString = connectionString;
        DataDirectory = dataDirectory;
    }

    public string Provider { get; }
    public string ConnectionString { get; }
    public string DataDirectory { get; }

    public static TestDatabase Create()
    {
        var provider = DatabaseProvider.Normalise(Environment.GetEnvironmentVariable(ProviderVariable));
        var id = Guid.NewGuid().ToString("N");
        var dataDirectory = Path.Combine(Path.GetTempPath(), "projectworkflow-tests", id);
        Directory.CreateDirectory(dataDirectory);

        if (provider == DatabaseProvider.Sqlite)
        {
            var file = Path.Combine(dataDirectory, DatabaseProvider.SqliteFileName);
            return new TestDatabase(provider, $"Data Source={file}", dataDirectory);
        }

        var server = Environment.GetEnvironmentVariable(ConnectionVariable);
        if (string.IsNullOrWhiteSpace(server))
            throw new InvalidOperationException($"{ProviderVariable}={provider} needs {ConnectionVariable} (a connection string to the server).");

        var connectionString = OnServer(server, $"pw_test_{id}");
        if (provider == DatabaseProvider.PostgreSql)
            MigratedTemplate.CopyTo($"pw_test_{id}", server, OnServer(server, MigratedTemplate.Name));
        return new TestDatabase(provider, connectionString, dataDirectory);
    }

    private static string OnServer(string server, string database)
    {
        var builder = new DbConnectionStringBuilder { ConnectionString = server };
        builder.Remove("Initial Catalog");
        builder["Database"] = database;
        return builder.ConnectionString;
    }

    /// <summary>
    /// A PostgreSQL database this test process migrates once and copies for each test database
    /// (<c>CREATE DATABASE … TEMPLATE</c>, a file copy on the server); dropped when the process exits.
    /// </summary>
    private static class MigratedTemplate
    {
        public static readonly string Name = $"pw_template_{Guid.NewGuid():N}";
        private static readonly Lock Gate = new();
        private static bool _migrated;

        public static void CopyTo(string database, string server, string templateConnection)
        {
            lock (Gate)
            {
                if (!_migrated)
                {
                    var options = new DbContextOptionsBuilder<ProjectWorkflowDbContext>();
                    DatabaseProvider.Configure(options, DatabaseProvider.PostgreSql, templateConnection);
                    using (var db = new ProjectWorkflowDbContext(options.Options))
                        db.Database.Migrate();
                    // The copy needs the template without connections: the migration's pooled ones go now.
                    NpgsqlConnection.ClearAllPools();
                    AppDomain.CurrentDomain.ProcessExit += (_, _) => Drop(server);
                    _migrated = true;
                }

                // PostgreSQL copies a template only while nobody is connected to it; nothing here connects to it after the migration.
                using var connection = new NpgsqlConnection(OnServer(server, "postgres"));
                connection.Open();
                using var command = new NpgsqlCommand($"CREATE DATABASE \"{database}\" TEMPLATE \"{Name}\"", connection);
                command.ExecuteNonQuery();
            }
        }

        private static void Drop(string server)
        {
            try
            {
                using var connection = new NpgsqlConnection(OnServer(server, "postgres"));
                connection.Open();
                using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{Name}\" WITH (FORCE)", connection);
                command.ExecuteNonQuery();
            }
            catch (NpgsqlException)
            {
                // The server may be gone already at the end of a run; the template goes with it.
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (Provider == DatabaseProvider.Sqlite)
        {
            SqliteConnection.ClearAllPools();
        }
        else
        {
            var options = new DbContextOptionsBuilder<ProjectWorkflowDbContext>();
            DatabaseProvider.Configure(options, Provider, ConnectionString);
            await using var db = new ProjectWorkflowDbContext(options.Options);
            await db.Database.EnsureDeletedAsync();
        }

        try
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open is harmless in the temp folder.
        }
    }
}
