using Hangfire;

namespace ProjectWorkflow.Application.ScheduledChecks;

/// <summary>The Hangfire job of a scheduled check: one call, no logic of its own.</summary>
public sealed class ScheduledCheckJob<TCheck>(TCheck check) where TCheck : IScheduledCheck
{
    // No retries: the next scheduled run is the retry, and failed runs would otherwise pile up
    // during an outage. The failure is logged by Hangfire.
    [AutomaticRetry(Attempts = 0, OnAttemptsExceeded = AttemptsExceededAction.Delete)]
    public Task RunAsync(CancellationToken cancellationToken) => check.RunAsync(cancellationToken);
}
