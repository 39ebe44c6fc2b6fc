using Microsoft.Extensions.DependencyInjection;

namespace ProjectWorkflow.Application.ProjectPool;

public static class ProjectPoolRegistration
{
    /// <summary>The project pool's register: imported from Excel by staff, read at submission.</summary>
    public static IServiceCollection AddProjectPool(this IServiceCollection services)
    {
        services.AddScoped<ImportProjectPool>();
        services.AddScoped<ListProjectPool>();
        return services;
    }
}
