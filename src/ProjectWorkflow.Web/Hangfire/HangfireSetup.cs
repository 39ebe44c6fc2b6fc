using global::Hangfire;
using global::Hangfire.AspNetCore;
using Microsoft.Extensions.Options;
using ProjectWorkflow.Web.Health;

namespace ProjectWorkflow.Web.Hangfire;

/// <summary>
/// Hangfire in the host: storage chosen by the database provider, the job server (when
/// <c>Hangfire:Server</c> is true) started once the database is ready, and the dashboard at
/// <c>/hangfire</c> for administrators. The jobs and the checks themselves live in the Application project.
/// </summary>
public static class HangfireSetup
{
    public const string DashboardPath = "/hangfire";

    public static IServiceCollection AddHangfireJobs(this IServiceCollection services)
    {
        services.AddOptions<HangfireSettings>().BindConfiguration(HangfireSettings.Section);

        // Registered before AddHangfire, whose defaults would take the storage and job activator from
        // Hangfire's process-wide statics: with several apps in one process (the web tests) one app's jobs
        // would run in another's container. Lazily built: PostgreSQL's schema is installed on first use.
        services.AddSingleton<JobStorage>(provider =>
            HangfireStorage.Create(provider.GetRequiredService<IConfiguration>(), provider.GetRequiredService<IOptions<HangfireSettings>>().Value));
        services.AddSingleton<JobActivator>(provider => new AspNetCoreJobActivator(provider.GetRequiredService<IServiceScopeFactory>()));
        services.AddHangfire((provider, configuration) => configuration
            .UseLogProvider(new HangfireLogging(provider.GetRequiredService<ILoggerFactory>()))
            .SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
            .UseSimpleAssemblyNameTypeSerializer()
            .UseRecommendedSerializerSettings());

        services.AddSingleton<HangfireReadiness>();
        services.AddHostedService<HangfireStartup>();
        services.AddHealthChecks().AddCheck<HangfireReadiness>("hangfire", tags: [HealthSetup.Ready]);
        return services;
    }

    public static WebApplication MapJobsDashboard(this WebApplication app)
    {
        app.MapHangfireDashboard(DashboardPath, new DashboardOptions
        {
            // Replaces Hangfire's default (local requests only) rather than adding to it.
            Authorization = [new AdministratorsOnly()],
            DashboardTitle = "ProjectWorkflow jobs",
            AppPath = "/",
            DisplayStorageConnectionString = false,
        }).ExcludeFromDescription();
        return app;
    }
}
