using Hangfire;

namespace ProjectWorkflow.Application.Workflows.Timers;

/// <summary>The delayed Hangfire job of one round of a timer start event.</summary>
public sealed class FireStartTimerJob(FireStartTimer fireStartTimer)
{
    // A few quick retries for a passing database hiccup; after that the sweep fires it.
    [AutomaticRetry(Attempts = 3, DelaysInSeconds = new[] { 5, 15, 30 }, OnAttemptsExceeded = AttemptsExceededAction.Delete)]
    public Task RunAsync(Guid startTimerId, CancellationToken cancellationToken) =>
        fireStartTimer.HandleAsync(startTimerId, cancellationToken);
}
