using ProjectWorkflow.Application.Warnings;
using ProjectWorkflow.Application.Calendar;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using ProjectWorkflow.Application.Applications;
using ProjectWorkflow.Application.Audit;
using ProjectWorkflow.Application.Dashboards;
using ProjectWorkflow.Application.Enterprises;
using ProjectWorkflow.Application.Identity;
using ProjectWorkflow.Application.Ledger;
using ProjectWorkflow.Application.Messaging;
using ProjectWorkflow.Application.Notifications;
using ProjectWorkflow.Application.Persistence;
using ProjectWorkflow.Application.Projects;
using ProjectWorkflow.Application.ProjectPool;
using ProjectWorkflow.Application.PublicNotice;
using ProjectWorkflow.Application.Reviews;
using ProjectWorkflow.Application.ScheduledChecks;
using ProjectWorkflow.Application.Schemes;
using ProjectWorkflow.Application.Seeding;
using ProjectWorkflow.Application.Users;
using ProjectWorkflow.Application.Vouchers;
using ProjectWorkflow.Application.Workflows;
using ProjectWorkflow.Application.Workflows.Timers;

namespace ProjectWorkflow.Application;

public static class DependencyInjection
{
    public const string ConnectionStringName = "ProjectWorkflow";

    /// <summary>
    /// Every feature of the application, each registered by its own <c>Add&lt;Feature&gt;()</c> in its folder
    /// (<c>&lt;Feature&gt;/&lt;Feature&gt;Registration.cs</c>). The host adds Hangfire itself (storage, server, dashboard).
    /// </summary>
    /// <remarks>
    /// The order is the order workflow observers run in after a command: the ledger's checks, then the
    /// application's and the project's stage, then notifications, then the outbox's events.
    /// </remarks>
    public static IServiceCollection AddApplication(this IServiceCollection services, IConfiguration configuration) =>
        services
            .AddPersistence(configuration)
            .AddPortalIdentity()
            .AddSeeding(configuration)
            .AddAudit()
            .AddUsers()
            .AddWorkflows()
            .AddSchemes()
            .AddCalendar()
            .AddWarnings()
            .AddEnterprises()
            .AddLedger()
            .AddApplications()
            .AddProjectPool()
            .AddReviews()
            .AddProjects()
            .AddVouchers()
            .AddPublicNotice()
            .AddDashboards()
            .AddNotifications()
            .AddWorkflowTimers()
            .AddScheduledChecks()
            .AddMessaging(configuration);
}
