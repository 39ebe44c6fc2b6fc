using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using ProjectWorkflow.Application.Identity;

namespace ProjectWorkflow.Application.Seeding;

/// <summary>
/// Demo data belongs to the embedded demo run only (the Development environment: <c>dotnet run</c>, whose
/// appsettings.Development.json turns <c>Seed:DemoData</c> on). Anywhere else the app refuses to start when demo data is
/// switched on, or when an account still signs in with the published demo password — the demo accounts of a database
/// that was once a demo, or a real account someone gave that password.
/// </summary>
public sealed class DemoDataRule(IHostEnvironment environment, IConfiguration configuration, UserManager<PortalUser> users)
{
    public bool SeedsDemoData => configuration.GetValue("Seed:DemoData", false);

    /// <summary>
    /// Demo applications at every stage (the run command's demo): only with demo data, and off unless asked for, so the
    /// web tests, which seed the demo users, start with empty inboxes and fast.
    /// </summary>
    public bool SeedsDemoApplications => SeedsDemoData && configuration.GetValue("Seed:DemoApplications", false);

    /// <summary>Before anything is migrated: demo data switched on outside Development.</summary>
    public void EnsureSettingsAllowed()
    {
        if (SettingsProblem(environment, configuration) is { } problem)
            throw new DemoDataRefusedException(problem);
    }

    /// <summary>Why these settings may not start the app (demo data or the rehearsal clock on outside Development), or null.</summary>
    public static string? SettingsProblem(IHostEnvironment environment, IConfiguration configuration)
    {
        if (environment.IsDevelopment()) return null;
        if (configuration.GetValue("Seed:DemoData", false))
            return $"Seed:DemoData is true in the {environment.EnvironmentName} environment. Demo users with the published password are for the "
                + "local demo run only (ASPNETCORE_ENVIRONMENT=Development, as `dotnet run` sets it): set Seed:DemoData=false.";
        // A clock that a file moves forward is for a rehearsal (the cluster tests), never for a deployment.
        if (!string.IsNullOrEmpty(configuration[SeedingRegistration.RehearsalClockSetting]))
            return $"{SeedingRegistration.RehearsalClockSetting} is set in the {environment.EnvironmentName} environment. The rehearsal clock is for "
                + $"the cluster tests' Development runs only: remove {SeedingRegistration.RehearsalClockSetting}.";
        return null;
    }

    /// <summary>Once the database is there: no account may sign in with the demo password outside Development.</summary>
    public async Task EnsureNoDemoPasswordAsync()
    {
        if (environment.IsDevelopment())
            return;
        var found = await UsersWithTheDemoPasswordAsync();
        if (found.Count > 0)
            throw new DemoDataRefusedException(
                $"The account(s) {string.Join(", ", found)} sign in with the published demo password in the {environment.EnvironmentName} environment. "
                + "Give them new passwords or delete them (or lock them) before starting; the demo password is in the README for anyone to read.");
    }

    /// <summary>
    /// The demo accounts by name and every staff account (any role but enterprise) whose password is the demo password.
    /// Enterprise accounts are many and cannot approve or pay anything; checking each hash would slow the start.
    /// </summary>
    public async Task<IReadOnlyList<string>> UsersWithTheDemoPasswordAsync()
    {
        var demoNames = DemoUsers.All.Select(d => users.NormalizeName(d.UserName)).ToList();
        var candidates = await users.Users.Where(u => demoNames.Contains(u.NormalizedUserName!)).ToListAsync();
        foreach (var role in Roles.All.Where(r => r != Roles.Enterprise))
            candidates.AddRange(await users.GetUsersInRoleAsync(role));

        var found = new List<string>();
        foreach (var user in candidates.DistinctBy(u => u.Id))
        {
            if (user.PasswordHash is null || await users.IsLockedOutAsync(user))
                continue;
            if (users.PasswordHasher.VerifyHashedPassword(user, user.PasswordHash, DemoUsers.Password) != PasswordVerificationResult.Failed)
                found.Add(user.UserName ?? user.Id);
        }
        return found.Order(StringComparer.Ordinal).ToList();
    }
}

public sealed class DemoDataRefusedException(string message) : InvalidOperationException(message);
