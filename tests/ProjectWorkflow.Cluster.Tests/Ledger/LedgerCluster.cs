using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using ProjectWorkflow.Application.Persistence;
using ProjectWorkflow.Cluster.Tests.Messaging;

namespace ProjectWorkflow.Cluster.Tests.Ledger;

/// <summary>
/// Two nodes on one database and a real RabbitMQ, with a slow simulated bank (3 s per answer) and a short outbox
/// lease, so a test can kill node A while its payment is between the treasury and the confirmation.
/// </summary>
public sealed class LedgerCluster : IAsyncLifetime
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "projectworkflow-ledger-cluster", Guid.NewGuid().ToString("N"));
    private string _provider = DatabaseProvider.Sqlite;
    private string _database = "";

    public ClusterNode A { get; private set; } = null!;
    public ClusterNode B { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        if (!MessagingEnvironment.HasRabbitMq) return;
        Directory.CreateDirectory(_directory);
        if (MessagingEnvironment.Postgres is { } server)
        {
            _provider = DatabaseProvider.PostgreSql;
            var builder = new DbConnectionStringBuilder { ConnectionString = server };
            builder["Database"] = $"pw_ledger_{Guid.NewGuid():N}";
            _database = builder.ConnectionString;
        }
        else
        {
            _database = $"Data Source={Path.Combine(_directory, DatabaseProvider.SqliteFileName)}";
        }
        A = await ClusterNode.StartAsync("node-a", Settings("a"));
        B = await ClusterNode.StartAsync("node-b", Settings("b"));
    }

    /// <summary>Kills node A's process at once (no graceful shutdown).</summary>
    public ValueTask KillAAsync() => A.DisposeAsync();

    public async Task<T> QueryAsync<T>(Func<ProjectWorkflowDbContext, Task<T>> query)
    {
        var options = new DbContextOptionsBuilder<ProjectWorkflowDbContext>();
        DatabaseProvider.Configure(options, _provider, _database);
        await using var db = new ProjectWorkflowDbContext(options.Options);
        return await query(db);
    }

    private Dictionary<string, string> Settings(string node) => new()
    {
        // Demo users are seeded only in the Development environment (the app refuses demo data anywhere else).
        ["ASPNETCORE_ENVIRONMENT"] = "Development",
        ["Database__Provider"] = _provider,
        ["ConnectionStrings__ProjectWorkflow"] = _database,
        ["DataDirectory"] = Path.Combine(_directory, $"data-{node}"),
        ["Seed__DemoData"] = "true",
        ["Auth__SigningKey"] = "ledger-cluster-tests-signing-key-0123456789",
        ["Messaging__Transport"] = "RabbitMQ",
        ["ConnectionStrings__RabbitMQ"] = MessagingEnvironment.RabbitMq!,
        ["Messaging__Outbox__PollIntervalMs"] = "250",
        // A dead node's claim on an outbox row expires quickly, so the other node sends what it left.
        ["Messaging__Outbox__LeaseSeconds"] = "3",
        ["Treasury__Simulator__DelayMs"] = "3000",
        ["Treasury__Simulator__FailureRate"] = "0",
        ["Logging__LogLevel__Default"] = "Information",
        ["Logging__LogLevel__Microsoft.AspNetCore"] = "Warning",
        ["Logging__LogLevel__Microsoft.EntityFrameworkCore"] = "Warning",
    };

    public async Task DisposeAsync()
    {
        if (!MessagingEnvironment.HasRabbitMq) return;
        if (B is not null) await B.DisposeAsync();
        if (A is not null) await A.DisposeAsync();
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

[CollectionDefinition(Name)]
public sealed class LedgerClusterCollection : ICollectionFixture<LedgerCluster>
{
    public const string Name = "ledger cluster";
}
