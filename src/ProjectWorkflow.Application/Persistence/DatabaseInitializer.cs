using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using ProjectWorkflow.Application.Seeding;
using ProjectWorkflow.Application.Workflows;
using ProjectWorkflow.Application.Schemes;
using ProjectWorkflow.Application.Enterprises;

namespace ProjectWorkflow.Application.Persistence;

/// <summary>What has to happen before the application may serve: schema, roles, demo data, workflow definitions.</summary>
public sealed class DatabaseInitializer(
    ProjectWorkflowDbContext db,
    RoleSeeder roles,
    DemoDataSeeder demoData,
    DeployWorkflowFiles workflows,
    SchemeSeed schemes,
    DemoEnterpriseSeed demoEnterprise,
    IConfiguration configuration,
    DatabaseReady ready,
    ILogger<DatabaseInitializer> logger)
{
    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        logger.LogInformation("Migrating the {Provider} database", db.Database.ProviderName);
        await db.Database.MigrateAsync(cancellationToken);

        await roles.SeedAsync();
        await schemes.SeedAsync(cancellationToken);

        if (configuration.GetValue("Seed:DemoData", false))
        {
            logger.LogInformation("Seeding demo data (Seed:DemoData is true)");
            await demoData.SeedAsync();
            await demoEnterprise.SeedAsync(cancellationToken);
        }

        await workflows.HandleAsync(WorkflowFiles.Directory(configuration), cancellationToken);
        ready.Signal();
    }
}
