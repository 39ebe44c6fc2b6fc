using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ProjectWorkflow.Application.Audit;

public static class AuditRegistration
{
    /// <summary>The staged entries of a scope, the chain that writes them, its keys (checked at start) and the log's use cases.</summary>
    public static IServiceCollection AddAudit(this IServiceCollection services)
    {
        services.AddOptions<AuditKeySettings>().BindConfiguration(AuditKeySettings.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<AuditKeySettings>, AuditKeySettingsValidation>();
        services.AddSingleton<AuditKeys>();
        services.AddScoped<AuditTrail>();
        services.AddScoped<AuditChain>();
        services.AddScoped<ListAuditEntries>();
        services.AddScoped<FindRecords>();
        return services;
    }
}
