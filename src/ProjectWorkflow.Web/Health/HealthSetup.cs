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
        services.AddHostedService<DatabaseStartup>();
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
