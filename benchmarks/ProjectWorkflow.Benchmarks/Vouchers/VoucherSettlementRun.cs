using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Hangfire;
using Hangfire.Common;
using Hangfire.States;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using ProjectWorkflow.Application;
using ProjectWorkflow.Application.Ledger;
using ProjectWorkflow.Application.Payments;
using ProjectWorkflow.Application.Persistence;
using ProjectWorkflow.Application.Schemes;
using ProjectWorkflow.Application.Vouchers;
using ProjectWorkflow.Application.Workflows;
using ProjectWorkflow.Application.Workflows.Instances;
using ProjectWorkflow.Engine.Runtime;
using ProjectWorkflow.Funding;
using ProjectWorkflow.Funding.Calendar;
using ProjectWorkflow.Funding.Enterprises;
using ProjectWorkflow.Funding.Ledger;
using ProjectWorkflow.Funding.Vouchers;
using ServiceProvider = ProjectWorkflow.Funding.Vouchers.ServiceProvider;

namespace ProjectWorkflow.Benchmarks.Vouchers;

/// <summary>
/// Issue #13's speed figure: a quarterly settlement of <c>--claims</c> (10,000) redemption claims across
/// <c>--providers</c> (500) providers, on SQLite (a fresh file) and on PostgreSQL when <c>--postgres</c> names a server.
/// <c>voucher-settlement [--claims 10000] [--providers 500] [--postgres "Host=...;Username=..."]</c>.
/// The claims are arranged straight through the domain (team quotas granted and reserved in the voucher budget, orders
/// accepted and delivered, claims approved with their notice ended in the quarter that has ended, redeemed); then three
/// phases are timed through the use cases the app runs: the settlement run (one settlement and one process per provider),
/// the finance officer's release of each (its payment request goes to the outbox), and the treasury's confirmation of
/// each (the process books reserved → paid per quota). Exit 1 unless every claim is paid once and the ledger adds up.
/// "rows written" counts the rows of the voucher tables, process instances and tasks, outbox and ledger entries a phase
/// adds or updates (journal, audit and ledger postings not counted).
/// </summary>
internal static class VoucherSettlementRun
{
    private const string Scheme = "innovation-voucher";
    private const int ClaimsPerQuota = 10;
    private static readonly Actor Finance = Actor.User("bench-finance", "finance");

    public static async Task<int> RunAsync(string[] args)
    {
        Machine.Describe();
        var claims = int.Parse(Option(args, "--claims") ?? "10000", CultureInfo.InvariantCulture);
        var providers = int.Parse(Option(args, "--providers") ?? "500", CultureInfo.InvariantCulture);
        var targets = new List<(string Provider, string? Connection)> { (DatabaseProvider.Sqlite, null) };
        if (Option(args, "--postgres") is { } postgres) targets.Add((DatabaseProvider.PostgreSql, postgres));
        Console.WriteLine($"# {claims:N0} claims across {providers:N0} providers ({claims / providers} each), {ClaimsPerQuota} claims per team quota");
        Console.WriteLine($"{"database",-11} {"phase",-34} {"seconds",8} {"claims/s",10} {"rows written",13} {"rows/s",9}");
        var failures = 0;
        foreach (var (provider, connection) in targets)
        {
            await using var app = await App.StartAsync(provider, connection);
            failures += await app.RunAsync(claims, providers);
        }
        Console.WriteLine($"# load after: {Machine.LoadAverage()}");
        return failures == 0 ? 0 : 1;
    }

