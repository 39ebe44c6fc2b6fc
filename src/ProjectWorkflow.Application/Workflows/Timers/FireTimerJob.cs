using Hangfire;

namespace ProjectWorkflow.Application.Workflows.Timers;

/// <summary>The delayed Hangfire job of one BPMN timer.</summary>
public sealed class FireTimerJob(FireTimer fireTimer)
{
    // A few quick retries for a passing database hiccup; after that the sweep fires the timer.
    [AutomaticRetry(Attempts = 3, DelaysInSeconds = new[] { 5, 15, 30 }, OnAttemptsExceeded = AttemptsExceededAction.Delete)]
    public Task RunAsync(Guid instanceId, Guid bookmarkId, CancellationToken cancellationToken) =>
        fireTimer.HandleAsync(instanceId, bookmarkId, cancellationToken);
}
