using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using ProjectWorkflow.Application.Persistence;
using ProjectWorkflow.Cluster.Tests.Messaging;

namespace ProjectWorkflow.Cluster.Tests;

/// <summary>
/// The fixture of the cluster tests on a real RabbitMQ: two <see cref="ClusterNode"/>s of the app on one database
/// (a fresh PostgreSQL database, or a shared SQLite file without <c>PW_TEST_POSTGRES</c>) and one broker.
/// Nothing starts when <c>PW_TEST_RABBITMQ</c> is absent: the tests are skipped then. A fixture names only what it
/// tunes (<see cref="Tuning"/>), and may start something beside the nodes first (<see cref="BeforeNodesAsync"/>).
/// </summary>
public abstract class TwoNodes(string name) : IAsyncLifetime
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), $"projectworkflow-{name}-cluster", Guid.NewGuid().ToString("N"));
    private string _provider = DatabaseProvider.Sqlite;
    private string _database = "";

    public ClusterNode A { get; private set; } = null!;
    public ClusterNode B { get; private set; } = null!;
    public IReadOnlyList<ClusterNode> Nodes => [A, B];

    /// <summary>The settings this fixture's tests need (outbox, treasury simulator ...), on top of the common ones.</summary>
    protected abstract IReadOnlyDictionary<string, string> Tuning { get; }

    protected virtual Task BeforeNodesAsync() => Task.CompletedTask;

    protected virtual ValueTask AfterNodesStoppedAsync() => ValueTask.CompletedTask;

    public async Task InitializeAsync()
    {
        if (!MessagingEnvironment.HasRabbitMq) return;
        Directory.CreateDirectory(_directory);
        if (MessagingEnvironment.Postgres is { } server)
        {
            _provider = DatabaseProvider.PostgreSql;
            var builder = new DbConnectionStringBuilder { ConnectionString = server };
            builder["Database"] = $"pw_{name}_{Guid.NewGuid():N}";
            _database = builder.ConnectionString;
        }
        else
        {
            _database = $"Data Source={Path.Combine(_directory, DatabaseProvider.SqliteFileName)}";
        }

        await BeforeNodesAsync();
        // One after the other: the first migrates the new database, the second finds it ready.
        A = await ClusterNode.StartAsync("node-a", Settings("a"));
        B = await ClusterNode.StartAsync("node-b", Settings("b"));
    }

    /// <summary>The nodes' database (a connection string).</summary>
    public string DatabaseConnectionString => _database;

    /// <summary>
    /// A node beside the pair, configured as they are (keys, tuning) but on another database and the in-memory bus, so
    /// it takes none of the pair's messages: e.g. the app started on a restored backup.
    /// </summary>
    public Task<ClusterNode> StartNodeOnAsync(string node, string connectionString)
    {
        var settings = Settings(node);
        settings["ConnectionStrings__ProjectWorkflow"] = connectionString;
        settings["Messaging__Transport"] = "InMemory";
        settings.Remove("ConnectionStrings__RabbitMQ");
        return ClusterNode.StartAsync($"node-{node}", settings);
    }

    /// <summary>A unit of work on the nodes' database, for what the API does not show.</summary>
    public async Task<T> QueryAsync<T>(Func<ProjectWorkflowDbContext, Task<T>> query)
    {
        var options = new DbContextOptionsBuilder<ProjectWorkflowDbContext>();
        DatabaseProvider.Configure(options, _provider, _database);
        await using var db = new ProjectWorkflowDbContext(options.Options);
        return await query(db);
    }

    private Dictionary<string, string> Settings(string node)
    {
        var settings = new Dictionary<string, string>
        {
            // Demo users are seeded only in the Development environment (the app refuses demo data anywhere else).
            ["ASPNETCORE_ENVIRONMENT"] = "Development",
            ["Database__Provider"] = _provider,
            ["ConnectionStrings__ProjectWorkflow"] = _database,
            ["DataDirectory"] = Path.Combine(_directory, $"data-{node}"),
            ["Seed__DemoData"] = "true",
            // Demo users only: the demo applications of the run command would be seeded by both nodes at once.
            ["Seed__DemoApplications"] = "false",
            // Tokens signed by one node are good on the other.
            ["Auth__SigningKey"] = $"{name}-cluster-tests-signing-key-0123456789",
            ["Messaging__Transport"] = "RabbitMQ",
            ["ConnectionStrings__RabbitMQ"] = MessagingEnvironment.RabbitMq!,
            ["Messaging__Outbox__PollIntervalMs"] = "250",
            ["Treasury__Simulator__FailureRate"] = "0",
            ["Logging__LogLevel__Default"] = "Information",
            ["Logging__LogLevel__Microsoft.AspNetCore"] = "Warning",
            ["Logging__LogLevel__Microsoft.EntityFrameworkCore"] = "Warning",
        };
        foreach (var (key, value) in Tuning) settings[key] = value;
        return settings;
    }

    public async Task DisposeAsync()
    {
        if (!MessagingEnvironment.HasRabbitMq) return;
        if (B is not null) await B.DisposeAsync();
        if (A is not null) await A.DisposeAsync();
        await AfterNodesStoppedAsync();
        if (_provider == DatabaseProvider.PostgreSql)
        {
            NpgsqlConnection.ClearAllPools();
            await QueryAsync(db => db.Database.EnsureDeletedAsync());
        }
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // A file still open is harmless in the temp folder.
        }
    }
}
