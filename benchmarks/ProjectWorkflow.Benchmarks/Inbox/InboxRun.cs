using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using ProjectWorkflow.Application;
using ProjectWorkflow.Application.Applications;
using ProjectWorkflow.Application.Persistence;
using ProjectWorkflow.Application.Workflows.Storage;
using ProjectWorkflow.Application.Workflows.Tasks;
using ProjectWorkflow.Engine.Runtime;
using ProjectWorkflow.Funding.Applications;
using ProjectWorkflow.Funding.Enterprises;

namespace ProjectWorkflow.Benchmarks.Inbox;

/// <summary>
/// Issue #14's "paging that stays fast with thousands of tasks": the district reviewers' inbox on SQLite (a fresh file)
/// with <c>--open</c> (5,000) open district-review tasks claimable by their group, beside <c>--noise</c> (25,000) other
/// task rows (open tasks of the department's approvers, and completed history), the applications behind the open tasks
/// submitted by 1,000 enterprises and entered in the project pool's register across Shanghai's 16 districts.
/// <c>inbox [--open 5000] [--noise 25000] [--runs 40] [--keep]</c>. Each query is the use case the inbox runs — the same
/// code behind <c>GET /api/tasks</c> and the <c>/portal/tasks</c> page (the page adds the tab counts, the district list
/// and the rows' districts) — run <c>--runs</c> times in a fresh scope after 3 warm-ups; median and p95 wall-clock ms, and the
/// process's mean CPU ms per run (the figure a loaded machine distorts least). HTTP and
/// Razor rendering are not included. <c>--keep</c> leaves the database file for <c>EXPLAIN QUERY PLAN</c>.
/// </summary>
internal static class InboxRun
{
    private const string Group = "district-reviewer";
    private const int PageSize = 25;   // the portal page's

    private static readonly string[] Districts =
        ["黄浦区", "徐汇区", "长宁区", "静安区", "普陀区", "虹口区", "杨浦区", "闵行区", "宝山区", "嘉定区", "浦东新区", "金山区", "松江区", "青浦区", "奉贤区", "崇明区"];

    private static readonly string[] Schemes = ["tech-upgrade", "smart-factory", "green-park"];

