using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using ProjectWorkflow.Application.Calendar;
using ProjectWorkflow.Application.Dashboards;
using ProjectWorkflow.Application.Seeding;
using ProjectWorkflow.Application.Workflows;
using ProjectWorkflow.Application.Schemes;
using ProjectWorkflow.Application.Enterprises;
using ProjectWorkflow.Application.Vouchers;
using ProjectWorkflow.Funding.Calendar;

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
    PlanTargetSeed planTargets,
    DemoEnterpriseSeed demoEnterprise,
    VoucherSchemeSeed voucherSchemes,
    DemoProviderSeed demoProvider,
    DemoExpertPoolSeed demoExpertPool,
    DemoApplications demoApplications,
    TimeProvider time,
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
        await planTargets.SeedAsync(cancellationToken);
        // The demo gets rules and budgets for this year and the next whatever the day; the run command's demo also
        // takes applications all this year (Seed:DemoApplications), so a new user can apply at once.
        var demoYears = demoDataRule.SeedsDemoData
            ? new DemoYears(ShanghaiDate.Of(time.GetUtcNow()).Year, demoDataRule.SeedsDemoApplications)
            : null;
        await schemes.SeedAsync(cancellationToken, demoYears);
        await voucherSchemes.SeedAsync(cancellationToken, demoYears);

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
        // Schema and definitions are in place: messages may flow. The demo applications need them (the treasury pays
        // their installments over the bus); the startup gate (readiness, jobs) stays closed until they are seeded.
        ready.Signal();
        if (demoDataRule.SeedsDemoApplications)
        {
            logger.LogInformation("Seeding demo applications (Seed:DemoApplications is true)");
            await demoApplications.SeedAsync(cancellationToken);
        }
    }
}
