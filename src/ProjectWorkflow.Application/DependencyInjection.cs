using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using ProjectWorkflow.Application.Audit;
using ProjectWorkflow.Application.Identity;
using ProjectWorkflow.Application.Notifications;
using ProjectWorkflow.Application.Messaging;
using ProjectWorkflow.Application.Persistence;
using ProjectWorkflow.Application.ScheduledChecks;
using ProjectWorkflow.Application.Seeding;
using ProjectWorkflow.Application.Users;
using ProjectWorkflow.Application.Workflows;
using ProjectWorkflow.Application.Workflows.Reminders;
using ProjectWorkflow.Application.Workflows.Timers;

namespace ProjectWorkflow.Application;

public static class DependencyInjection
{
    public const string ConnectionStringName = "ProjectWorkflow";

    /// <summary>
    /// Registers the DbContext for <c>Database:Provider</c> (Sqlite | SqlServer | PostgreSql)
    /// with <c>ConnectionStrings:ProjectWorkflow</c>, the user and role stores, and the
    /// startup initialisation (migrations, roles, demo data), the workflow use cases, BPMN timers and
    /// the scheduled checks. The host adds Hangfire itself (storage, server, dashboard).
    /// </summary>
    public static IServiceCollection AddApplication(this IServiceCollection services, IConfiguration configuration)
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
                    config.GetConnectionString(ConnectionStringName),
                    DataDirectory.Resolve(config));
            },
            contextLifetime: ServiceLifetime.Scoped,
            optionsLifetime: ServiceLifetime.Singleton);

        services.AddIdentityCore<PortalUser>(options =>
            {
                options.User.RequireUniqueEmail = false;
                options.Lockout.MaxFailedAccessAttempts = 5;
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(5);
            })
            .AddRoles<IdentityRole>()
            .AddUserManager<PortalUserManager>()
            .AddEntityFrameworkStores<ProjectWorkflowDbContext>();

        services.AddAuditLog();
        services.AddScoped<RoleSeeder>();
        services.AddScoped<DemoDataSeeder>();
        services.AddScoped<DemoDataRule>();
        services.AddSingleton<DatabaseReady>();
        services.AddScoped<DatabaseInitializer>();
        services.AddScoped<ListUsers>();
        services.AddScoped<CreateUser>();
        services.AddWorkflows();
        services.AddFunding();
        services.AddNotifications();
        services.AddWorkflowTimers();
        services.AddOptions<ReminderSettings>().BindConfiguration(ReminderSettings.Section);
        services.AddScheduledChecks();
        services.AddMessaging(configuration);
        return services;
    }
}
