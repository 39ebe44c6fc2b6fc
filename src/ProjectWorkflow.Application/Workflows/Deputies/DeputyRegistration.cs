using Microsoft.Extensions.DependencyInjection;

namespace ProjectWorkflow.Application.Workflows.Deputies;

public static class DeputyRegistration
{
    /// <summary>代理 and 离职转办: naming deputies, sharing arriving tasks with them, handing a leaving user's tasks over.</summary>
    public static IServiceCollection AddDeputies(this IServiceCollection services)
    {
        services.AddScoped<NameDeputy>();
        services.AddScoped<ListMyDeputies>();
        services.AddScoped<EndDeputyship>();
        services.AddScoped<ShareTasksWithDeputies>();
        services.AddScoped<HandOverTasks>();
        return services;
    }
}
