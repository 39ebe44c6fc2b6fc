using Microsoft.AspNetCore.Identity;
using ProjectWorkflow.Application.Identity;

namespace ProjectWorkflow.Application.Seeding;

/// <summary>Adds what is missing and leaves the rest alone, so every start can run it.</summary>
public sealed class DemoDataSeeder(UserManager<PortalUser> users)
{
    public async Task SeedAsync()
    {
        foreach (var demo in DemoUsers.All)
        {
            if (await users.FindByNameAsync(demo.UserName) is not null)
                continue;
            var user = new PortalUser
            {
                UserName = demo.UserName,
                DisplayName = demo.DisplayName,
                Organisation = demo.Organisation,
            };
            (await users.CreateAsync(user, DemoUsers.Password)).ThrowIfFailed($"create demo user '{demo.UserName}'");
            (await users.AddToRoleAsync(user, demo.Role)).ThrowIfFailed($"give '{demo.UserName}' role '{demo.Role}'");
        }
    }
}
