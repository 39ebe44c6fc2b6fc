using Microsoft.Extensions.DependencyInjection;

namespace ProjectWorkflow.Application.Warnings;

public static class WarningRegistration
{
    /// <summary>What administrators must still set for this year and the next (the view; the check is in the registry).</summary>
    public static IServiceCollection AddWarnings(this IServiceCollection services)
    {
        services.AddScoped<AdminWarnings>();
        return services;
    }
}
