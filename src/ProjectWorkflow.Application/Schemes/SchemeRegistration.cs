using Microsoft.Extensions.DependencyInjection;

namespace ProjectWorkflow.Application.Schemes;

public static class SchemeRegistration
{
    /// <summary>The funding schemes, their rule sets, their seed and the published results.</summary>
    public static IServiceCollection AddSchemes(this IServiceCollection services)
    {
        services.AddScoped<SchemeSeed>();
        services.AddScoped<ListSchemes>();
        services.AddScoped<SchemeResults>();
        services.AddScoped<AddRuleSet>();
        services.AddScoped<CompareRuleSets>();
        services.AddScoped<RuleSets>();
        return services;
    }
}
