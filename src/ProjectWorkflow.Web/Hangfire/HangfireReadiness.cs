using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ProjectWorkflow.Web.Hangfire;

/// <summary>Part of readiness: the recurring checks are registered and, where configured, the job server runs.</summary>
public sealed class HangfireReadiness : IHealthCheck
{
    private volatile string? _started;

    public void Started(string what) => _started = what;

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(_started is { } what
            ? HealthCheckResult.Healthy(what)
            : HealthCheckResult.Unhealthy("Hangfire is not started yet: it waits for the database."));
}
