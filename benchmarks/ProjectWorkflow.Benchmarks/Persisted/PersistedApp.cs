using System.Text.Json.Nodes;
using Hangfire;
using Hangfire.Common;
using Hangfire.States;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using ProjectWorkflow.Application;
using ProjectWorkflow.Application.Persistence;
using ProjectWorkflow.Application.Workflows;
using ProjectWorkflow.Application.Workflows.Definitions;
using ProjectWorkflow.Application.Workflows.Storage;
using ProjectWorkflow.Engine.Runtime;
using ProjectWorkflow.Engine.ServiceTasks;

namespace ProjectWorkflow.Benchmarks.Persisted;

/// <summary>
/// The Application layer as the host builds it (one DbContext per command scope, the store, the journal,
/// the outbox and notification observers), on a real database, without the web host around it.
/// </summary>
internal sealed class PersistedApp : IAsyncDisposable
{
    private readonly ServiceProvider _services;
    private readonly string? _dataDirectory;

    private PersistedApp(ServiceProvider services, string provider, string? dataDirectory)
    {
        _services = services;
        Provider = provider;
        _dataDirectory = dataDirectory;
    }

    public string Provider { get; }

    /// <summary>The database's connection string as the app uses it (for the raw ADO.NET yardstick).</summary>
    public string ConnectionString { get; private init; } = "";

