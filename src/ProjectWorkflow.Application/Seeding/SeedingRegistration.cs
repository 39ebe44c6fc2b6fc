using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace ProjectWorkflow.Application.Seeding;

public static class SeedingRegistration
{
    /// <summary>The file of a <see cref="RehearsalClock"/>'s shift.</summary>
    public const string RehearsalClockSetting = "Clock:ShiftFile";

    /// <summary>The roles every database gets, and the demo data only the local demo run gets (see <see cref="DemoDataRule"/>).</summary>
    public static IServiceCollection AddSeeding(this IServiceCollection services, IConfiguration configuration)
    {
        // The demo applications backdate one walk (see DemoClock); the app's clock is then the demo's.
        if (configuration.GetValue("Seed:DemoData", false) && configuration.GetValue("Seed:DemoApplications", false))
        {
            services.AddSingleton<DemoClock>();
            services.AddSingleton<TimeProvider>(provider => provider.GetRequiredService<DemoClock>());
        }
        // A rehearsal on several nodes moves their clocks together (Development only: see DemoDataRule.SettingsProblem).
        else if (configuration[RehearsalClockSetting] is { Length: > 0 } shiftFile)
        {
            services.AddSingleton(new RehearsalClock(shiftFile));
            services.AddSingleton<TimeProvider>(provider => provider.GetRequiredService<RehearsalClock>());
        }
        services.AddScoped<RoleSeeder>();
        services.AddScoped<DemoDataSeeder>();
        services.AddScoped<DemoExpertPoolSeed>();
        services.AddScoped<DemoDataRule>();
        services.AddScoped<DemoApplications>();
        return services;
    }
}
