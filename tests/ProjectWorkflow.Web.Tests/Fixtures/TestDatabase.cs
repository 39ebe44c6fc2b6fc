using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using ProjectWorkflow.Application.Persistence;

namespace ProjectWorkflow.Web.Tests.Fixtures;

/// <summary>
/// A fresh database per fixture: a real SQLite file in a temporary folder by default, or,
/// with PW_TEST_DB_PROVIDER / PW_TEST_DB_CONNECTION, a new database <c>pw_test_&lt;guid&gt;</c>
/// on that server (created by the app's migrations, dropped afterwards).
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

        var builder = new DbConnectionStringBuilder { ConnectionString = server };
        builder.Remove("Initial Catalog");
        builder["Database"] = $"pw_test_{id}";
        return new TestDatabase(provider, builder.ConnectionString, dataDirectory);
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
