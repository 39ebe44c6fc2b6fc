using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace ProjectWorkflow.Application.Persistence;

public static class PersistenceRegistration
{
    /// <summary>
    /// The DbContext for <c>Database:Provider</c> (Sqlite | SqlServer | PostgreSql) with
    /// <c>ConnectionStrings:ProjectWorkflow</c>, and the start-up initialisation (migrations, roles, demo data).
    /// </summary>
    public static IServiceCollection AddPersistence(this IServiceCollection services, IConfiguration configuration)
    {
        // Read when the options are first built, not now: hosts and test factories may
        // still be adding configuration sources while services are registered. Singleton
        // options: built once, not per request.
        services.AddDbContext<ProjectWorkflowDbContext>(
            (provider, options) =>
            {
                var config = provider.GetService<IConfiguration>() ?? configuration;
                DatabaseProvider.Configure(
                    options,
                    config["Database:Provider"],
                    config.GetConnectionString(DependencyInjection.ConnectionStringName),
                    DataDirectory.Resolve(config));
            },
            contextLifetime: ServiceLifetime.Scoped,
            optionsLifetime: ServiceLifetime.Singleton);
        services.AddSingleton<DatabaseReady>();
        services.AddScoped<DatabaseInitializer>();
        return services;
    }
}
