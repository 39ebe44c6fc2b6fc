using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using ProjectWorkflow.Application;
using ProjectWorkflow.Application.Persistence;
using ProjectWorkflow.Application.Workflows.Instances;
using ProjectWorkflow.Application.Workflows.Storage;
using ProjectWorkflow.Application.Workflows.Tasks;
using ProjectWorkflow.Engine.Runtime;
using ProjectWorkflow.Funding.Applications;

namespace ProjectWorkflow.Benchmarks.Scale;

/// <summary>
/// DESIGN.md §6, "1 million instances stored: task inbox and search p99 ≤ 100 ms", with growth: the store is filled by
/// bulk insert (not through the API) to each size in turn (10k, 100k, 1M …), and at each size the inbox (mine, my groups,
/// overdue, the tab counts, a deep page), an application search (by number, by enterprise, by stage) and the journal of one
/// instance are timed through the use cases (p50, p99), and their query plans printed.
/// <c>scale [--sizes 10000,100000,1000000] [--runs 100] [--postgres "Host=…;Database=…"] [--no-sqlite]</c>
/// </summary>
internal static class ScaleRun
{
    private const int Users = 500;
    private const int Groups = 20;
    private const int PageSize = 25;
    private static readonly string[] Steps = ["districtReview", "expertReview", "jointReview", "approval"];
    private static readonly string[] Schemes = ["tech-upgrade", "smart-factory", "green-park"];

