using System.Net;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using ProjectWorkflow.Web.Health;
using ProjectWorkflow.Web.Tests.Fixtures;

namespace ProjectWorkflow.Web.Tests;

[Collection(PortalAppCollection.Name)]
public sealed class HealthTests(PortalApp app)
{
    [Fact]
    public async Task Operator_SeesLiveAndReady_OnceMigratedAndSeeded()
    {
        using var client = app.CreateAnonymousClient();

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/live")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/ready")).StatusCode);
    }

    [Fact]
    public async Task StartupGate_IsUnhealthy_UntilOpened()
    {
        var gate = new StartupGate();
        var check = new StartupGateHealthCheck(gate);

        Assert.Equal(HealthStatus.Unhealthy, (await check.CheckHealthAsync(new HealthCheckContext())).Status);
        gate.Open();
        Assert.Equal(HealthStatus.Healthy, (await check.CheckHealthAsync(new HealthCheckContext())).Status);
    }
}
