using Microsoft.Extensions.DependencyInjection;

namespace ProjectWorkflow.Application.Dashboards;

public static class DashboardRegistration
{
    /// <summary>The fund's dashboards: the plan's seeded targets, the figures, and their Excel export.</summary>
    public static IServiceCollection AddDashboards(this IServiceCollection services)
    {
        services.AddScoped<PlanTargetSeed>();
        services.AddScoped<ReadFundDashboard>();
        services.AddScoped<ExportFundDashboard>();
        return services;
    }
}
