using Microsoft.Extensions.DependencyInjection;

namespace ProjectWorkflow.Application.Users;

public static class UserRegistration
{
    /// <summary>The administrator's user list and user creation; a person's choice of language.</summary>
    public static IServiceCollection AddUsers(this IServiceCollection services)
    {
        services.AddScoped<ListUsers>();
        services.AddScoped<CreateUser>();
        services.AddScoped<ChooseLanguage>();
        return services;
    }
}
