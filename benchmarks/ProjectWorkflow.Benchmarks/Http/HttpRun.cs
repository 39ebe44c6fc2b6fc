using System.Diagnostics;
using System.Data.Common;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using ProjectWorkflow.Application.Persistence;
using ProjectWorkflow.Application.Seeding;
using ProjectWorkflow.Application.Workflows.Storage;
using ProjectWorkflow.Benchmarks.Persisted;
using ProjectWorkflow.Benchmarks.Scale;

namespace ProjectWorkflow.Benchmarks.Http;

/// <summary>
/// DESIGN.md §6 / issue #18, "HTTP under load": the real host (the Web project's <c>Program</c>, in process through
/// <see cref="WebApplicationFactory{TEntryPoint}"/>: authentication, idempotency keys, the audit chain, the outbox and every
/// observer as configured for production) on a SQLite file or PostgreSQL, with N one-user-task instances already stored
/// (cloned by bulk insert from one instance started through the API), then 16 clients each repeatedly find a task in their
/// group's inbox, claim it and complete it.
/// <c>http [--sizes 10000,100000] [--clients 16] [--seconds 30] [--postgres "Host=…;Database=…"] [--no-sqlite] [--without-inbox]</c>;
/// <c>--without-inbox</c>: after the run with the inbox, a second run in which the clients take open tasks from a shared list
/// (read once from the database) instead of reading the inbox, so claim and completion are timed without the group inbox's
/// cost beside them.
/// </summary>
internal static class HttpRun
{
    private const string Key = "http-bench";
    private const string Group = "district-reviewer";

    private const string Process = $"""
        <?xml version="1.0" encoding="UTF-8"?>
        <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:camunda="http://camunda.org/schema/1.0/bpmn"
                     xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI" xmlns:dc="http://www.omg.org/spec/DD/20100524/DC"
                     xmlns:di="http://www.omg.org/spec/DD/20100524/DI" id="d" targetNamespace="t">
          <process id="{Key}" isExecutable="true">
            <startEvent id="start" />
            <userTask id="review" name="Review" camunda:candidateGroups="{Group}" />
            <endEvent id="end" />
            <sequenceFlow id="f1" sourceRef="start" targetRef="review" />
            <sequenceFlow id="f2" sourceRef="review" targetRef="end" />
          </process>
          <bpmndi:BPMNDiagram id="dia"><bpmndi:BPMNPlane id="plane" bpmnElement="{Key}">
            <bpmndi:BPMNShape id="s_start" bpmnElement="start"><dc:Bounds x="100" y="100" width="36" height="36" /></bpmndi:BPMNShape>
            <bpmndi:BPMNShape id="s_review" bpmnElement="review"><dc:Bounds x="200" y="78" width="100" height="80" /></bpmndi:BPMNShape>
            <bpmndi:BPMNShape id="s_end" bpmnElement="end"><dc:Bounds x="360" y="100" width="36" height="36" /></bpmndi:BPMNShape>
            <bpmndi:BPMNEdge id="e_f1" bpmnElement="f1"><di:waypoint x="136" y="118" /><di:waypoint x="200" y="118" /></bpmndi:BPMNEdge>
            <bpmndi:BPMNEdge id="e_f2" bpmnElement="f2"><di:waypoint x="300" y="118" /><di:waypoint x="360" y="118" /></bpmndi:BPMNEdge>
          </bpmndi:BPMNPlane></bpmndi:BPMNDiagram>
        </definitions>
        """;

