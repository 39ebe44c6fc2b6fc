using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using ProjectWorkflow.Application.Seeding;
using ProjectWorkflow.Application.Workflows;
using ProjectWorkflow.Application.Schemes;
using ProjectWorkflow.Application.Enterprises;
using ProjectWorkflow.Application.Vouchers;

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
    DemoEnterpriseSeed demoEnterprise,
    VoucherSchemeSeed voucherSchemes,
    DemoProviderSeed demoProvider,
    DemoExpertPoolSeed demoExpertPool,
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
        await schemes.SeedAsync(cancellationToken);
        await voucherSchemes.SeedAsync(cancellationToken);

        if (demoDataRule.SeedsDemoData)
        {
            logger.LogInformation("Seeding demo data (Seed:DemoData is true)");
            await demoData.SeedAsync();
            await demoEnterprise.SeedAsync(cancellationToken);
            await demoProvider.SeedAsync(cancellationToken);
            await demoExpertPool.SeedAsync(cancellationToken);
        }

        await demoDataRule.EnsureNoDemoPasswordAsync();

        await workflows.HandleAsync(WorkflowFiles.Directory(configuration), cancellationToken);
        ready.Signal();
    }
}
