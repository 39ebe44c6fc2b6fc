using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using ProjectWorkflow.Application.Calendar;
using ProjectWorkflow.Application.Seeding;
using ProjectWorkflow.Application.Workflows;
using ProjectWorkflow.Application.Schemes;
using ProjectWorkflow.Application.Enterprises;

namespace ProjectWorkflow.Application.Persistence;

/// <summary>
/// What has to happen before the application may serve: schema, roles, demo data, workflow definitions. Outside the
/// Development environment demo data or the demo password stop the start (<see cref="DemoDataRule"/>).
/// </summary>
public sealed class DatabaseInitializer(
    ProjectWorkflowDbContext db,
    RoleSeeder roles,
    DemoDataSeeder demoData,
    DemoDataRule demoDataRule,
    DeployWorkflowFiles workflows,
    SchemeSeed schemes,
    HolidaySeed holidays,
    DemoEnterpriseSeed demoEnterprise,
    IConfiguration configuration,
    DatabaseReady ready,
    ILogger<DatabaseInitializer> logger)
{
    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        demoDataRule.EnsureSettingsAllowed();
        logger.LogInformation("Migrating the {Provider} database", db.Database.ProviderName);
        await db.Database.MigrateAsync(cancellationToken);

        await roles.SeedAsync();
        await holidays.SeedAsync(cancellationToken);
        await schemes.SeedAsync(cancellationToken);

        if (demoDataRule.SeedsDemoData)
        {
            logger.LogInformation("Seeding demo data (Seed:DemoData is true)");
            await demoData.SeedAsync();
            await demoEnterprise.SeedAsync(cancellationToken);
        }

        await demoDataRule.EnsureNoDemoPasswordAsync();

        await workflows.HandleAsync(WorkflowFiles.Directory(configuration), cancellationToken);
        ready.Signal();
    }
}
