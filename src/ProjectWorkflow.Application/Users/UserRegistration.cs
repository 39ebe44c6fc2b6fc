using Microsoft.Extensions.DependencyInjection;

namespace ProjectWorkflow.Application.Users;

public static class UserRegistration
{
    /// <summary>The administrator's user list, creation, disabling and enabling, password resets and role changes; a person's choice of language.</summary>
    public static IServiceCollection AddUsers(this IServiceCollection services)
    {
        services.AddScoped<ListUsers>();
        services.AddScoped<CreateUser>();
        services.AddScoped<ChooseLanguage>();
        services.AddScoped<DisableUser>();
        services.AddScoped<EnableUser>();
        services.AddScoped<ResetPassword>();
        services.AddScoped<ChangeRoles>();
        return services;
    }
}
