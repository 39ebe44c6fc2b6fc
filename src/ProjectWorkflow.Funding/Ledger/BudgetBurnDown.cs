namespace ProjectWorkflow.Funding.Ledger;

/// <summary>
/// When a budget's available money runs out at the pace it has been drawn lately: the pace is the mean daily draw over
/// the window (days without a draw count as nought), the band is that pace give or take two standard errors of the
/// daily draws. Dates are null when the money is not drawn at that pace at all (no end in sight).
/// </summary>
public sealed record BurnDownForecast(
    Money Available, int WindowDays, Money DrawnInWindow, decimal PaceFenPerDay, decimal SpreadFenPerDay,
    DateOnly? RunsOutOn, DateOnly? EarliestOn, DateOnly? LatestOn);

/// <summary>One day's net draw on a budget's available money (reservations less releases and recoveries returned).</summary>
public sealed record DailyDraw(DateOnly Day, Money Drawn);

/// <summary>The burn-down forecast of a scheme-year's budget, recomputed from the ledger each time it is read.</summary>
public static class BudgetBurnDown
{
    /// <summary>How far back the pace is measured, in days, unless a reader asks otherwise.</summary>
    public const int DefaultWindowDays = 90;

    public static BurnDownForecast Forecast(Money available, IEnumerable<DailyDraw> draws, DateOnly today, int windowDays = DefaultWindowDays)
    {
        if (windowDays < 2) throw new ArgumentOutOfRangeException(nameof(windowDays), windowDays, "The pace is measured over two days at least.");
        var first = today.AddDays(1 - windowDays);
        var byDay = draws.Where(d => d.Day >= first && d.Day <= today)
            .GroupBy(d => d.Day).ToDictionary(g => g.Key, g => g.Sum(d => d.Drawn.Fen));
        var daily = Enumerable.Range(0, windowDays).Select(i => (decimal)byDay.GetValueOrDefault(first.AddDays(i))).ToList();
        var drawn = daily.Sum();
        var pace = drawn / windowDays;
        var variance = daily.Sum(x => (x - pace) * (x - pace)) / (windowDays - 1);
        var spread = 2 * SquareRoot(variance / windowDays);
        return new BurnDownForecast(available, windowDays, new Money((long)drawn), Math.Round(pace, 2), Math.Round(spread, 2),
            RunsOut(available, pace, today), RunsOut(available, pace + spread, today), RunsOut(available, pace - spread, today));
    }

    /// <summary>The day the money is gone at <paramref name="pace"/> fen a day: today when nothing is left, null at no pace.</summary>
    public static DateOnly? RunsOut(Money available, decimal pace, DateOnly today)
    {
        if (available.Fen <= 0) return today;
        if (pace <= 0) return null;
        var days = Math.Ceiling(available.Fen / pace);
        return days > 36_500 ? null : today.AddDays((int)days);
    }

    private static decimal SquareRoot(decimal value)
    {
        if (value <= 0) return 0;
        var guess = (decimal)Math.Sqrt((double)value);
        for (var i = 0; i < 4 && guess > 0; i++) guess = (guess + value / guess) / 2;
        return guess;
    }
}
