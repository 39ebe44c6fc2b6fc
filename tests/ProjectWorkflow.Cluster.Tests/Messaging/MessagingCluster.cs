using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using ProjectWorkflow.Application.Persistence;

namespace ProjectWorkflow.Cluster.Tests.Messaging;

/// <summary>
/// Two nodes of the app on one database (a fresh PostgreSQL database, or a shared SQLite file without
/// <c>PW_TEST_POSTGRES</c>) and one real RabbitMQ, plus a <see cref="BusWitness"/> on that broker.
/// Nothing starts when <c>PW_TEST_RABBITMQ</c> is absent: the tests are skipped then.
/// </summary>
public sealed class MessagingCluster : IAsyncLifetime
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "projectworkflow-messaging-cluster", Guid.NewGuid().ToString("N"));
    private string _provider = DatabaseProvider.Sqlite;
    private string _database = "";

    public ClusterNode A { get; private set; } = null!;
    public ClusterNode B { get; private set; } = null!;
    public BusWitness Witness { get; private set; } = null!;
    public IReadOnlyList<ClusterNode> Nodes => [A, B];

    public async Task InitializeAsync()
    {
        if (!MessagingEnvironment.HasRabbitMq) return;
        Directory.CreateDirectory(_directory);
        if (MessagingEnvironment.Postgres is { } server)
        {
            _provider = DatabaseProvider.PostgreSql;
            var builder = new DbConnectionStringBuilder { ConnectionString = server };
            builder["Database"] = $"pw_messaging_{Guid.NewGuid():N}";
            _database = builder.ConnectionString;
        }
        else
        {
            _database = $"Data Source={Path.Combine(_directory, DatabaseProvider.SqliteFileName)}";
        }

        Witness = await BusWitness.StartAsync(MessagingEnvironment.RabbitMq!);
        // One after the other: the first migrates the new database, the second finds it ready.
        A = await ClusterNode.StartAsync("node-a", Settings("a"));
        B = await ClusterNode.StartAsync("node-b", Settings("b"));
    }

    /// <summary>A unit of work on the nodes' database, for what the API does not show.</summary>
    public async Task<T> QueryAsync<T>(Func<ProjectWorkflowDbContext, Task<T>> query)
    {
        var options = new DbContextOptionsBuilder<ProjectWorkflowDbContext>();
        DatabaseProvider.Configure(options, _provider, _database);
        await using var db = new ProjectWorkflowDbContext(options.Options);
        return await query(db);
    }

    /// <summary>Stops RabbitMQ (the nodes keep serving HTTP and keep their messages in the outbox).</summary>
    public Task StopBrokerAsync() => RabbitMqControlAsync("stop-broker");

    public Task StartBrokerAsync() => RabbitMqControlAsync("start");

    private Dictionary<string, string> Settings(string node) => new()
    {
        // Demo users are seeded only in the Development environment (the app refuses demo data anywhere else).
        ["ASPNETCORE_ENVIRONMENT"] = "Development",
        ["Database__Provider"] = _provider,
        ["ConnectionStrings__ProjectWorkflow"] = _database,
        ["DataDirectory"] = Path.Combine(_directory, $"data-{node}"),
        ["Seed__DemoData"] = "true",
        // Tokens signed by one node are good on the other.
        ["Auth__SigningKey"] = "messaging-cluster-tests-signing-key-0123456789",
        ["Messaging__Transport"] = "RabbitMQ",
        ["ConnectionStrings__RabbitMQ"] = MessagingEnvironment.RabbitMq!,
        ["Messaging__Outbox__PollIntervalMs"] = "250",
        // Quick recovery after the broker comes back, and no long waits on a broker that is gone.
        ["Messaging__Outbox__MaxBackoffSeconds"] = "2",
        ["Messaging__Outbox__PublishTimeoutSeconds"] = "3",
        ["Treasury__Simulator__DelayMs"] = "300",
        ["Treasury__Simulator__FailureRate"] = "0",
        ["Logging__LogLevel__Default"] = "Information",
        ["Logging__LogLevel__Microsoft.AspNetCore"] = "Warning",
        ["Logging__LogLevel__Microsoft.EntityFrameworkCore"] = "Warning",
    };

    private static async Task RabbitMqControlAsync(string command)
    {
        var script = MessagingEnvironment.RabbitMqControl
            ?? throw new InvalidOperationException($"{MessagingEnvironment.RabbitMqControlVariable} is not set: the test cannot stop and start the broker.");
        var directory = MessagingEnvironment.RabbitMqDirectory
            ?? throw new InvalidOperationException($"{MessagingEnvironment.RabbitMqDirectoryVariable} is not set.");
        var start = new System.Diagnostics.ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(script);
        start.ArgumentList.Add(command);
        start.ArgumentList.Add(directory);
        using var process = System.Diagnostics.Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"rabbitmq.sh {command} exited with {process.ExitCode}: {await output}{await error}");
    }

    public async Task DisposeAsync()
    {
        if (!MessagingEnvironment.HasRabbitMq) return;
        if (B is not null) await B.DisposeAsync();
        if (A is not null) await A.DisposeAsync();
        if (Witness is not null) await Witness.DisposeAsync();
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
public sealed class MessagingClusterCollection : ICollectionFixture<MessagingCluster>
{
    public const string Name = "messaging cluster";
}