    public static async Task<int> RunAsync(string[] args)
    {
        Machine.Describe();
        var open = int.Parse(Option(args, "--open") ?? "5000", CultureInfo.InvariantCulture);
        var noise = int.Parse(Option(args, "--noise") ?? "25000", CultureInfo.InvariantCulture);
        var runs = int.Parse(Option(args, "--runs") ?? "40", CultureInfo.InvariantCulture);
        var keep = args.Contains("--keep");

        var dataDirectory = Directory.CreateTempSubdirectory("projectworkflow-inbox-bench-").FullName;
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = DatabaseProvider.Sqlite,
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
        await using (var scope = services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<ProjectWorkflowDbContext>().Database.MigrateAsync();

        var watch = Stopwatch.StartNew();
        await ArrangeAsync(services, open, noise);
        Console.WriteLine($"# {open:N0} open district-review tasks for '{Group}', {noise:N0} other task rows, {open:N0} applications in {Districts.Length} districts; "
                          + $"arranged in {watch.Elapsed.TotalSeconds:N1} s; page size {PageSize}, {runs} runs per query");
        Console.WriteLine($"{"query",-58} {"rows",6} {"median ms",10} {"p95 ms",8} {"cpu ms",7}");

        var reviewer = Actor.User("bench-reviewer", Group);
        var lastPage = open / PageSize * PageSize - PageSize;
        async Task<int> Page(IServiceProvider sp, ListTasksRequest request) => (await sp.GetRequiredService<ListTasks>().HandleAsync(request, reviewer, CancellationToken.None)).Count;
        var pudong = Districts[10];

        await MeasureAsync(services, runs, "tab counts (mine, claimable, overdue)", async sp =>
        {
            var counts = await sp.GetRequiredService<ListTasks>().CountAsync(reviewer, CancellationToken.None);
            return counts.Candidate;
        });
        await MeasureAsync(services, runs, "claimable, first page, soonest due", sp => Page(sp, new("candidate", null, 0, PageSize, null, null, null, "due")));
        await MeasureAsync(services, runs, $"claimable, last page (skip {lastPage:N0})", sp => Page(sp, new("candidate", null, lastPage, PageSize, null, null, null, "due")));
        await MeasureAsync(services, runs, "claimable, first page, newest", sp => Page(sp, new("candidate", null, 0, PageSize, null, null, null, "newest")));
        await MeasureAsync(services, runs, "claimable, step=districtReview", sp => Page(sp, new("candidate", null, 0, PageSize, null, "districtReview", null, "due")));
        await MeasureAsync(services, runs, "claimable, process=tech-upgrade", sp => Page(sp, new("candidate", null, 0, PageSize, "tech-upgrade", null, null, "due")));
        await MeasureAsync(services, runs, "claimable, overdue", sp => Page(sp, new("overdue", null, 0, PageSize, null, null, null, "due")));
        await MeasureAsync(services, runs, $"claimable, district={pudong}", sp => Page(sp, new("candidate", null, 0, PageSize, null, null, pudong, "due")));
        await MeasureAsync(services, runs, $"claimable, step + district={pudong}, last page", sp => Page(sp, new("candidate", null, 300, PageSize, null, "districtReview", pudong, "due")));
        await MeasureAsync(services, runs, "district choices (the filter's list)", async sp =>
            (await ApplicationDistricts.ListAsync(sp.GetRequiredService<ProjectWorkflowDbContext>(), CancellationToken.None)).Count);
        await MeasureAsync(services, runs, "the page's rows' districts (25 numbers)", async sp =>
        {
            var db = sp.GetRequiredService<ProjectWorkflowDbContext>();
            var rows = await sp.GetRequiredService<ListTasks>().HandleAsync(new("candidate", null, 0, PageSize, null, null, null, "due"), reviewer, CancellationToken.None);
            return (await ApplicationDistricts.OfAsync(db, rows.Select(r => r.BusinessKey!).ToList(), CancellationToken.None)).Count;
        });
        await MeasureAsync(services, runs, $"/portal/tasks?tab=candidate&district={pudong} (all queries)", async sp =>
        {
            var db = sp.GetRequiredService<ProjectWorkflowDbContext>();
            var list = sp.GetRequiredService<ListTasks>();
            await list.CountAsync(reviewer, CancellationToken.None);
            var rows = await list.HandleAsync(new("candidate", null, 0, PageSize, null, null, pudong, "due"), reviewer, CancellationToken.None);
            await ApplicationDistricts.ListAsync(db, CancellationToken.None);
            await ApplicationDistricts.OfAsync(db, rows.Select(r => r.BusinessKey!).ToList(), CancellationToken.None);
            return rows.Count;
        });

        Console.WriteLine($"# load after: {Machine.LoadAverage()}");
        if (keep) Console.WriteLine($"# database kept in {dataDirectory}");
        else
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(dataDirectory, recursive: true);
        }
        return 0;
    }

    private static async Task MeasureAsync(IServiceProvider services, int runs, string name, Func<IServiceProvider, Task<int>> query)
    {
        var times = new List<double>();
        var rows = 0;
        var cpu = TimeSpan.Zero;
        for (var i = 0; i < runs + 3; i++)
        {
            await using var scope = services.CreateAsyncScope();
            var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
            var watch = Stopwatch.StartNew();
            rows = await query(scope.ServiceProvider);
            if (i < 3) continue;
            times.Add(watch.Elapsed.TotalMilliseconds);
            cpu += Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;
        }
        times.Sort();
        // The process's CPU time per run (all its threads): what the query costs the machine, however loaded it is.
        Console.WriteLine($"{name,-58} {rows,6} {times[times.Count / 2],10:N1} {times[(int)Math.Ceiling(times.Count * 0.95) - 1],8:N1} {cpu.TotalMilliseconds / runs,7:N1}");
    }