    public static async Task<int> RunAsync(string[] args)
    {
        Machine.Describe();
        var sizes = (Option(args, "--sizes") ?? "10000,100000").Split(',').Select(s => int.Parse(s, CultureInfo.InvariantCulture)).ToArray();
        var clients = int.Parse(Option(args, "--clients") ?? "16", CultureInfo.InvariantCulture);
        var seconds = int.Parse(Option(args, "--seconds") ?? "30", CultureInfo.InvariantCulture);
        var withoutInbox = args.Contains("--without-inbox");
        var targets = new List<(string Provider, string? Connection)>();
        if (!args.Contains("--no-sqlite")) targets.Add((DatabaseProvider.Sqlite, null));
        if (Option(args, "--postgres") is { } postgres) targets.Add((DatabaseProvider.PostgreSql, postgres));
        Console.WriteLine($"# one-user-task process (candidate group {Group}); {clients} clients, each: GET /api/tasks?scope=candidate&take=25, claim one, " +
                          $"complete it (with an Idempotency-Key); {seconds} s per size; the inbox alone: 5 warm-ups + 100 reads");

        foreach (var (provider, connection) in targets)
        {
            var dataDirectory = Directory.CreateTempSubdirectory("projectworkflow-http-").FullName;
            var connectionString = connection ?? $"Data Source={Path.Combine(dataDirectory, "bench.db")}";
            if (provider == DatabaseProvider.PostgreSql)
            {
                // A fresh database: the host migrates it on start.
                var builder = new Npgsql.NpgsqlConnectionStringBuilder(connectionString);
                var name = builder.Database!;
                builder.Database = "postgres";
                await using var admin = new Npgsql.NpgsqlConnection(builder.ConnectionString);
                await admin.OpenAsync();
                await using (var drop = new Npgsql.NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", admin)) await drop.ExecuteNonQueryAsync();
                await using (var create = new Npgsql.NpgsqlCommand($"CREATE DATABASE \"{name}\"", admin)) await create.ExecuteNonQueryAsync();
            }
            try
            {
                await using var host = new BenchHost(provider, connectionString, dataDirectory);
                await RunOnAsync(host, provider, connectionString, sizes, clients, seconds, withoutInbox);
            }
            finally
            {
                Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
                Npgsql.NpgsqlConnection.ClearAllPools();
                try { Directory.Delete(dataDirectory, recursive: true); } catch (IOException) { }
            }
        }
        Console.WriteLine($"# load after: {Machine.LoadAverage()}; target: completion p99 ≤ 50 ms at 100,000 instances, 16 clients");
        return 0;
    }

    private static async Task RunOnAsync(BenchHost host, string provider, string connectionString, int[] sizes, int clientCount, int seconds, bool withoutInbox)
    {
        await host.WaitReadyAsync();
        using var admin = await host.ClientForAsync("admin1");
        var deployed = await admin.PostAsync("/api/definitions", new StringContent(Process, Encoding.UTF8, "application/xml"));
        if (!deployed.IsSuccessStatusCode) throw new InvalidOperationException($"deploy: {(int)deployed.StatusCode} {await deployed.Content.ReadAsStringAsync()}");
        var reviewers = new List<HttpClient>();
        for (var c = 0; c < clientCount; c++)
        {
            var name = $"bench-reviewer-{c:D2}";
            var created = await admin.PostAsJsonAsync("/api/users", new { userName = name, displayName = name, password = DemoUsers.Password, roles = new[] { Group } });
            if (created.StatusCode is not (HttpStatusCode.Created or HttpStatusCode.Conflict))
                throw new InvalidOperationException($"user: {(int)created.StatusCode} {await created.Content.ReadAsStringAsync()}");
            reviewers.Add(await host.ClientForAsync(name));
        }

        // The template: one instance started through the API, its state and rows cloned by bulk insert.
        var started = await admin.PostAsJsonAsync("/api/instances", new { definitionKey = Key, variables = new { } });
        var templateId = (await started.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        InstanceRecord template;
        TaskRecord templateTask;
        await using (var scope = host.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ProjectWorkflowDbContext>();
            template = await db.Set<InstanceRecord>().AsNoTracking().SingleAsync(i => i.Id == templateId);
            templateTask = await db.Set<TaskRecord>().AsNoTracking().Include(t => t.Candidates).SingleAsync(t => t.InstanceId == templateId);
        }

        var stored = 1;
        var postgres = provider == DatabaseProvider.PostgreSql;
        foreach (var size in sizes)
        {
            var watch = Stopwatch.StartNew();
            await using (var scope = host.Services.CreateAsyncScope())
            {
                var db = scope.ServiceProvider.GetRequiredService<ProjectWorkflowDbContext>();
                await CloneAsync(db, postgres, connectionString, template, templateTask, stored, size);
            }
            Console.WriteLine();
            Console.WriteLine($"## {provider}, {size:N0} open one-task instances stored ({size - stored:N0} cloned in {watch.Elapsed.TotalSeconds:N0} s), load {Machine.LoadAverage()}");
            stored = size;

            // The group's inbox alone (every open task is claimable by the group), one client, nothing else running.
            var inbox = new List<double>();
            for (var i = 0; i < 105; i++)
            {
                var w = Stopwatch.StartNew();
                (await reviewers[0].GetAsync("/api/tasks?scope=candidate&take=25")).EnsureSuccessStatusCode();
                if (i >= 5) inbox.Add(w.Elapsed.TotalMilliseconds);
            }
            Console.WriteLine($"inbox of the group (all {size:N0} open tasks claimable), first page, alone: p50 {P(inbox, 0.5):N1} ms, p99 {P(inbox, 0.99):N1} ms");

            // One inbox read, one claim and one completion profiled: their SQL statements by kind and each statement's text and
            // database time (EF Core's diagnostic events, in this process), the slowest with its plan.
            using (var profile = new SqlProfile())
            {
                // EF caches for a second whether anyone listens to its diagnostics (ConfigureLoggingCacheTime), per context, and
                // pooled contexts live on: a context used within the last second would not report its statements yet.
                await Task.Delay(TimeSpan.FromSeconds(1.5));
                profile.Start();
                var task = (await reviewers[0].GetFromJsonAsync<JsonElement[]>("/api/tasks?scope=candidate&take=25"))![0].GetProperty("id").GetGuid();
                await ReportAsync("one inbox read (GET /api/tasks?scope=candidate&take=25)", profile, provider, connectionString, 2);
                profile.Start();
                (await Post(reviewers[0], $"/api/tasks/{task}/claim")).EnsureSuccessStatusCode();
                await ReportAsync("one claim over HTTP", profile, provider, connectionString, 2);
                profile.Start();
                (await Post(reviewers[0], $"/api/tasks/{task}/complete")).EnsureSuccessStatusCode();
                await ReportAsync("one completion over HTTP", profile, provider, connectionString, 3);
            }

            var cpu = System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime;
            var threads = ThreadCpu.Read();
            var allocated = GC.GetTotalAllocatedBytes();
            var load = Stopwatch.StartNew();
            Report(await LoadAsync(reviewers, TimeSpan.FromSeconds(seconds), null), "each reads the inbox, claims one of its page, completes it", false);
            if (withoutInbox)
            {
                List<Guid> open;
                await using (var scope = host.Services.CreateAsyncScope())
                    open = await scope.ServiceProvider.GetRequiredService<ProjectWorkflowDbContext>().Set<TaskRecord>().AsNoTracking()
                        .Where(t => t.Status == TaskStatuses.Open && t.Assignee == null).Select(t => t.Id).Take(50_000).ToListAsync();
                var shuffled = new System.Collections.Concurrent.ConcurrentQueue<Guid>(open.OrderBy(_ => Random.Shared.Next()));
                cpu = System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime;
                threads = ThreadCpu.Read();
                allocated = GC.GetTotalAllocatedBytes();
                load.Restart();
                Report(await LoadAsync(reviewers, TimeSpan.FromSeconds(seconds), shuffled), "each takes an open task from a shared list (no inbox read), claims it, completes it",
                    shuffled.IsEmpty);
            }

            // Tasks per second over the time the clients actually ran: a client stops early when the shared list runs out.
            void Report(ClientResult[] results, string how, bool ranOut)
            {
                var ran = load.Elapsed.TotalSeconds;
                var completions = results.SelectMany(r => r.Complete).ToList();
                var rate = completions.Count / ran;
                // CPU time of this process (host and clients together) per completed cycle: what the machine's load does not change.
                var used = System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime - cpu;
                Console.WriteLine($"{clientCount} clients ({how}), {ran:N1} s, load {Machine.LoadAverage()}: {completions.Count:N0} tasks completed = {rate:N1} tasks/s; " +
                                  $"claims lost to another client: {results.Sum(r => r.Lost):N0}; errors: {results.Sum(r => r.Errors):N0}; " +
                                  $"CPU of this process {used.TotalSeconds:N1} s = {used.TotalMilliseconds / Math.Max(1, completions.Count):N1} ms per completed task (host and clients)");
                // Each client waits for its answer before its next request (a closed loop): the time of one client's claim +
                // completion is the clients divided by the throughput, so the latency follows the throughput (round 7, docs/benchmarks.md).
                if (rate > 0)
                    Console.WriteLine($"  closed loop: {clientCount} clients ÷ {rate:N1} tasks/s = {1000.0 * clientCount / rate:N0} ms per claim + completion; " +
                                      $"the process used {used.TotalSeconds / ran:N2} of {Environment.ProcessorCount} cores");
                if (ranOut)
                    Console.WriteLine($"  the shared list of open tasks ran out before {seconds} s: fewer than {clientCount} clients at the end; store more instances for a full run");
                // The same CPU split by thread (the JIT's tiering thread is warm-up, not the requests' own work) and the bytes
                // allocated per task (what the GC has to collect; it does not depend on the machine's load).
                var perTask = Math.Max(1, completions.Count);
                Console.WriteLine($"  CPU per task by thread: {ThreadCpu.Describe(threads, ThreadCpu.Read(), perTask)}; " +
                                  $"allocated {(GC.GetTotalAllocatedBytes() - allocated) / 1024.0 / perTask:N0} KB per task");
                Describe("complete (POST /api/tasks/{id}/complete)", completions);
                Describe("claim (POST /api/tasks/{id}/claim)", results.SelectMany(r => r.Claim).ToList());
                Describe("inbox under load (GET /api/tasks?scope=candidate)", results.SelectMany(r => r.Inbox).ToList());
                Describe("find + claim + complete", results.SelectMany(r => r.Cycle).ToList());
            }
        }
        foreach (var r in reviewers) r.Dispose();
    }

    /// <summary>The profile's counts, every statement with its database time, and the <paramref name="explain"/> slowest with their plans.</summary>
    private static async Task ReportAsync(string what, SqlProfile profile, string provider, string connectionString, int explain)
    {
        var statements = profile.Statements;
        Console.WriteLine($"# {what} ({provider}): {SqlProfile.Describe(profile.Stop(), 1)}");
        foreach (var s in statements)
            Console.WriteLine($"#   {s.Duration.TotalMilliseconds,9:N3} ms  {OneLine(s.Sql, 200)}");
        foreach (var s in statements.OrderByDescending(s => s.Duration).Take(explain))
        {
            Console.WriteLine($"#   slowest, {s.Duration.TotalMilliseconds:N3} ms: {OneLine(s.Sql, 2000)}");
            try
            {
                foreach (var line in await PlanAsync(provider, connectionString, s)) Console.WriteLine($"#       {line}");
            }
            catch (Exception e) when (e is DbException or InvalidOperationException)
            {
                Console.WriteLine($"#       (no plan: {OneLine(e.Message, 200)})");
            }
        }
    }

    private static string OneLine(string sql, int max)
    {
        var line = string.Join(' ', sql.Split((char[])['\n', '\r', ' ', '\t'], StringSplitOptions.RemoveEmptyEntries));
        return line.Length <= max ? line : line[..max] + "…";
    }

    /// <summary>
    /// The statement's plan on a connection of its own: <c>EXPLAIN QUERY PLAN</c> on SQLite; on PostgreSQL <c>EXPLAIN ANALYZE</c>
    /// for a single <c>SELECT</c> (run again, after the fact) and a plain <c>EXPLAIN</c> for anything else (nothing is changed).
    /// </summary>
    private static async Task<List<string>> PlanAsync(string provider, string connectionString, SqlProfile.Statement statement)
    {
        var postgres = provider == DatabaseProvider.PostgreSql;
        var sql = statement.Sql.Trim().TrimEnd(';');
        if (sql.Contains(';')) return ["(a batch of several statements: not explained)"];
        await using DbConnection connection = postgres ? new Npgsql.NpgsqlConnection(connectionString) : new Microsoft.Data.Sqlite.SqliteConnection(connectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        var select = sql.StartsWith("SELECT", StringComparison.OrdinalIgnoreCase) && !sql.Contains("FOR UPDATE", StringComparison.OrdinalIgnoreCase);
        command.CommandText = (postgres ? select ? "EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF) " : "EXPLAIN (COSTS OFF) " : "EXPLAIN QUERY PLAN ") + sql;
        foreach (var p in statement.Parameters)
        {
            var copy = command.CreateParameter();
            copy.ParameterName = p.Name;
            copy.DbType = p.Type;
            copy.Value = p.Value ?? DBNull.Value;
            command.Parameters.Add(copy);
        }
        var lines = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync()) lines.Add(postgres ? reader.GetString(0) : $"{reader.GetValue(3)}");
        return lines;
    }

    private sealed record ClientResult(List<double> Inbox, List<double> Claim, List<double> Complete, List<double> Cycle, int Lost, int Errors);

    /// <param name="shared">Null: each cycle reads the group's inbox and picks a task of its page; else the cycle takes the next task of this list.</param>
    private static async Task<ClientResult[]> LoadAsync(List<HttpClient> reviewers, TimeSpan duration, System.Collections.Concurrent.ConcurrentQueue<Guid>? shared)
    {
        var until = DateTime.UtcNow + duration;
        return await Task.WhenAll(reviewers.Select((client, c) => Task.Run(async () =>
        {
            var result = new ClientResult([], [], [], [], 0, 0);
            var lost = 0;
            var errors = 0;
            var random = new Random(c);
            while (DateTime.UtcNow < until)
            {
                var cycle = Stopwatch.StartNew();
                var w = Stopwatch.StartNew();
                Guid task;
                if (shared is not null)
                {
                    if (!shared.TryDequeue(out task)) break;
                }
                else
                {
                    var page = await client.GetFromJsonAsync<JsonElement[]>("/api/tasks?scope=candidate&take=25");
                    result.Inbox.Add(w.Elapsed.TotalMilliseconds);
                    if (page is null || page.Length == 0) break;
                    task = page[random.Next(page.Length)].GetProperty("id").GetGuid();
                }
                w.Restart();
                var claim = await Post(client, $"/api/tasks/{task}/claim");
                if (claim.StatusCode != HttpStatusCode.OK)
                {
                    if (claim.StatusCode is HttpStatusCode.Conflict or HttpStatusCode.Forbidden or HttpStatusCode.NotFound) lost++;
                    else errors++;
                    continue;
                }
                result.Claim.Add(w.Elapsed.TotalMilliseconds);
                w.Restart();
                var complete = await Post(client, $"/api/tasks/{task}/complete");
                if (complete.StatusCode != HttpStatusCode.OK) { errors++; continue; }
                result.Complete.Add(w.Elapsed.TotalMilliseconds);
                result.Cycle.Add(cycle.Elapsed.TotalMilliseconds);
            }
            return result with { Lost = lost, Errors = errors };
        })));
    }

    private static Task<HttpResponseMessage> Post(HttpClient client, string url)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = JsonContent.Create(new { variables = new { } }) };
        request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString("N"));
        return client.SendAsync(request);
    }

    private static void Describe(string name, List<double> times) =>
        Console.WriteLine(times.Count == 0 ? $"{name,-52} no samples"
            : $"{name,-52} n={times.Count,6}  p50 {P(times, 0.5),8:N1}  p95 {P(times, 0.95),8:N1}  p99 {P(times, 0.99),8:N1}  max {times.Max(),8:N1} ms");

    private static double P(List<double> times, double q)
    {
        var sorted = times.Order().ToList();
        return sorted[Math.Min(sorted.Count - 1, Math.Max(0, (int)Math.Ceiling(q * sorted.Count) - 1))];
    }

    /// <summary>Instances <paramref name="from"/> … <paramref name="to"/> − 1 as copies of the template: its state with its ids replaced, its task and candidate rows.</summary>
    private static async Task CloneAsync(ProjectWorkflowDbContext db, bool postgres, string connectionString, InstanceRecord template, TaskRecord task, int from, int to)
    {
        var count = to - from;
        var instanceText = template.Id.ToString();
        var taskText = task.Id.ToString();
        if (!template.State.Contains(instanceText, StringComparison.OrdinalIgnoreCase) && !template.State.Contains(taskText, StringComparison.OrdinalIgnoreCase))
            Console.WriteLine("# note: the template's state names neither its instance id nor its task id");
        Guid InstanceId(int i) => new(i, 0x4B7B, 0x1E00, [0, 0, 0, 0, 0, 0, 0, 1]);
        Guid TaskId(int i) => new(i, 0x4B7B, 0x7A00, [0, 0, 0, 0, 0, 0, 0, 2]);
        var created = task.CreatedAt.AddDays(-30);
        await new BulkRows(db, typeof(InstanceRecord), postgres, connectionString).WriteAsync(count, n =>
        {
            var i = from + n;
            return new Dictionary<string, object?>
            {
                ["Id"] = InstanceId(i), ["DefinitionId"] = template.DefinitionId, ["DefinitionKey"] = template.DefinitionKey, ["Version"] = template.Version,
                ["BusinessKey"] = null, ["Status"] = template.Status, ["StartedAt"] = created.AddSeconds(i), ["EndedAt"] = null, ["StartedBy"] = template.StartedBy,
                ["ParentInstanceId"] = null, ["Revision"] = template.Revision,
                ["State"] = template.State.Replace(instanceText, InstanceId(i).ToString(), StringComparison.OrdinalIgnoreCase)
                    .Replace(taskText, TaskId(i).ToString(), StringComparison.OrdinalIgnoreCase),
            };
        });
        await new BulkRows(db, typeof(TaskRecord), postgres, connectionString).WriteAsync(count, n =>
        {
            var i = from + n;
            return new Dictionary<string, object?>
            {
                ["Id"] = TaskId(i), ["InstanceId"] = InstanceId(i), ["DefinitionKey"] = task.DefinitionKey, ["BusinessKey"] = null, ["ElementId"] = task.ElementId,
                ["Name"] = task.Name, ["Assignee"] = null, ["Owner"] = null, ["FormKey"] = task.FormKey, ["DueAt"] = null, ["CreatedAt"] = created.AddSeconds(i),
                ["Status"] = TaskStatuses.Open, ["EndedAt"] = null, ["CompletedBy"] = null, ["Answers"] = null, ["CancelReason"] = null,
                ["BeforeDueReminderSentAt"] = null, ["DueReminderSentAt"] = null, ["OverdueSince"] = null,
            };
        });
        await new BulkRows(db, typeof(TaskCandidate), postgres, connectionString).WriteAsync(count * task.Candidates.Count, n =>
        {
            var i = from + n / task.Candidates.Count;
            var candidate = task.Candidates[n % task.Candidates.Count];
            var row = new Dictionary<string, object?> { ["TaskId"] = TaskId(i), ["IsGroup"] = candidate.IsGroup, ["Value"] = candidate.Value, ["IsDeputy"] = candidate.IsDeputy };
            foreach (var property in db.Model.FindEntityType(typeof(TaskCandidate))!.GetProperties().Where(p => p.Name == "Claimable")) row[property.Name] = true;
            // The task's creation time (the due date and overdue flag are null, as on the task), as the store copies it.
            foreach (var property in db.Model.FindEntityType(typeof(TaskCandidate))!.GetProperties().Where(p => p.Name == "CreatedAt")) row[property.Name] = created.AddSeconds(i);
            return row;
        });
        db.Database.SetCommandTimeout(TimeSpan.FromMinutes(30));
        await db.Database.ExecuteSqlRawAsync("ANALYZE");
    }

    private static string? Option(string[] args, string name)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }

    /// <summary>
    /// The Web project's host as it runs, on the given database (seeded with the demo users, not the demo applications). Its
    /// entry point is found from any type of its assembly (the benchmark has a <c>Program</c> of its own, so a Web type stands for it).
    /// </summary>
    private sealed class BenchHost(string provider, string connectionString, string dataDirectory) : WebApplicationFactory<Web.Security.ForgedRequestCheck>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            // Development: the demo users (reviewers, admin1) sign in with the demo password only there; every guarantee is the same.
            builder.UseEnvironment("Development");
            builder.UseContentRoot(WebProjectDirectory());
            builder.UseSetting("Seed:DemoApplications", "false");
            builder.ConfigureAppConfiguration((_, config) => config.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Database:Provider"] = provider,
                ["ConnectionStrings:ProjectWorkflow"] = connectionString,
                ["DataDirectory"] = dataDirectory,
                ["Seed:DemoData"] = "true",
                ["Seed:DemoApplications"] = "false",
                // Sixteen benchmark users sign in at once from one address.
                ["Auth:SignInLimits:PerAddress"] = "100000",
                ["Auth:SignInLimits:PerUserName"] = "100000",
            }));
        }

        /// <summary>The Web project's folder (its wwwroot and settings), found upwards from the benchmark's output.</summary>
        private static string WebProjectDirectory()
        {
            for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
            {
                var web = Path.Combine(directory.FullName, "src", "ProjectWorkflow.Web");
                if (File.Exists(Path.Combine(web, "ProjectWorkflow.Web.csproj"))) return web;
            }
            throw new DirectoryNotFoundException("src/ProjectWorkflow.Web above " + AppContext.BaseDirectory);
        }

        public async Task WaitReadyAsync()
        {
            using var client = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
            var deadline = DateTime.UtcNow.AddMinutes(5);
            while ((await client.GetAsync("/health/ready")).StatusCode != HttpStatusCode.OK)
            {
                if (DateTime.UtcNow > deadline) throw new TimeoutException("/health/ready");
                await Task.Delay(200);
            }
        }

        public async Task<HttpClient> ClientForAsync(string userName)
        {
            var client = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
            var response = await client.PostAsJsonAsync("/api/auth/token", new { username = userName, password = DemoUsers.Password });
            if (response.StatusCode != HttpStatusCode.OK) throw new InvalidOperationException($"sign-in of {userName}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
            var token = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString();
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
            return client;
        }
    }
}

