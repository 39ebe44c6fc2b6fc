using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using ProjectWorkflow.Application.Persistence;

namespace ProjectWorkflow.Web.Health;

/// <summary><c>/health/live</c>: the process answers. <c>/health/ready</c>: it may take traffic.</summary>
public static class HealthSetup
{
    /// <summary>The tag of the checks <c>/health/ready</c> runs; other parts of the host add theirs with it.</summary>
    public const string Ready = "ready";

    public static IServiceCollection AddStartupAndHealth(this IServiceCollection services)
    {
        services.AddSingleton<StartupGate>();
        // First of the hosted services: data protection's reads the key ring (in the database) as the host starts and
        // waits for the schema, so migrating must already be under way (a BackgroundService does not hold up the start).
        services.Insert(0, ServiceDescriptor.Singleton<IHostedService, DatabaseStartup>());
        services.AddHealthChecks()
            .AddCheck<StartupGateHealthCheck>("startup", tags: [Ready])
            .AddDbContextCheck<ProjectWorkflowDbContext>("database", tags: [Ready]);
        return services;
    }

    public static WebApplication MapHealth(this WebApplication app)
    {
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false })
            .AllowAnonymous()
            .ExcludeFromDescription();
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = check => check.Tags.Contains(Ready) })
            .AllowAnonymous()
            .ExcludeFromDescription();
        return app;
    }
}
