using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;
using ProjectWorkflow.Application.Workflows.Timers;
using ProjectWorkflow.Funding.Reviews;

namespace ProjectWorkflow.Web.Tests.Fixtures;

/// <summary>
/// The app on its own database with a clock the story controls: it starts inside the 2026 tech-upgrade
/// window (2026-01-26 10:00 Shanghai), and <see cref="AdvanceAsync"/> moves it and fires what fell due.
/// </summary>
public class FundingApp : PortalApp
{
    // In UTC: a clock is UTC (PostgreSQL refuses other offsets); this is 10:00 in Shanghai.
    public FakeTimeProvider Clock { get; }

    public FundingApp() : this(new DateTimeOffset(2026, 1, 26, 2, 0, 0, TimeSpan.Zero))
    {
    }

    /// <summary>An app whose story starts at <paramref name="start"/> (UTC) instead.</summary>
    protected FundingApp(DateTimeOffset start) => Clock = new FakeTimeProvider(start);

    /// <summary>The draw's lot: first in line unless a story gives it a seed (<see cref="StoryLottery.Seed"/>).</summary>
    public StoryLottery Lottery { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        // The simulated bank answers at once: its delay would wait on the story's clock, which only the story moves.
        builder.UseSetting("Treasury:Simulator:DelayMs", "0");
        // Tokens are issued on the story's clock; a long lifetime keeps them valid on the machine's clock too.
        builder.ConfigureAppConfiguration((_, config) => config.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Auth:TokenLifetimeMinutes"] = (60 * 24 * 366 * 5).ToString(),
            // The story moves time itself and runs the timer sweep when it does; no job server races it.
            ["Hangfire:Server"] = "false",
        }));
        builder.ConfigureServices(services =>
        {
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(Clock);
            // The panel's lot takes the first eligible expert in line (by user name), so each story knows who sits.
            services.RemoveAll<IPanelLottery>();
            services.AddSingleton<IPanelLottery>(Lottery);
        });
    }

    /// <summary>Moves the clock and runs the timer sweep, which fires every timer that fell due (as the jobs would).</summary>
    public async Task AdvanceAsync(TimeSpan by)
    {
        Clock.Advance(by);
        await using var scope = Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<SweepDueTimers>().RunAsync(CancellationToken.None);
    }
}

/// <summary>The lot of the stories' draws: the first eligible expert by user name, or a seeded random lot a story sets.</summary>
public sealed class StoryLottery : IPanelLottery
{
    private IPanelLottery? _seeded;

    public void Seed(int seed) => _seeded = new SeededLottery(seed);

    public void FirstInLine() => _seeded = null;

    public int Pick(int count) => _seeded?.Pick(count) ?? 0;
}

[CollectionDefinition(Name)]
public sealed class FundingAppCollection : ICollectionFixture<FundingApp>
{
    public const string Name = "funding app";
}
