using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using ProjectWorkflow.Application.Audit;

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
        // Pooled: a context (with EF's own services behind it) is built once and reused by scope after scope, instead of
        // being built for every scope — several per request (the request's own, the idempotency record's, the dispatchers').
        services.AddPooledDbContextFactory<ProjectWorkflowDbContext>((provider, options) =>
        {
            var config = provider.GetService<IConfiguration>() ?? configuration;
            DatabaseProvider.Configure(
                options,
                config["Database:Provider"],
                config.GetConnectionString(DependencyInjection.ConnectionStringName),
                DataDirectory.Resolve(config));
        });
        // One context per scope, as before; disposing the scope gives it back to the pool.
        services.AddScoped(provider =>
        {
            var db = provider.GetRequiredService<IDbContextFactory<ProjectWorkflowDbContext>>().CreateDbContext();
            db.ServeScope(provider.GetService<AuditChain>());
            return db;
        });
        services.AddSingleton<DatabaseReady>();
        services.AddScoped<DatabaseInitializer>();
        return services;
    }
}
