using System.Diagnostics;
using Hangfire;
using Hangfire.Common;
using Hangfire.Server;

namespace ProjectWorkflow.Web.Telemetry;

/// <summary>
/// A span for every Hangfire job a node performs (<c>job Type.Method</c>, with the job id and an error status when it
/// throws), so a timer's job, the engine steps it runs and the database commands under them read as one trace.
/// </summary>
internal sealed class JobSpans : JobFilterAttribute, IServerFilter
{
    public const string SourceName = "ProjectWorkflow.Jobs";

    private const string SpanItem = "pw.telemetry.span";
    private static readonly ActivitySource Source = new(SourceName);
    private static int _registered;

    /// <summary>Hangfire's filters are process-wide: added once, whatever number of hosts a process builds.</summary>
    public static void RegisterOnce()
    {
        if (Interlocked.Exchange(ref _registered, 1) == 0) GlobalJobFilters.Filters.Add(new JobSpans());
    }

    public void OnPerforming(PerformingContext context)
    {
        var job = context.BackgroundJob.Job;
        var span = Source.StartActivity($"job {job.Type.Name}.{job.Method.Name}", ActivityKind.Internal);
        if (span is null) return;
        span.SetTag("hangfire.job.id", context.BackgroundJob.Id);
        span.SetTag("hangfire.job.type", job.Type.FullName);
        span.SetTag("hangfire.job.method", job.Method.Name);
        context.Items[SpanItem] = span;
    }

    public void OnPerformed(PerformedContext context)
    {
        if (!context.Items.TryGetValue(SpanItem, out var item) || item is not Activity span) return;
        if (context.Exception is { } exception) span.SetStatus(ActivityStatusCode.Error, exception.GetType().Name);
        span.Dispose();
    }
}