    public static async Task<PersistedApp> StartAsync(string provider, string? connectionString)
    {
        var dataDirectory = provider == DatabaseProvider.Sqlite
            ? Directory.CreateTempSubdirectory("projectworkflow-bench-").FullName
            : null;
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = provider,
            ["ConnectionStrings:ProjectWorkflow"] = connectionString,
            ["DataDirectory"] = dataDirectory,
            ["Seed:DemoData"] = "false",
            ["Audit:CurrentKeyId"] = "bench",
            ["Audit:Keys:bench"] = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)),
        }).Build();
        var services = new ServiceCollection()
            .AddLogging(logging => logging.SetMinimumLevel(LogLevel.Warning))
            .AddSingleton<IConfiguration>(configuration)
            .AddSingleton<Microsoft.Extensions.Hosting.IHostEnvironment>(new BenchEnvironment())
            .AddSingleton(TimeProvider.System);
        services.AddApplication(configuration);
        services.AddServiceTask<BenchWork>("bench.work");
        // The benchmark processes have no timers, so no job is ever scheduled; the host's Hangfire is not started.
        services.AddSingleton<IBackgroundJobClient, NoJobsExpected>();
        var provider_ = services.BuildServiceProvider();
        await using (var scope = provider_.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ProjectWorkflowDbContext>();
            if (provider == DatabaseProvider.PostgreSql) await db.Database.EnsureDeletedAsync();
            await db.Database.MigrateAsync();
            await db.Database.ExecuteSqlRawAsync("CREATE TABLE bench_commit (id INTEGER PRIMARY KEY, at TEXT NOT NULL)");
            await db.Database.ExecuteSqlRawAsync("CREATE TABLE bench_raw (id INTEGER PRIMARY KEY, at TEXT NOT NULL)");
            await db.Database.ExecuteSqlRawAsync("CREATE TABLE bench_pgbench (id BIGINT NOT NULL, at TIMESTAMPTZ NOT NULL)");
            connectionString = db.Database.GetConnectionString();
            var deploy = scope.ServiceProvider.GetRequiredService<DeployDefinition>();
            foreach (var file in new[] { "simple.bpmn", "approval.bpmn" })
                await deploy.HandleAsync(await File.ReadAllBytesAsync(Path.Combine(AppContext.BaseDirectory, "Processes", file)), "bench", CancellationToken.None);
        }
        return new PersistedApp(provider_, provider, dataDirectory) { ConnectionString = connectionString! };
    }

    /// <summary>One single-row insert, committed on its own: what the database commits, the yardstick.</summary>
    public async Task CommitOneRowAsync(int id)
    {
        await using var scope = _services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ProjectWorkflowDbContext>();
        await db.Database.ExecuteSqlInterpolatedAsync($"INSERT INTO bench_commit (id, at) VALUES ({id}, {DateTimeOffset.UtcNow.ToString("O")})");
    }

    /// <summary>
    /// The raw yardstick: plain ADO.NET, one connection per client kept open (as a pool would), one prepared single-row
    /// INSERT per transaction (autocommit); on SQLite with the app's pragmas (WAL, synchronous=NORMAL).
    /// </summary>
    public async Task<Func<int, Task>> OpenRawClientAsync()
    {
        System.Data.Common.DbConnection connection = Provider == DatabaseProvider.PostgreSql
            ? new Npgsql.NpgsqlConnection(ConnectionString)
            : new Microsoft.Data.Sqlite.SqliteConnection(ConnectionString);
        await connection.OpenAsync();
        if (Provider == DatabaseProvider.Sqlite)
            await using (var pragma = connection.CreateCommand())
            {
                pragma.CommandText = "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;";
                await pragma.ExecuteNonQueryAsync();
            }
        var insert = connection.CreateCommand();
        insert.CommandText = Provider == DatabaseProvider.PostgreSql
            ? "INSERT INTO bench_raw (id, at) VALUES (@id, @at)"
            : "INSERT INTO bench_raw (id, at) VALUES ($id, $at)";
        var id = insert.CreateParameter();
        id.ParameterName = Provider == DatabaseProvider.PostgreSql ? "id" : "$id";
        id.DbType = System.Data.DbType.Int32;
        var at = insert.CreateParameter();
        at.ParameterName = Provider == DatabaseProvider.PostgreSql ? "at" : "$at";
        at.DbType = System.Data.DbType.String;
        insert.Parameters.Add(id);
        insert.Parameters.Add(at);
        id.Value = 0;
        at.Value = "";
        await insert.PrepareAsync();
        _rawConnections.Add(connection);
        return async value =>
        {
            id.Value = value;
            at.Value = DateTimeOffset.UtcNow.ToString("O");
            await insert.ExecuteNonQueryAsync();
        };
    }

    private readonly System.Collections.Concurrent.ConcurrentBag<System.Data.Common.DbConnection> _rawConnections = [];

    /// <summary>Starts one instance of <paramref name="key"/> in one command (one transaction).</summary>
    public async Task<Guid> StartAsync(string key)
    {
        await using var scope = _services.CreateAsyncScope();
        var sp = scope.ServiceProvider;
        var definition = await sp.GetRequiredService<DefinitionCatalog>().FindLatestAsync(sp.GetRequiredService<ProjectWorkflowDbContext>(), key, CancellationToken.None)
            ?? throw new InvalidOperationException($"{key} is not deployed.");
        var instance = await sp.GetRequiredService<WorkflowCommands>().RunAsync(Actor.System,
            session => session.StartAsync(definition, Guid.NewGuid(), null, null, cancellationToken: CancellationToken.None), CancellationToken.None);
        return instance.Id;
    }

    /// <summary>Finds the instance's open task (a read, as the inbox does) and completes it (one command).</summary>
    public async Task CompleteOpenTaskAsync(Guid instanceId, Actor approver)
    {
        await using var scope = _services.CreateAsyncScope();
        var sp = scope.ServiceProvider;
        var taskId = await sp.GetRequiredService<ProjectWorkflowDbContext>().Set<TaskRecord>().AsNoTracking()
            .Where(t => t.InstanceId == instanceId && t.Status == TaskStatuses.Open).Select(t => t.Id).SingleAsync();
        await sp.GetRequiredService<WorkflowCommands>().RunAsync(approver,
            session => session.CompleteAsync(taskId, (JsonObject?)null, CancellationToken.None), CancellationToken.None);
    }

    public async Task<int> CountAsync(string status)
    {
        await using var scope = _services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ProjectWorkflowDbContext>().Set<InstanceRecord>().CountAsync(i => i.Status == status);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var connection in _rawConnections) await connection.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Npgsql.NpgsqlConnection.ClearAllPools();
        if (Provider == DatabaseProvider.PostgreSql)
            await using (var scope = _services.CreateAsyncScope())
                await scope.ServiceProvider.GetRequiredService<ProjectWorkflowDbContext>().Database.EnsureDeletedAsync();
        await _services.DisposeAsync();
        if (_dataDirectory is not null) Directory.Delete(_dataDirectory, recursive: true);
    }

    private sealed class BenchWork : IServiceTaskHandler
    {
        public ValueTask ExecuteAsync(ServiceTaskContext context, CancellationToken cancellationToken)
        {
            context.SetVariable("worked", true);
            return ValueTask.CompletedTask;
        }
    }

    private sealed class NoJobsExpected : IBackgroundJobClient
    {
        public string Create(Job job, IState state) => throw new InvalidOperationException("The benchmark processes schedule no jobs.");
        public bool ChangeState(string jobId, IState state, string expectedState) => throw new InvalidOperationException("The benchmark processes schedule no jobs.");
    }

    private sealed class BenchEnvironment : Microsoft.Extensions.Hosting.IHostEnvironment
    {
        public string EnvironmentName { get; set; } = "Production";
        public string ApplicationName { get; set; } = "ProjectWorkflow.Benchmarks";
        public string ContentRootPath { get; set; } = AppContext.BaseDirectory;
        public Microsoft.Extensions.FileProviders.IFileProvider ContentRootFileProvider { get; set; } = new Microsoft.Extensions.FileProviders.NullFileProvider();
    }
}
