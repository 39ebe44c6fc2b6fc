using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace ProjectWorkflow.Benchmarks;

/// <summary>Instances completed per second: 1 / (mean time per operation), an operation being one instance.</summary>
public sealed class InstancesPerSecondColumn : IColumn
{
    public string Id => "InstancesPerSecond";
    public string ColumnName => "Instances/s";
    public bool AlwaysShow => true;
    public ColumnCategory Category => ColumnCategory.Custom;
    public int PriorityInCategory => 0;
    public bool IsNumeric => true;
    public UnitType UnitType => UnitType.Dimensionless;
    public string Legend => "Instances completed per second (1 s / Mean)";
    public bool IsAvailable(Summary summary) => true;
    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;
    public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, SummaryStyle.Default);

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style) =>
        summary[benchmarkCase]?.ResultStatistics is { Mean: > 0 } s ? (1e9 / s.Mean).ToString("N0", System.Globalization.CultureInfo.InvariantCulture) : "-";
}

/// <summary>
/// One short job for both engines: 1 launch, 3 warm-up and 10 measured iterations, each iteration one
/// invocation (WorkflowCore needs a fresh host per iteration, set up outside the measurement).
/// </summary>
public sealed class BenchConfig : ManualConfig
{
    public BenchConfig()
    {
        AddJob(Job.Default
            .WithLaunchCount(1).WithWarmupCount(3).WithIterationCount(10)
            .WithInvocationCount(1).WithUnrollFactor(1)
            .WithId("short"));
        AddDiagnoser(MemoryDiagnoser.Default);
        AddColumn(new InstancesPerSecondColumn());
        SummaryStyle = SummaryStyle.Default.WithRatioStyle(RatioStyle.Trend);
    }
}

/// <summary>
/// Both engines on the same process, side by side. A benchmark operation is one instance run to its
/// end. Neither engine ever holds more than <see cref="Batch"/> instances: WorkflowCore runs one batch
/// per iteration on a fresh host (created and stopped outside the measurement); our engine runs
/// <c>OurBatches</c> batches per iteration and its store forgets each batch's instances when done.
/// </summary>
[Config(typeof(BenchConfig))]
public abstract class EngineComparison
{
    public const int Batch = 1_000;

    protected OurEngineRunner Ours = null!;
    protected WorkflowCoreRunner? Core;

    [GlobalSetup]
    public void Setup() => Ours = new OurEngineRunner();

    [IterationSetup(Targets = [nameof(WorkflowCore)])]
    public void StartWorkflowCore() => Core = new WorkflowCoreRunner();

    [IterationCleanup(Targets = [nameof(WorkflowCore)])]
    public void StopWorkflowCore()
    {
        Core?.Dispose();
        Core = null;
    }

    public abstract Task<int> ProjectWorkflow();
    public abstract Task<int> WorkflowCore();

    protected static int Check(int completed, int expected) =>
        completed == expected ? completed : throw new InvalidOperationException($"Only {completed} of {expected} instances completed.");
}

/// <summary>start → service task → end.</summary>
public class SimpleProcess : EngineComparison
{
    private const int OurBatches = 50;

    [Benchmark(Baseline = true, OperationsPerInvoke = OurBatches * Batch)]
    public override async Task<int> ProjectWorkflow()
    {
        var completed = 0;
        for (var b = 0; b < OurBatches; b++) completed += await Ours.RunSimpleBatchAsync(Batch);
        return Check(completed, OurBatches * Batch);
    }

    [Benchmark(OperationsPerInvoke = Batch)]
    public override async Task<int> WorkflowCore() => Check(await Core!.RunSimpleBatchAsync(Batch), Batch);
}

/// <summary>Ten flow nodes with four approvals, each given as soon as its step is ready.</summary>
public class ApprovalProcess : EngineComparison
{
    private const int OurBatches = 10;

    [Benchmark(Baseline = true, OperationsPerInvoke = OurBatches * Batch)]
    public override async Task<int> ProjectWorkflow()
    {
        var completed = 0;
        for (var b = 0; b < OurBatches; b++) completed += await Ours.RunApprovalBatchAsync(Batch);
        return Check(completed, OurBatches * Batch);
    }

    /// <summary>Diagnostic: our engine without the withdraw (撤回) snapshot it takes at every completion.</summary>
    [Benchmark(OperationsPerInvoke = OurBatches * Batch)]
    public async Task<int> ProjectWorkflow_NoWithdraw()
    {
        var completed = 0;
        for (var b = 0; b < OurBatches; b++) completed += await _lean.RunApprovalBatchAsync(Batch);
        return Check(completed, OurBatches * Batch);
    }

    private readonly OurEngineRunner _lean = new(new ProjectWorkflow.Engine.WorkflowEngineOptions { EnableWithdraw = false });

    /// <summary>All instances of the batch in flight at once; each approval published as soon as its wait is saved.</summary>
    [Benchmark(OperationsPerInvoke = Batch)]
    public override async Task<int> WorkflowCore() => Check(await Core!.RunApprovalBatchAsync(Batch, concurrency: Batch), Batch);
}
