using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Running;
using ProjectWorkflow.Benchmarks;

// no arguments (or BenchmarkDotNet arguments) → every benchmark through BenchmarkSwitcher;
// "latency" → approval → next-step latency percentiles; "persisted" → commands/s on a real database against its commit rate;
// "voucher-settlement" → a quarter's voucher settlement (10,000 claims, 500 providers) on SQLite and PostgreSQL;
// "inbox" → the reviewers' task inbox with 5,000 open tasks in a group (queries' median and p95) on SQLite;
// "http" → the real host under 16 clients finding, claiming and completing tasks, 10k/100k instances stored;
// "scale" → 10k/100k/1M instances by bulk insert: inbox, search and journal p50/p99 with their query plans; "--quick" → a few-second smoke of each scenario.
return args switch
{
    ["latency", .. var rest] => await LatencyRun.RunAsync(rest),
    ["persisted", .. var rest] => await ProjectWorkflow.Benchmarks.Persisted.PersistedRun.RunAsync(rest),
    ["voucher-settlement", .. var rest] => await ProjectWorkflow.Benchmarks.Vouchers.VoucherSettlementRun.RunAsync(rest),
    ["inbox", .. var rest] => await ProjectWorkflow.Benchmarks.Inbox.InboxRun.RunAsync(rest),
    ["scale", .. var rest] => await ProjectWorkflow.Benchmarks.Scale.ScaleRun.RunAsync(rest),
    ["http", .. var rest] => await ProjectWorkflow.Benchmarks.Http.HttpRun.RunAsync(rest),
    ["--quick", ..] => await QuickRun.RunAsync(),
    _ => RunBenchmarks(args),
};

static int RunBenchmarks(string[] args)
{
    Machine.Describe();
    Console.WriteLine($"# WorkflowCore: {WorkflowCoreSettings.Default}");
    // Results go next to the project (bin/Release/net10.0 → three levels up), not wherever the command ran.
    var artifacts = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "BenchmarkDotNet.Artifacts"));
    var config = DefaultConfig.Instance.WithArtifactsPath(artifacts);
    var summaries = BenchmarkSwitcher.FromAssembly(typeof(EngineComparison).Assembly)
        .Run(args.Length == 0 ? ["--filter", "*"] : args, config);
    Console.WriteLine($"# load after: {Machine.LoadAverage()}; results in {artifacts}");
    return summaries.Any(s => s.HasCriticalValidationErrors || s.Reports.Any(r => !r.Success)) ? 1 : 0;
}

namespace ProjectWorkflow.Benchmarks
{
    internal static class Machine
    {
        public static void Describe()
        {
            Console.WriteLine($"# {RuntimeInformation.FrameworkDescription}, {RuntimeInformation.OSDescription}, {Environment.ProcessorCount} logical CPUs, " +
                              $"Server GC={System.Runtime.GCSettings.IsServerGC}, load: {LoadAverage()}");
#if DEBUG
            Console.WriteLine("# WARNING: Debug build; measure with -c Release.");
#endif
        }

        public static string LoadAverage() =>
            File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";
    }

    /// <summary>Runs each scenario briefly on both engines and fails unless every instance completed.</summary>
    internal static class QuickRun
    {
        public static async Task<int> RunAsync()
        {
            Machine.Describe();
            var failures = 0;
            async Task Check(string name, int expected, Func<Task<int>> run)
            {
                var watch = Stopwatch.StartNew();
                int completed;
                try { completed = await run(); }
                catch (Exception e) { Console.WriteLine($"FAIL {name}: {e.GetType().Name}: {e.Message}"); failures++; return; }
                var rate = completed / watch.Elapsed.TotalSeconds;
                var ok = completed == expected;
                if (!ok) failures++;
                Console.WriteLine($"{(ok ? "ok  " : "FAIL")} {name,-28} {completed,6}/{expected,-6} {rate,12:N0} instances/s (smoke, not a measurement)");
            }

            var ours = new OurEngineRunner();
            await Check("ProjectWorkflow simple", 5_000, () => ours.RunSimpleBatchAsync(5_000));
            await Check("ProjectWorkflow approval", 1_000, () => ours.RunApprovalBatchAsync(1_000));
            if (ours.StoredInstances != 0) { Console.WriteLine($"FAIL ProjectWorkflow store still holds {ours.StoredInstances} instances"); failures++; }

            Console.WriteLine($"# WorkflowCore: {WorkflowCoreSettings.Default}");
            using (var core = new WorkflowCoreRunner())
                await Check("WorkflowCore simple", 500, () => core.RunSimpleBatchAsync(500, TimeSpan.FromSeconds(60)));
            using (var core = new WorkflowCoreRunner())
                await Check("WorkflowCore approval", 100, () => core.RunApprovalBatchAsync(100, concurrency: 100, timeout: TimeSpan.FromSeconds(60)));

            Console.WriteLine(failures == 0 ? "quick: all scenarios completed every instance" : $"quick: {failures} failure(s)");
            return failures == 0 ? 0 : 1;
        }
    }