    private static string? Option(string[] args, string name)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }

    private sealed class App(Microsoft.Extensions.DependencyInjection.ServiceProvider services, string provider, string? dataDirectory) : IAsyncDisposable
    {
        public static async Task<App> StartAsync(string provider, string? server)
        {
            var dataDirectory = Directory.CreateTempSubdirectory("projectworkflow-voucher-bench-").FullName;
            string? connection = null;
            if (server is not null)
                connection = new Npgsql.NpgsqlConnectionStringBuilder(server) { Database = $"pw_voucher_bench_{Guid.NewGuid():N}" }.ConnectionString;
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
            collection.AddSingleton<IBackgroundJobClient, NoJobs>();
            var built = collection.BuildServiceProvider();
            await using var scope = built.CreateAsyncScope();
            var sp = scope.ServiceProvider;
            var db = sp.GetRequiredService<ProjectWorkflowDbContext>();
            await db.Database.MigrateAsync();
            // The voucher rules and budgets of this year (as the demo seeds them, from the clock) and every workflow file.
            await sp.GetRequiredService<VoucherSchemeSeed>().SeedAsync(CancellationToken.None, new DemoYears(ShanghaiDate.Of(DateTimeOffset.UtcNow).Year, false));
            await sp.GetRequiredService<DeployWorkflowFiles>().HandleAsync(WorkflowsDirectory(), CancellationToken.None);
            return new App(built, provider, dataDirectory);
        }

        private static string WorkflowsDirectory()
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
                if (File.Exists(Path.Combine(dir.FullName, "workflows", "voucher-settlement.bpmn"))) return Path.Combine(dir.FullName, "workflows");
            throw new InvalidOperationException("The repository's workflows/ folder was not found above the benchmark's folder.");
        }

        public async Task<int> RunAsync(int claimCount, int providerCount)
        {
            var year = ShanghaiDate.Of(DateTimeOffset.UtcNow).Year;
            var watch = Stopwatch.StartNew();
            var (expectedFen, quotaCount, grantedFen) = await ArrangeAsync(claimCount, providerCount, year);
            Report("arrange (not the measure)", watch.Elapsed, claimCount, claimCount * 2 + quotaCount * 2 + providerCount);

            // 1. The quarterly run: one settlement (payment order) and one process per provider, every claim on one.
            watch.Restart();
            var run = await InScopeAsync(sp => sp.GetRequiredService<OpenSettlements>().RunForAsync(null, CancellationToken.None));
            Report("open settlements (quarterly run)", watch.Elapsed, claimCount, claimCount + run.Opened.Count * 2);

            // 2. Finance releases each: its payment request goes to the treasury through the outbox.
            watch.Restart();
            foreach (var settlement in run.Opened)
                await InScopeAsync(sp => sp.GetRequiredService<ReleaseSettlement>().HandleAsync(settlement.Id, Finance, CancellationToken.None));
            Report("release (finance, one by one)", watch.Elapsed, claimCount, run.Opened.Count * 3);

            // 3. The treasury confirms each: claims paid, the budget books reserved → paid per quota.
            var keys = await InScopeAsync(sp => sp.GetRequiredService<ProjectWorkflowDbContext>().Set<VoucherSettlement>().AsNoTracking().ToListAsync());
            // One pay entry (and one quota update) per settlement and quota it pays.
            var pairs = await InScopeAsync(sp => sp.GetRequiredService<ProjectWorkflowDbContext>().Set<RedemptionClaim>()
                .Select(c => new { c.SettlementId, c.QuotaId }).Distinct().CountAsync());
            watch.Restart();
            foreach (var key in keys)
                await InScopeAsync(sp => sp.GetRequiredService<DeliverMessage>().HandleAsync(new DeliverMessageRequest(PaymentSettledConsumer.MessageName,
                    OpenSettlements.BusinessKeyOf(key), new JsonObject
                    {
                        ["paymentStatus"] = "confirmed", ["paymentKey"] = key.PaymentKey, ["bankReference"] = $"BANK-{key.Id:N}"[..20], ["reason"] = null,
                    }), new Actor("treasury", []), CancellationToken.None));
            Report("pay (treasury confirmations)", watch.Elapsed, claimCount, claimCount * 2 + pairs * 2 + keys.Count * 2);

            return await CheckAsync(run.Opened.Count, providerCount, claimCount, expectedFen, grantedFen * quotaCount, year);
        }

        private async Task<int> CheckAsync(int opened, int providerCount, int claimCount, long expectedFen, long reservedAtGrantFen, int year)
        {
            var failures = new List<string>();
            await InScopeAsync<int>(async sp =>
            {
                var db = sp.GetRequiredService<ProjectWorkflowDbContext>();
                if (opened != providerCount) failures.Add($"{opened} settlements opened, {providerCount} expected");
                var settlements = await db.Set<VoucherSettlement>().AsNoTracking().ToListAsync();
                if (settlements.Count(s => s.Status == VoucherSettlementStatus.Paid) != providerCount) failures.Add("not every settlement is paid");
                if (settlements.Sum(s => s.AmountFen) != expectedFen) failures.Add($"settlements total {settlements.Sum(s => s.AmountFen)} fen, claims {expectedFen}");
                var paidClaims = await db.Set<RedemptionClaim>().CountAsync(c => c.Status == RedemptionClaimStatus.Paid && c.SettlementId != null);
                if (paidClaims != claimCount) failures.Add($"{paidClaims} claims paid, {claimCount} expected");
                var budget = await db.Set<Budget>().AsNoTracking().SingleAsync(b => b.Kind == BudgetKinds.Voucher && b.OwnerKey == Scheme && b.Year == year);
                if (budget.PaidFen != expectedFen) failures.Add($"the budget paid {budget.PaidFen} fen, {expectedFen} expected");
                if (budget.ReservedFen != reservedAtGrantFen - expectedFen) failures.Add($"the budget holds {budget.ReservedFen} fen reserved, {reservedAtGrantFen - expectedFen} expected");
                var payEntries = await db.Set<LedgerEntry>().CountAsync(e => e.Kind == LedgerEntryKinds.Pay && e.BudgetId == budget.Id);
                var unbalanced = await db.Set<LedgerEntryPosting>().Where(p => p.BudgetId == budget.Id).GroupBy(p => p.EntryId)
                    .Where(g => g.Sum(p => p.AmountFen) != 0).CountAsync();
                if (unbalanced != 0) failures.Add($"{unbalanced} unbalanced ledger entries");
                Console.WriteLine($"{provider,-11} # check: {settlements.Count} settlements, {paidClaims:N0} claims paid, {payEntries:N0} pay entries, "
                                  + $"paid {new Money(budget.PaidFen)}, still reserved {new Money(budget.ReservedFen)}; {(failures.Count == 0 ? "ok" : "FAIL: " + string.Join("; ", failures))}");
                return 0;
            });
            return failures.Count == 0 ? 0 : 1;
        }

        /// <summary>Providers, team quotas granted and reserved, orders, claims redeemed in the quarter that ended. Returns the claims' total.</summary>
        private async Task<(long ExpectedFen, int Quotas, long GrantedFen)> ArrangeAsync(int claimCount, int providerCount, int year)
        {
            var today = ShanghaiDate.Of(DateTimeOffset.UtcNow);
            var approvedOn = new DateOnly(today.Year, (today.Month - 1) / 3 * 3 + 1, 1).AddMonths(-3).AddDays(5);
            var providerIds = new List<Guid>();
            await InScopeAsync<int>(async sp =>
            {
                var db = sp.GetRequiredService<ProjectWorkflowDbContext>();
                var now = DateTimeOffset.UtcNow;
                for (var p = 0; p < providerCount; p++)
                {
                    var code = $"9131{p:D9}BENCH"[..17];
                    var provider = ServiceProvider.Register(Uscc.Parse(code + Uscc.CheckCharacter(code)), $"Bench Lab {p:D4}", $"Lab Head {p:D4}", null,
                        "Bank of Shanghai", $"6222{p:D12}", $"bench-provider-{p:D4}", now);
                    provider.Vet("bench-admin", now);
                    db.Add(provider);
                    providerIds.Add(provider.Id);
                }
                return await db.SaveChangesAsync();
            });

            var quotaCount = (claimCount + ClaimsPerQuota - 1) / ClaimsPerQuota;
            const long granted = 4_000_000;
            long expected = 0;
            var claim = 0;
            for (var batch = 0; batch < quotaCount; batch += 50)
            {
                expected += await InScopeAsync(async sp =>
                {
                    var db = sp.GetRequiredService<ProjectWorkflowDbContext>();
                    var ledger = sp.GetRequiredService<FundLedger>();
                    var rules = await sp.GetRequiredService<VoucherRuleSets>().ForAsync(Scheme, year, CancellationToken.None);
                    var budget = (await ledger.FindBudgetAsync(BudgetKinds.Voucher, Scheme, year, CancellationToken.None))!;
                    var providers = await db.Set<ServiceProvider>().ToDictionaryAsync(p => p.Id);
                    var now = DateTimeOffset.UtcNow;
                    long total = 0;
                    for (var q = batch; q < Math.Min(batch + 50, quotaCount); q++)
                    {
                        var applicant = new VoucherApplicant(VoucherApplicantKind.Team, new VoucherParty(null, $"Team Leader {q:D5}", null), null,
                            $"Bench Team {q:D5}", "incubator", [$"B{q:D6}A", $"B{q:D6}B", $"B{q:D6}C"]);
                        var quota = VoucherQuota.Apply(rules, $"IVQ-{year}-B{q:D7}", applicant, null, $"Bench Team {q:D5}", new Money(granted), Money.Zero, [], "bench-team", now);
                        quota.Grant(new Money(granted), rules.AnnualCapFor(VoucherApplicantKind.Team), Money.Zero, "bench-approver", null, now);
                        db.Add(quota);
                        ledger.Add(budget, budget.Reserve(quota.Id, quota.Granted, await ledger.ProjectAsync(quota.Id, CancellationToken.None),
                            ledger.Booking($"voucher-grant:{quota.Id:N}", "bench-approver", $"bench quota {quota.Number}")));
                        for (var k = 0; k < ClaimsPerQuota && claim < claimCount; k++, claim++)
                        {
                            var share = 300_000L + claim % 97;
                            var provider = providers[providerIds[claim % providerCount]];
                            var order = VoucherOrder.Place(rules, quota, provider, $"IVO-{year}-B{claim:D7}", "product-testing", new Money(share * 2 + 1), new Money(share),
                                "bench-team", approvedOn.AddDays(-20), now);
                            order.Accept(provider.RegisteredBy, now);
                            order.Deliver($"Report B{claim:D7}", now);
                            order.ConfirmDelivery("bench-team", now);
                            var redemption = RedemptionClaim.Submit(order, $"IVC-{year}-B{claim:D7}", $"BENCH-{year}-{claim:D8}", null, "Contract", "Bank slip", null, provider.RegisteredBy, now);
                            redemption.Approve("bench-approver", null, rules.NoticeDays, approvedOn, now);
                            redemption.Redeem(order, approvedOn.AddDays(rules.NoticeDays + 1), now);
                            db.Add(order);
                            db.Add(redemption);
                            total += share;
                        }
                    }
                    await db.SaveChangesAsync();
                    return total;
                });
            }
            return (expected, quotaCount, granted);
        }

        private async Task<T> InScopeAsync<T>(Func<IServiceProvider, Task<T>> work)
        {
            await using var scope = services.CreateAsyncScope();
            return await work(scope.ServiceProvider);
        }

        private async Task InScopeAsync(Func<IServiceProvider, Task> work)
        {
            await using var scope = services.CreateAsyncScope();
            await work(scope.ServiceProvider);
        }

        private void Report(string phase, TimeSpan elapsed, int claims, int rows) =>
            Console.WriteLine($"{provider,-11} {phase,-34} {elapsed.TotalSeconds,8:N1} {claims / elapsed.TotalSeconds,10:N0} {rows,13:N0} {rows / elapsed.TotalSeconds,9:N0}");

        public async ValueTask DisposeAsync()
        {
            if (provider == DatabaseProvider.PostgreSql)
                await using (var scope = services.CreateAsyncScope())
                    await scope.ServiceProvider.GetRequiredService<ProjectWorkflowDbContext>().Database.EnsureDeletedAsync();
            await services.DisposeAsync();
            Npgsql.NpgsqlConnection.ClearAllPools();
            if (dataDirectory is not null) Directory.Delete(dataDirectory, recursive: true);
        }
    }

    private sealed class BenchEnvironment : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = "Production";
        public string ApplicationName { get; set; } = "ProjectWorkflow.Benchmarks";
        public string ContentRootPath { get; set; } = AppContext.BaseDirectory;
        public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
    }

    /// <summary>The settlement process schedules no timer; a quota process is never started here.</summary>
    private sealed class NoJobs : IBackgroundJobClient
    {
        public string Create(Job job, IState state) => Guid.NewGuid().ToString("N");
        public bool ChangeState(string jobId, IState state, string expectedState) => true;
    }
}
