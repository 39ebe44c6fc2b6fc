using Microsoft.Extensions.DependencyInjection;

namespace ProjectWorkflow.Application.Seeding;

public static class SeedingRegistration
{
    /// <summary>The roles every database gets, and the demo data only the local demo run gets (see <see cref="DemoDataRule"/>).</summary>
    public static IServiceCollection AddSeeding(this IServiceCollection services)
    {
        services.AddScoped<RoleSeeder>();
        services.AddScoped<DemoDataSeeder>();
        services.AddScoped<DemoExpertPoolSeed>();
        services.AddScoped<DemoDataRule>();
        return services;
    }
}
