using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting.Internal;
using ProjectWorkflow.Application.Identity;
using ProjectWorkflow.Application.Seeding;
using ProjectWorkflow.Web.Tests.Fixtures;

namespace ProjectWorkflow.Web.Tests.Security;

/// <summary>
/// A real deployment started from the shipped settings has no demo accounts; one started with demo data on, or on a
/// database where an account still has the published demo password, refuses to start and says why.
/// </summary>
[Collection(PortalAppCollection.Name)]
public sealed class DemoDataRuleTests(PortalApp app)
{
    [Fact]
    public void TheShippedSettings_SeedDemoDataOnlyInTheDevelopmentRun()
    {
        var web = Path.Combine(RepositoryRoot(), "src", "ProjectWorkflow.Web");

        Assert.False(SeedsDemoData(Path.Combine(web, "appsettings.json")));
        Assert.True(SeedsDemoData(Path.Combine(web, "appsettings.Development.json")));
        var launch = JsonDocument.Parse(File.ReadAllText(Path.Combine(web, "Properties", "launchSettings.json"))).RootElement;
        Assert.Equal("Development", launch.GetProperty("profiles").GetProperty("ProjectWorkflow.Web").GetProperty("environmentVariables").GetProperty("ASPNETCORE_ENVIRONMENT").GetString());
    }

    [Theory]
    [InlineData("Production", true, false)]
    [InlineData("Staging", true, false)]
    [InlineData("Production", false, true)]
    [InlineData("Development", true, true)]
    public async Task AStartWithDemoDataSwitchedOn_IsRefusedOutsideDevelopment(string environment, bool demoData, bool starts)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var rule = Rule(scope.ServiceProvider, environment, demoData);

        var refusal = Record.Exception(rule.EnsureSettingsAllowed);

        Assert.Equal(starts, refusal is null);
        if (!starts)
        {
            Assert.IsType<DemoDataRefusedException>(refusal);
            Assert.Contains("Seed:DemoData", refusal!.Message);
        }
    }

    [Theory]
    [InlineData("Production", false)]
    [InlineData("Staging", false)]
    [InlineData("Development", true)]
    public void AStartWithTheRehearsalClock_IsRefusedOutsideDevelopment(string environment, bool starts)
    {
        var settings = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Seed:DemoData"] = "false",
            [SeedingRegistration.RehearsalClockSetting] = Path.Combine(Path.GetTempPath(), "rehearsal-shift"),
        }).Build();

        var refusal = DemoDataRule.SettingsProblem(new HostingEnvironment { EnvironmentName = environment }, settings);

        Assert.Equal(starts, refusal is null);
        if (!starts) Assert.Contains("Clock:ShiftFile", refusal);
    }

    [Fact]
    public void TheRehearsalClock_IsTheMachinesTimePlusTheShiftInItsFile()
    {
        var file = Path.Combine(Path.GetTempPath(), $"rehearsal-shift-{Guid.NewGuid():N}");
        var clock = new RehearsalClock(file);
        try
        {
            Assert.Equal(TimeSpan.Zero, clock.Shift);
            RehearsalClock.Write(file, TimeSpan.FromDays(7));

            // Another node's clock reading the same file agrees at once; this one within its re-read interval.
            Assert.Equal(TimeSpan.FromDays(7), new RehearsalClock(file).Shift);
            Assert.True(SpinWait.SpinUntil(() => clock.Shift == TimeSpan.FromDays(7), TimeSpan.FromSeconds(5)));
            Assert.InRange(clock.GetUtcNow() - DateTimeOffset.UtcNow, TimeSpan.FromDays(7) - TimeSpan.FromMinutes(1), TimeSpan.FromDays(7) + TimeSpan.FromMinutes(1));
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task AProductionStart_OnADatabaseWhereAccountsHaveTheDemoPassword_IsRefused_NamingThem()
    {
        await using var scope = app.Services.CreateAsyncScope();

        var refusal = await Assert.ThrowsAsync<DemoDataRefusedException>(() => Rule(scope.ServiceProvider, "Production", demoData: false).EnsureNoDemoPasswordAsync());

        Assert.Contains("admin1", refusal.Message);
        Assert.Contains("finance1", refusal.Message);
        Assert.Contains("demo password", refusal.Message);
        // The local demo run is where those accounts belong.
        await Rule(scope.ServiceProvider, "Development", demoData: true).EnsureNoDemoPasswordAsync();
    }

    [Fact]
    public async Task AStaffAccountGivenTheDemoPassword_IsFound_AndALockedDemoAccountIsNot()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        var name = $"officer-{Guid.NewGuid():N}"[..20];
        var officer = new PortalUser { UserName = name, DisplayName = "Careless officer" };
        Assert.True((await users.CreateAsync(officer, DemoUsers.Password)).Succeeded);
        Assert.True((await users.AddToRoleAsync(officer, Roles.Finance)).Succeeded);

        var found = await Rule(scope.ServiceProvider, "Production", false).UsersWithTheDemoPasswordAsync();

        Assert.Contains(name, found);
        Assert.True((await users.SetLockoutEndDateAsync(officer, DateTimeOffset.MaxValue)).Succeeded);
        Assert.DoesNotContain(name, await Rule(scope.ServiceProvider, "Production", false).UsersWithTheDemoPasswordAsync());
    }

    private static DemoDataRule Rule(IServiceProvider services, string environment, bool demoData) => new(
        new HostingEnvironment { EnvironmentName = environment },
        new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Seed:DemoData"] = demoData ? "true" : "false" }).Build(),
        services.GetRequiredService<UserManager<PortalUser>>());

    private static bool SeedsDemoData(string file) =>
        JsonDocument.Parse(File.ReadAllText(file)).RootElement.TryGetProperty("Seed", out var seed)
        && seed.TryGetProperty("DemoData", out var on) && on.GetBoolean();

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "ProjectWorkflow.sln")))
            directory = directory.Parent;
        return directory?.FullName ?? throw new InvalidOperationException("The repository root (ProjectWorkflow.sln) is not above the test's folder.");
    }
}