    /// <summary>Applications submitted and entered in the register, their open district reviews, and the other rows an inbox reads past.</summary>
    private static async Task ArrangeAsync(IServiceProvider services, int open, int noise)
    {
        var now = DateTimeOffset.UtcNow;
        var importId = Guid.NewGuid();
        const int batch = 1_000;
        for (var from = 0; from < open; from += batch)
        {
            await using var scope = services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<ProjectWorkflowDbContext>();
            for (var i = from; i < Math.Min(open, from + batch); i++)
            {
                var code = $"9131{i % 1_000:D9}BENCH"[..17];
                var uscc = Uscc.Parse(code + Uscc.CheckCharacter(code));
                var scheme = Schemes[i % Schemes.Length];
                var number = $"BN-2026-{i:D6}";
                var name = $"Bench project {i:D6}";
                var application = FundingApplication.Draft(number, scheme, 2026, Guid.NewGuid(), uscc.Value, "bench", now);
                application.Revise(new DraftChanges { ProjectName = name, Site = "Shanghai" }, now);
                var instanceId = Guid.NewGuid();
                db.Add(application);
                var entry = db.Entry(application);
                entry.Property(a => a.Status).CurrentValue = ApplicationStatus.Submitted;
                entry.Property(a => a.SubmittedAt).CurrentValue = now.AddMinutes(-i);
                entry.Property(a => a.InstanceId).CurrentValue = instanceId;
                db.Add(ProjectPoolEntry.Enter(uscc, name, 2026, Districts[i % Districts.Length], importId, "bench", now));
                db.Add(Task(instanceId, scheme, "districtReview", number, Group, now.AddMinutes(-i), now.AddDays(i % 30 - 5), i % 7 == 0 ? now : null));
            }
            await db.SaveChangesAsync();
        }
        for (var from = 0; from < noise; from += batch)
        {
            await using var scope = services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<ProjectWorkflowDbContext>();
            for (var i = from; i < Math.Min(noise, from + batch); i++)
            {
                var scheme = Schemes[i % Schemes.Length];
                // One in five is an approver's open joint review; the rest are district reviews long completed.
                var task = i % 5 == 0
                    ? Task(Guid.NewGuid(), scheme, "jointReview", $"BX-2026-{i:D6}", "approver", now.AddMinutes(-i), now.AddDays(i % 20), null)
                    : Task(Guid.NewGuid(), scheme, "districtReview", $"BY-2025-{i:D6}", Group, now.AddDays(-400).AddMinutes(i), now.AddDays(-390), null);
                if (i % 5 != 0)
                {
                    task.Status = TaskStatuses.Completed;
                    task.EndedAt = task.CreatedAt.AddDays(2);
                    task.CompletedBy = "bench-reviewer";
                    task.Candidates[0].Claimable = false;
                }
                db.Add(task);
            }
            await db.SaveChangesAsync();
        }
    }

    private static TaskRecord Task(Guid instanceId, string scheme, string step, string businessKey, string group, DateTimeOffset created, DateTimeOffset due,
        DateTimeOffset? overdueSince)
    {
        var id = Guid.NewGuid();
        return new TaskRecord
        {
            Id = id, InstanceId = instanceId, DefinitionKey = scheme, BusinessKey = businessKey, ElementId = step, Name = step, CreatedAt = created,
            DueAt = due, OverdueSince = overdueSince, Status = TaskStatuses.Open,
            Candidates = [new TaskCandidate { TaskId = id, IsGroup = true, Value = group, Claimable = true, DueAt = due, CreatedAt = created, OverdueSince = overdueSince }],
        };
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
