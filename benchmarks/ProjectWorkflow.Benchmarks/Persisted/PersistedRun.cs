using System.Diagnostics;
using System.Globalization;
using ProjectWorkflow.Application.Persistence;
using ProjectWorkflow.Engine.Runtime;

namespace ProjectWorkflow.Benchmarks.Persisted;

/// <summary>
/// DESIGN.md §6, persisted: commands per second with the full journal, against what the same database
/// commits (single-row transactions) in the same run, with the same number of clients.
/// <c>persisted [--n 2000] [--clients 1,16] [--postgres "Host=...;Username=...;Database=..."]</c>:
/// SQLite (a file, WAL, as the app configures it) always; PostgreSQL when a connection string is given
/// (its database is created and dropped).
/// </summary>
internal static class PersistedRun
{
    private static readonly Actor Approver = Actor.User("approver", "approvers");

    public static async Task<int> RunAsync(string[] args)
    {
        Machine.Describe();
        var n = int.Parse(Option(args, "--n") ?? "2000", CultureInfo.InvariantCulture);
        var clients = (Option(args, "--clients") ?? "1").Split(',').Select(c => int.Parse(c, CultureInfo.InvariantCulture)).ToArray();
        var targets = new List<(string Provider, string? Connection)> { (DatabaseProvider.Sqlite, null) };
        if (Option(args, "--postgres") is { } postgres) targets.Add((DatabaseProvider.PostgreSql, postgres));

        var failures = 0;
        var profiles = new List<string>();
        using var profile = new SqlProfile();
        Console.WriteLine($"{"database",-11} {"clients",7} {"raw commits/s",13} {"EF commits/s",12} {"simple cmd/s",13} {"of raw",6} {"approval cmd/s",15} {"of raw",6} {"pgbench tps",11}  load");
        foreach (var (provider, connection) in targets)
            foreach (var clientCount in clients)
            {
                await using var app = await PersistedApp.StartAsync(provider, connection);
                var raw = new List<Func<int, Task>>();
                for (var c = 0; c < clientCount; c++) raw.Add(await app.OpenRawClientAsync());
                // Warm up: the first commands compile queries and open connections.
                await RunAsync(clientCount, 50, (_, _) => app.StartAsync("bench_simple"));
                await RunAsync(clientCount, 10, async (_, _) =>
                {
                    var id = await app.StartAsync("bench_approval");
                    for (var step = 0; step < 4; step++) await app.CompleteOpenTaskAsync(id, Approver);
                });
                await RunAsync(clientCount, 50, (c, i) => app.CommitOneRowAsync(-(c * 1_000_000 + i) - 1));
                await RunAsync(clientCount, 200, (c, i) => raw[c](-(c * 1_000_000 + i) - 1));

                var rawRate = await RunAsync(clientCount, n * 5, (c, i) => raw[c](c * 1_000_000 + i));
                var commits = await RunAsync(clientCount, n, (c, i) => app.CommitOneRowAsync(c * 1_000_000 + i));
                profile.Start();
                var simple = await RunAsync(clientCount, n, (_, _) => app.StartAsync("bench_simple"));
                var simpleProfile = profile.Stop();
                var approvals = Math.Max(1, n / 5);
                profile.Start();
                var approval = await RunAsync(clientCount, approvals, async (_, _) =>
                {
                    var id = await app.StartAsync("bench_approval");
                    for (var step = 0; step < 4; step++) await app.CompleteOpenTaskAsync(id, Approver);
                }) * 5;   // five commands per instance: start and four completions
                var approvalProfile = profile.Stop();
                if (clientCount == clients[0])
                {
                    profiles.Add($"# {provider}, {clientCount} client(s), per simple start: {SqlProfile.Describe(simpleProfile, clientCount * n)}");
                    profiles.Add($"# {provider}, {clientCount} client(s), per approval command (start or find-and-complete): {SqlProfile.Describe(approvalProfile, clientCount * approvals * 5)}");
                }
                var pgbench = provider == DatabaseProvider.PostgreSql ? PgBench.Run(app.ConnectionString, clientCount) : null;

                var completed = await app.CountAsync("completed");
                var expected = clientCount * (50 + 10 + n + approvals);
                if (completed != expected)
                {
                    Console.WriteLine($"FAIL {provider}: {completed} instances completed, {expected} expected");
                    failures++;
                }
                Console.WriteLine($"{provider,-11} {clientCount,7} {rawRate,13:N0} {commits,12:N0} {simple,13:N0} {simple / rawRate,6:P1} {approval,15:N0} {approval / rawRate,6:P1} {(pgbench is { } tps ? tps.ToString("N0", CultureInfo.InvariantCulture) : "-"),11}  {Machine.LoadAverage()}");
            }
        foreach (var line in profiles) Console.WriteLine(line);
        Console.WriteLine($"# load after: {Machine.LoadAverage()}; target: command rate ≥ 50% of the raw commit rate (ADO.NET, one prepared INSERT per transaction)");
        return failures == 0 ? 0 : 1;
    }

    /// <summary>Runs <paramref name="perClient"/> operations on each of <paramref name="clients"/> concurrent clients; operations per second.</summary>
    private static async Task<double> RunAsync(int clients, int perClient, Func<int, int, Task> operation)
    {
        var watch = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, clients).Select(c => Task.Run(async () =>
        {
            for (var i = 0; i < perClient; i++) await operation(c, i);
        })));
        return clients * perClient / watch.Elapsed.TotalSeconds;
    }

    private static string? Option(string[] args, string name)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length ? args[at + 1] : null;
    }
}
