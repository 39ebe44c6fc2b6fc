using Microsoft.Extensions.DependencyInjection;

namespace ProjectWorkflow.Application.Users;

public static class UserRegistration
{
    /// <summary>The administrator's user list and user creation.</summary>
    public static IServiceCollection AddUsers(this IServiceCollection services)
    {
        services.AddScoped<ListUsers>();
        services.AddScoped<CreateUser>();
        return services;
    }
}