/// <summary>
/// CPU time of each thread of this process (Linux: <c>/proc/self/task/*/stat</c>), grouped by the thread's name: the thread
/// pool (the requests and the clients), the JIT's tiering thread, the GC's, Hangfire's workers. Threads that ended between
/// two readings are missing from the split (the process total above still has them).
/// </summary>
internal static class ThreadCpu
{
    public static Dictionary<int, (string Name, double Ms)> Read()
    {
        var threads = new Dictionary<int, (string, double)>();
        if (!Directory.Exists("/proc/self/task")) return threads;
        foreach (var directory in Directory.EnumerateDirectories("/proc/self/task"))
        {
            try
            {
                var stat = File.ReadAllText(Path.Combine(directory, "stat"));
                var close = stat.LastIndexOf(')');
                var name = stat[(stat.IndexOf('(') + 1)..close];
                var fields = stat[(close + 2)..].Split(' ');
                // utime and stime are fields 14 and 15 of stat, 12 and 13 after the name; in clock ticks of 10 ms.
                var ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
                threads[int.Parse(Path.GetFileName(directory), CultureInfo.InvariantCulture)] = (name, ticks * 10.0);
            }
            catch (IOException)
            {
                // the thread ended while being read
            }
        }
        return threads;
    }

    public static string Describe(Dictionary<int, (string Name, double Ms)> before, Dictionary<int, (string Name, double Ms)> after, int tasks)
    {
        var groups = new Dictionary<string, double>();
        foreach (var (id, (name, ms)) in after)
        {
            var used = ms - (before.TryGetValue(id, out var earlier) && earlier.Name == name ? earlier.Ms : 0);
            var group = name switch
            {
                _ when name.StartsWith(".NET TP", StringComparison.Ordinal) => "thread pool",
                _ when name.StartsWith(".NET Tiered", StringComparison.Ordinal) => "JIT tiering",
                _ when name.Contains("GC", StringComparison.Ordinal) => "GC",
                _ when name.StartsWith("Worker #", StringComparison.Ordinal) || name.Contains("JobSch", StringComparison.Ordinal) => "Hangfire",
                _ => "other",
            };
            groups[group] = groups.GetValueOrDefault(group) + used;
        }
        return string.Join(", ", groups.Where(g => g.Value > 0).OrderByDescending(g => g.Value).Select(g => $"{g.Key} {g.Value / tasks:N1} ms"));
    }
}
