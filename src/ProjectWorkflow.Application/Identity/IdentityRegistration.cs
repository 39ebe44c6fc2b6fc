using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using ProjectWorkflow.Application.Persistence;

namespace ProjectWorkflow.Application.Identity;

public static class IdentityRegistration
{
    /// <summary>The portal's users and roles on ASP.NET Core Identity's stores, in the application database.</summary>
    public static IServiceCollection AddPortalIdentity(this IServiceCollection services)
    {
        services.AddIdentityCore<PortalUser>(options =>
            {
                options.User.RequireUniqueEmail = false;
                options.Lockout.MaxFailedAccessAttempts = 5;
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(5);
            })
            .AddRoles<IdentityRole>()
            .AddUserManager<PortalUserManager>()
            .AddEntityFrameworkStores<ProjectWorkflowDbContext>();
        return services;
    }
}