    /// <summary>
    /// Latency from an approval to the next step being ready: N approval instances (4 approvals each) per
    /// engine. Ours: CompleteAsync + Save on the calling thread. WorkflowCore: PublishEvent until the
    /// instance has saved its next event subscription (or its completion), first with one instance in
    /// flight, then with many; a fresh host every <c>--host-batch</c> instances.
    /// </summary>
    internal static class LatencyRun
    {
        public static async Task<int> RunAsync(string[] args)
        {
            var n = Option(args, "--n", 2_000);
            var hostBatch = Option(args, "--host-batch", 500);
            var concurrencies = (OptionText(args, "--wf-concurrency") ?? "1,100").Split(',').Select(int.Parse).ToArray();
            Machine.Describe();
            Console.WriteLine($"# Stopwatch frequency {Stopwatch.Frequency:N0} Hz; N={n} approval instances per engine (4 approvals each)");
            Console.WriteLine($"# WorkflowCore: {WorkflowCoreSettings.Default}; fresh host every {hostBatch} instances");
            Console.WriteLine();
            Console.WriteLine($"{"engine",-38} {"samples",8} {"mean",10} {"p50",10} {"p90",10} {"p99",10} {"max",10} {"inst/s",10}");

            // Ours: a warm-up pass (long enough for tiered JIT to settle), then the measured one; the store forgets each batch.
            var ours = new OurEngineRunner();
            await WarmUp(ours);
            var failures = 0;
            {
                var samples = new List<long>(n * 4);
                var watch = Stopwatch.StartNew();
                var done = 0;
                for (var left = n; left > 0; left -= hostBatch)
                    done += await ours.RunApprovalBatchAsync(Math.Min(left, hostBatch), samples);
                Print("ProjectWorkflow (1 thread)", samples, done / watch.Elapsed.TotalSeconds);
                if (done != n) { Console.WriteLine($"FAIL: ProjectWorkflow completed {done} of {n}"); failures++; }
            }
            foreach (var withdraw in new[] { false })
            {
                // Diagnostic: the same without the withdraw snapshot taken at each completion.
                var lean = new OurEngineRunner(new ProjectWorkflow.Engine.WorkflowEngineOptions { EnableWithdraw = withdraw });
                await WarmUp(lean);
                var samples = new List<long>(n * 4);
                var watch = Stopwatch.StartNew();
                var done = 0;
                for (var left = n; left > 0; left -= hostBatch)
                    done += await lean.RunApprovalBatchAsync(Math.Min(left, hostBatch), samples);
                Print("ProjectWorkflow (1 thread, no withdraw)", samples, done / watch.Elapsed.TotalSeconds);
            }

            using (var warm = new WorkflowCoreRunner())
                await warm.RunApprovalBatchAsync(500, concurrency: 50);
            foreach (var concurrency in concurrencies)
            {
                var samples = new List<long>(n * 4);
                var watch = Stopwatch.StartNew();
                var done = 0;
                for (var left = n; left > 0; left -= hostBatch)
                {
                    using var core = new WorkflowCoreRunner();
                    done += await core.RunApprovalBatchAsync(Math.Min(left, hostBatch), concurrency, samples);
                }
                Print($"WorkflowCore ({concurrency} in flight)", samples, done / watch.Elapsed.TotalSeconds);
                if (done != n) { Console.WriteLine($"FAIL: WorkflowCore completed {done} of {n}"); failures++; }
            }
            Console.WriteLine("# inst/s here is incidental (one thread, timing calls, GC pauses included); throughput is measured by the BenchmarkDotNet run.");
            Console.WriteLine($"# load after: {Machine.LoadAverage()}");
            return failures == 0 ? 0 : 1;
        }

        /// <summary>
        /// Runs approvals for at least 5 s, then pauses: with tiered PGO the hot paths go through an
        /// instrumented tier first, and a short warm-up measures that (×2–3 slower) instead of steady state.
        /// </summary>
        private static async Task WarmUp(OurEngineRunner runner)
        {
            var watch = Stopwatch.StartNew();
            while (watch.Elapsed < TimeSpan.FromSeconds(5)) await runner.RunApprovalBatchAsync(500);
            await Task.Delay(500); // let the background tier-1 compilations finish
        }

        private static void Print(string name, List<long> ticks, double rate)
        {
            ticks.Sort();
            string At(double q) => Format(ticks[Math.Min(ticks.Count - 1, (int)Math.Ceiling(q * ticks.Count) - 1)]);
            var mean = (long)ticks.Average();
            Console.WriteLine($"{name,-38} {ticks.Count,8} {Format(mean),10} {At(0.50),10} {At(0.90),10} {At(0.99),10} {Format(ticks[^1]),10} {rate,10:N0}");
        }

        private static string Format(long ticks)
        {
            var us = ticks * 1_000_000.0 / Stopwatch.Frequency;
            return us < 1_000 ? $"{us.ToString("0.0", CultureInfo.InvariantCulture)} µs" : $"{(us / 1000).ToString("0.00", CultureInfo.InvariantCulture)} ms";
        }

        private static string? OptionText(string[] args, string name)
        {
            var i = Array.IndexOf(args, name);
            return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
        }

        private static int Option(string[] args, string name, int fallback) =>
            OptionText(args, name) is { } text ? int.Parse(text, CultureInfo.InvariantCulture) : fallback;
    }
}