    public static async Task<int> RunAsync(string[] args)
    {
        Machine.Describe();
        var sizes = (Option(args, "--sizes") ?? "10000,100000").Split(',').Select(s => int.Parse(s, CultureInfo.InvariantCulture)).ToArray();
        var runs = int.Parse(Option(args, "--runs") ?? "100", CultureInfo.InvariantCulture);
        var targets = new List<(string Provider, string? Connection)>();
        if (!args.Contains("--no-sqlite")) targets.Add((DatabaseProvider.Sqlite, null));
        if (Option(args, "--postgres") is { } postgres) targets.Add((DatabaseProvider.PostgreSql, postgres));
        Console.WriteLine($"# per instance: 1 application, 2 finished tasks, 4 journal lines; 90% running with 1 open task (30% assigned to one of {Users} users, " +
                          $"70% claimable by one of {Groups} groups), due dates over ±30 days, overdue flagged; {runs} runs per query after 5 warm-ups");
        foreach (var (provider, connection) in targets)
        {
            var dataDirectory = provider == DatabaseProvider.Sqlite ? Directory.CreateTempSubdirectory("projectworkflow-scale-").FullName : null;
            var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Database:Provider"] = provider,
                ["ConnectionStrings:ProjectWorkflow"] = connection,
                ["DataDirectory"] = dataDirectory,
                ["Seed:DemoData"] = "false",
                ["Audit:CurrentKeyId"] = "bench",
                ["Audit:Keys:bench"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
            }).Build();
            var collection = new ServiceCollection()
                .AddLogging(logging => logging.SetMinimumLevel(LogLevel.Warning))
                .AddSingleton<IConfiguration>(configuration)
                .AddSingleton<IHostEnvironment>(new BenchEnvironment())
                .AddSingleton(TimeProvider.System);
            collection.AddApplication(configuration);
            await using var services = collection.BuildServiceProvider();
            string connectionString;
            await using (var scope = services.CreateAsyncScope())
            {
                var db = scope.ServiceProvider.GetRequiredService<ProjectWorkflowDbContext>();
                if (provider == DatabaseProvider.PostgreSql) await db.Database.EnsureDeletedAsync();
                await db.Database.MigrateAsync();
                connectionString = db.Database.GetConnectionString()!;
            }
            try
            {
                var stored = 0;
                foreach (var size in sizes)
                {
                    var watch = Stopwatch.StartNew();
                    await FillAsync(services, provider == DatabaseProvider.PostgreSql, connectionString, stored, size);
                    var filled = watch.Elapsed;
                    Console.WriteLine();
                    Console.WriteLine($"## {provider}, {size:N0} instances ({size - stored:N0} added by bulk insert, with their rows, and analyzed in {filled.TotalSeconds:N0} s), load {Machine.LoadAverage()}");
                    stored = size;
                    await MeasureAllAsync(services, provider, connectionString, size, runs);
                }
            }
            finally
            {
                if (provider == DatabaseProvider.PostgreSql)
                    await using (var scope = services.CreateAsyncScope())
                        await scope.ServiceProvider.GetRequiredService<ProjectWorkflowDbContext>().Database.EnsureDeletedAsync();
                Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
                if (dataDirectory is not null) Directory.Delete(dataDirectory, recursive: true);
            }
        }
        Console.WriteLine($"# load after: {Machine.LoadAverage()}; target: p99 ≤ 100 ms at 1,000,000 instances (PostgreSQL)");
        return 0;
    }

    private static Guid InstanceId(int i) => new(i, 0x5CA1, 0x1E00, [0, 0, 0, 0, 0, 0, 0, 1]);
    private static Guid TaskId(int i, int k) => new(i, 0x5CA1, (short)(0x7A00 + k), [0, 0, 0, 0, 0, 0, 0, 2]);
    private static Guid EnterpriseId(int e) => new(e, 0x5CA1, 0x0E00, [0, 0, 0, 0, 0, 0, 0, 3]);
    private static string Number(int i) => $"APP-2026-{i:D7}";
    private static string User(int u) => $"user{u:D3}";
    private static string Group(int g) => $"reviewers-{g:D2}";

    /// <summary>Adds instances <paramref name="from"/> … <paramref name="to"/> − 1 with their rows.</summary>
    private static async Task FillAsync(IServiceProvider services, bool postgres, string connectionString, int from, int to)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ProjectWorkflowDbContext>();
        var count = to - from;
        var now = DateTimeOffset.UtcNow;
        var started = now.AddDays(-60);
        bool Running(int i) => i % 10 != 9;
        DateTimeOffset Due(int i) => now.AddHours((i * 7919 % 1440) - 720);   // ±30 days

        await new BulkRows(db, typeof(InstanceRecord), postgres, connectionString).WriteAsync(count, n =>
        {
            var i = from + n;
            return new Dictionary<string, object?>
            {
                ["Id"] = InstanceId(i), ["DefinitionId"] = $"{Schemes[i % 3]}:1", ["DefinitionKey"] = Schemes[i % 3], ["Version"] = 1,
                ["BusinessKey"] = Number(i), ["Status"] = Running(i) ? "running" : "completed", ["StartedAt"] = started.AddSeconds(i % 86_400),
                ["EndedAt"] = Running(i) ? null : now, ["StartedBy"] = $"applicant{i % 10_000}", ["ParentInstanceId"] = null,
                ["State"] = "{\"bench\":true}", ["Revision"] = 3L,
            };
        });
        // Three task rows per instance: two finished steps, and the open one while it runs.
        await new BulkRows(db, typeof(TaskRecord), postgres, connectionString).WriteAsync(count * 3, n =>
        {
            var i = from + n / 3;
            var k = n % 3;
            var open = k == 2 && Running(i);
            var assigned = i % 10 < 3;
            return new Dictionary<string, object?>
            {
                ["Id"] = TaskId(i, k), ["InstanceId"] = InstanceId(i), ["DefinitionKey"] = Schemes[i % 3], ["BusinessKey"] = Number(i),
                ["ElementId"] = Steps[(i + k) % Steps.Length], ["Name"] = Steps[(i + k) % Steps.Length], ["Assignee"] = open ? (assigned ? User(i % Users) : null) : User((i + k) % Users),
                ["Owner"] = null, ["FormKey"] = null, ["DueAt"] = open ? Due(i) : null, ["CreatedAt"] = started.AddSeconds(i % 86_400 + k),
                ["Status"] = open ? TaskStatuses.Open : TaskStatuses.Completed, ["EndedAt"] = open ? null : started.AddDays(k + 1),
                ["CompletedBy"] = open ? null : User((i + k) % Users), ["Answers"] = open ? null : "{}", ["CancelReason"] = null,
                ["BeforeDueReminderSentAt"] = null, ["DueReminderSentAt"] = null, ["OverdueSince"] = open && Due(i) < now ? Due(i) : null,
            };
        });
        // One candidate per task: the group it went to (the history's too, as the engine keeps them).
        await new BulkRows(db, typeof(TaskCandidate), postgres, connectionString).WriteAsync(count * 3, n =>
        {
            var i = from + n / 3;
            // Claimable while the task is open and nobody holds it, as the store keeps it.
            var k = n % 3;
            var open = k == 2 && Running(i);
            var claimable = open && i % 10 >= 3;
            // The task's due date, creation time and overdue flag, as the store copies them onto its candidate rows.
            return new Dictionary<string, object?>
            {
                ["TaskId"] = TaskId(i, k), ["IsGroup"] = true, ["Value"] = Group((i + k) % Groups), ["Claimable"] = claimable,
                ["DueAt"] = open ? Due(i) : null, ["CreatedAt"] = started.AddSeconds(i % 86_400 + k), ["OverdueSince"] = open && Due(i) < now ? Due(i) : null,
            };
        });
        await new BulkRows(db, typeof(JournalRecord), postgres, connectionString).WriteAsync(count * 4, n =>
        {
            var i = from + n / 4;
            var k = n % 4;
            return new Dictionary<string, object?>
            {
                ["InstanceId"] = InstanceId(i), ["Sequence"] = (long)k + 1, ["At"] = started.AddSeconds(i % 86_400 + k),
                ["ElementId"] = Steps[k], ["Kind"] = "userTask", ["Event"] = k == 0 ? "started" : "completed", ["Actor"] = User((i + k) % Users), ["Detail"] = null,
            };
        });
        await new BulkRows(db, typeof(FundingApplication), postgres, connectionString).WriteAsync(count, n =>
        {
            var i = from + n;
            return new Dictionary<string, object?>
            {
                ["Id"] = Guid.CreateVersion7(), ["Number"] = Number(i), ["SchemeKey"] = Schemes[i % 3], ["Year"] = 2026,
                ["EnterpriseId"] = EnterpriseId(i % Math.Max(1, to / 10)), ["Uscc"] = $"91310000{i % Math.Max(1, to / 10):D10}",
                ["ProjectName"] = $"Project {i}", ["Status"] = Running(i) ? ApplicationStatus.Submitted : ApplicationStatus.Approved,
                ["Stage"] = Running(i) ? Steps[(i + 2) % Steps.Length] : null, ["InstanceId"] = InstanceId(i), ["UpdatedAt"] = now, ["CreatedAt"] = started,
                ["Fingerprint"] = $"fp{i}",
            };
        });
        db.Database.SetCommandTimeout(TimeSpan.FromMinutes(30));
        // PostgreSQL: VACUUM too, as autovacuum would after a load this size, so the visibility map lets index-only scans
        // skip the table (the tab counts read the candidates' index alone).
        await db.Database.ExecuteSqlRawAsync(postgres ? "VACUUM (ANALYZE)" : "ANALYZE");
    }

    private static async Task MeasureAllAsync(IServiceProvider services, string provider, string connectionString, int size, int runs)
    {
        var user = User(2);   // assigned every 500th instance's open task (i % 10 < 3 are assigned)
        var reviewer = Actor.User(user, Group(7), "district-reviewer");
        var admin = Actor.User("bench-admin", "admin");
        var someone = size / 2 + 7;
        var enterprise = EnterpriseId(someone % Math.Max(1, size / 10));
        Console.WriteLine($"{"query",-50} {"rows",6} {"p50 ms",8} {"p99 ms",8} {"max ms",8}");
        var plans = new List<(string Name, string Sql, DbParameter[] Parameters)>();
        async Task Measure(string name, Func<IServiceProvider, Task<int>> query)
        {
            var (rows, p50, p99, max, command) = await TimeAsync(services, runs, query);
            Console.WriteLine($"{name,-50} {rows,6} {p50,8:N1} {p99,8:N1} {max,8:N1}");
            if (command is not null) plans.Add((name, command.Value.Sql, command.Value.Parameters));
        }
        ListTasks Inbox(IServiceProvider sp) => sp.GetRequiredService<ListTasks>();
        await Measure("inbox: tab counts (mine, my groups, overdue)", async sp => (await Inbox(sp).CountAsync(reviewer, CancellationToken.None)).Candidate);
        await Measure("inbox: mine, first page", async sp => (await Inbox(sp).HandleAsync(new("mine", null, 0, PageSize), reviewer, CancellationToken.None)).Count);
        await Measure("inbox: my groups, first page (soonest due)", async sp => (await Inbox(sp).HandleAsync(new("candidate", null, 0, PageSize), reviewer, CancellationToken.None)).Count);
        await Measure("inbox: my groups, page 41 (skip 1,000)", async sp => (await Inbox(sp).HandleAsync(new("candidate", null, 1000, PageSize), reviewer, CancellationToken.None)).Count);
        // Keyset paging: the same page 41, asked for after the 1,000th task (the id a client has from the page before).
        Guid? thousandth;
        await using (var scope = services.CreateAsyncScope())
            thousandth = (await Inbox(scope.ServiceProvider).HandleAsync(new("candidate", null, 999, 1), reviewer, CancellationToken.None)).SingleOrDefault()?.Id;
        if (thousandth is { } after)
            await Measure("inbox: my groups, page 41 (after the 1,000th)", async sp =>
                (await Inbox(sp).HandleAsync(new("candidate", null, 0, PageSize, After: after), reviewer, CancellationToken.None)).Count);
        await Measure("inbox: overdue, first page", async sp => (await Inbox(sp).HandleAsync(new("overdue", null, 0, PageSize), reviewer, CancellationToken.None)).Count);
        await Measure("search: application by number", async sp =>
            await sp.GetRequiredService<ProjectWorkflowDbContext>().Set<FundingApplication>().AsNoTracking().Where(a => a.Number == Number(someone)).Select(a => a.Id).ToListAsync() is var found ? found.Count : 0);
        await Measure("search: an enterprise's applications, newest 25", async sp =>
            (await sp.GetRequiredService<ProjectWorkflowDbContext>().Set<FundingApplication>().AsNoTracking().Where(a => a.EnterpriseId == enterprise)
                .OrderByDescending(a => a.Number).Take(PageSize).Select(a => new { a.Id, a.Number, a.Stage }).ToListAsync()).Count);
        await Measure("search: applications at a stage, newest 25", async sp =>
            (await sp.GetRequiredService<ProjectWorkflowDbContext>().Set<FundingApplication>().AsNoTracking().Where(a => a.Stage == "jointReview")
                .OrderByDescending(a => a.Number).Take(PageSize).Select(a => new { a.Id, a.Number, a.Stage }).ToListAsync()).Count);
        await Measure("journal of one instance (GetJournal)", async sp => (await sp.GetRequiredService<GetJournal>().HandleAsync(InstanceId(someone), admin, CancellationToken.None)).Count);

        Console.WriteLine($"# query plans at {size:N0} ({provider}); the main (longest) SQL statement of each query:");
        foreach (var (name, sql, parameters) in plans)
        {
            Console.WriteLine($"### {name}");
            foreach (var line in await PlanAsync(provider, connectionString, sql, parameters)) Console.WriteLine($"    {line}");
        }
    }

    private static async Task<(int Rows, double P50, double P99, double Max, (string Sql, DbParameter[] Parameters)? Last)> TimeAsync(
        IServiceProvider services, int runs, Func<IServiceProvider, Task<int>> query)
    {
        var times = new List<double>();
        var rows = 0;
        using var last = new LastCommand();
        for (var i = 0; i < runs + 5; i++)
        {
            await using var scope = services.CreateAsyncScope();
            var watch = Stopwatch.StartNew();
            rows = await query(scope.ServiceProvider);
            if (i >= 5) times.Add(watch.Elapsed.TotalMilliseconds);
        }
        times.Sort();
        double At(double q) => times[Math.Min(times.Count - 1, (int)Math.Ceiling(q * times.Count) - 1)];
        return (rows, At(0.50), At(0.99), times[^1], last.Command);
    }

    private static async Task<List<string>> PlanAsync(string provider, string connectionString, string sql, DbParameter[] parameters)
    {
        await using DbConnection connection = provider == DatabaseProvider.PostgreSql
            ? new Npgsql.NpgsqlConnection(connectionString)
            : new Microsoft.Data.Sqlite.SqliteConnection(connectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = (provider == DatabaseProvider.PostgreSql ? "EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF) " : "EXPLAIN QUERY PLAN ") + sql;
        foreach (var p in parameters)
        {
            var copy = command.CreateParameter();
            copy.ParameterName = p.ParameterName;
            copy.DbType = p.DbType;
            copy.Value = p.Value;
            command.Parameters.Add(copy);
        }
        var lines = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
            lines.Add(provider == DatabaseProvider.PostgreSql ? reader.GetString(0) : $"{reader.GetValue(3)}");
        return lines;
    }

    /// <summary>Keeps the longest SQL statement EF ran (with its parameters' values), to explain it.</summary>
    private sealed class LastCommand : IObserver<DiagnosticListener>, IObserver<KeyValuePair<string, object?>>, IDisposable
    {
        private readonly IDisposable _all;
        private readonly List<IDisposable> _subscriptions = [];

        public LastCommand() => _all = DiagnosticListener.AllListeners.Subscribe(this);

        private int _longest;

        /// <summary>The longest statement seen: a use case may run several (the form names of the rows, the access check); the main query is the longest.</summary>
        public (string Sql, DbParameter[] Parameters)? Command { get; private set; }

        public void OnNext(DiagnosticListener listener)
        {
            if (listener.Name == DbLoggerCategory.Name) lock (_subscriptions) _subscriptions.Add(listener.Subscribe(this));
        }

        public void OnNext(KeyValuePair<string, object?> value)
        {
            if (value.Value is CommandExecutedEventData executed && executed.Command.CommandText.Length >= _longest)
            {
                _longest = executed.Command.CommandText.Length;
                Command = (executed.Command.CommandText, executed.Command.Parameters.Cast<DbParameter>().ToArray());
            }
        }

        public void OnCompleted() { }

        public void OnError(Exception error) { }

        public void Dispose()
        {
            _all.Dispose();
            lock (_subscriptions) foreach (var s in _subscriptions) s.Dispose();
        }
    }

    private static string? Option(string[] args, string name)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }

    private sealed class BenchEnvironment : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = "Production";
        public string ApplicationName { get; set; } = "ProjectWorkflow.Benchmarks";
        public string ContentRootPath { get; set; } = AppContext.BaseDirectory;
        public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
    }
}
