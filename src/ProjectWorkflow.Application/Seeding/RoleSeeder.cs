using Microsoft.AspNetCore.Identity;
using ProjectWorkflow.Application.Audit;
using ProjectWorkflow.Application.Identity;

namespace ProjectWorkflow.Application.Seeding;

/// <summary>The roles are part of the public contract, so every database has them, demo or not.</summary>
public sealed class RoleSeeder(RoleManager<IdentityRole> roles, AuditTrail audit)
{
    public async Task SeedAsync()
    {
        foreach (var name in Roles.All)
        {
            if (await roles.RoleExistsAsync(name))
                continue;
            audit.Record("role.created", "role", name);
            var result = await roles.CreateAsync(new IdentityRole(name));
            result.ThrowIfFailed($"create role '{name}'");
        }
    }
}
