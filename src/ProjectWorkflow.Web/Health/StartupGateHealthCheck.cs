using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ProjectWorkflow.Web.Health;

internal sealed class StartupGateHealthCheck(StartupGate gate) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(gate.IsOpen
            ? HealthCheckResult.Healthy("Migrations and seeding are done.")
            : HealthCheckResult.Unhealthy("Still migrating or seeding the database."));
}
