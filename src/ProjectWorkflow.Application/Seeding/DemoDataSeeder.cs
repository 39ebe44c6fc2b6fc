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
            if (await users.FindByNameAsync(demo.UserName) is { } existing)
            {
                // Databases seeded before demo users had addresses get them, so their notifications are mailed too.
                if (string.IsNullOrEmpty(existing.Email))
                {
                    existing.Email = demo.Email;
                    existing.EmailConfirmed = true;
                    (await users.UpdateAsync(existing)).ThrowIfFailed($"give demo user '{demo.UserName}' an e-mail address");
                }
                continue;
            }
            var user = new PortalUser
            {
                UserName = demo.UserName,
                DisplayName = demo.DisplayName,
                Organisation = demo.Organisation,
                Email = demo.Email,
                EmailConfirmed = true,
            };
            (await users.CreateAsync(user, DemoUsers.Password)).ThrowIfFailed($"create demo user '{demo.UserName}'");
            (await users.AddToRoleAsync(user, demo.Role)).ThrowIfFailed($"give '{demo.UserName}' role '{demo.Role}'");
        }
    }
}
