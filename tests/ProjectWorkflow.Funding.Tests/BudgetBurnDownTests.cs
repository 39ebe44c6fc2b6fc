using ProjectWorkflow.Funding;
using ProjectWorkflow.Funding.Ledger;

namespace ProjectWorkflow.Funding.Tests;

/// <summary>
/// A scheme-year's money runs out at the pace it has been drawn lately: the leadership reads the day, and a band
/// as wide as the pace is uneven.
/// </summary>
public sealed class BudgetBurnDownTests
{
    private static readonly DateOnly Today = new(2026, 6, 30);

    [Fact]
    public void ASteadyPace_GivesTheKnownDate_WithNoBand()
    {
        // 10,000 yuan left; 100 yuan reserved every day of the last 30 days: 100 days to go.
        var draws = Enumerable.Range(0, 30).Select(i => new DailyDraw(Today.AddDays(-i), Money.FromYuan(100m)));

        var forecast = BudgetBurnDown.Forecast(Money.FromYuan(10_000m), draws, Today, windowDays: 30);

        Assert.Equal(10_000m, forecast.PaceFenPerDay);
        Assert.Equal(0m, forecast.SpreadFenPerDay);
        Assert.Equal(Money.FromYuan(3_000m), forecast.DrawnInWindow);
        Assert.Equal(new DateOnly(2026, 10, 8), forecast.RunsOutOn);
        Assert.Equal(forecast.RunsOutOn, forecast.EarliestOn);
        Assert.Equal(forecast.RunsOutOn, forecast.LatestOn);
    }

    [Fact]
    public void AnUnevenPace_GivesABandAroundTheDate()
    {
        // Alternately 50 and 150 yuan a day: the same mean of 100, spread ±2 standard errors (about 18.57 yuan a day).
        var draws = Enumerable.Range(0, 30).Select(i => new DailyDraw(Today.AddDays(-i), Money.FromYuan(i % 2 == 0 ? 50m : 150m)));

        var forecast = BudgetBurnDown.Forecast(Money.FromYuan(10_000m), draws, Today, windowDays: 30);

        Assert.Equal(10_000m, forecast.PaceFenPerDay);
        Assert.Equal(1_856.95m, forecast.SpreadFenPerDay);
        Assert.Equal(Today.AddDays(100), forecast.RunsOutOn);
        Assert.Equal(Today.AddDays(85), forecast.EarliestOn);
        Assert.Equal(Today.AddDays(123), forecast.LatestOn);
    }

    [Fact]
    public void DrawsBeforeTheWindow_AndReleases_CountAsTheyShould()
    {
        // One reservation of 900 yuan 10 days ago, a release of 300 yuan 5 days ago, an old draw outside the 30 days.
        DailyDraw[] draws =
        [
            new(Today.AddDays(-10), Money.FromYuan(900m)), new(Today.AddDays(-5), Money.FromYuan(-300m)), new(Today.AddDays(-60), Money.FromYuan(5_000m)),
        ];

        var forecast = BudgetBurnDown.Forecast(Money.FromYuan(600m), draws, Today, windowDays: 30);

        Assert.Equal(Money.FromYuan(600m), forecast.DrawnInWindow);
        Assert.Equal(2_000m, forecast.PaceFenPerDay);
        Assert.Equal(Today.AddDays(30), forecast.RunsOutOn);
    }

    [Fact]
    public void NoDraws_NoEndInSight_AndNothingLeft_ItIsGoneToday()
    {
        Assert.Null(BudgetBurnDown.Forecast(Money.FromYuan(1_000m), [], Today).RunsOutOn);
        Assert.Equal(Today, BudgetBurnDown.Forecast(Money.Zero, [], Today).RunsOutOn);
    }
}
