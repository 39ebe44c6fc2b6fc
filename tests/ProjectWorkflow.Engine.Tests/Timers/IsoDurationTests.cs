using ProjectWorkflow.Engine.Timers;

namespace ProjectWorkflow.Engine.Tests.Timers;

public class IsoDurationTests
{
    [Theory]
    [InlineData("P1D", 0, 0, 0, 1, 0, 0, "0")]
    [InlineData("PT1H30M", 0, 0, 0, 0, 1, 30, "0")]
    [InlineData("P1Y2M3DT4H5M6.5S", 1, 2, 0, 3, 4, 5, "6.5")]
    [InlineData("P2W", 0, 0, 2, 0, 0, 0, "0")]
    [InlineData("PT0.25S", 0, 0, 0, 0, 0, 0, "0.25")]
    [InlineData("PT1,5S", 0, 0, 0, 0, 0, 0, "1.5")]
    [InlineData("pt15m", 0, 0, 0, 0, 0, 15, "0")]
    [InlineData("PT0S", 0, 0, 0, 0, 0, 0, "0")]
    [InlineData("P1W2D", 0, 0, 1, 2, 0, 0, "0")]
    public void Parses_each_part(string text, int years, int months, int weeks, int days, int hours, int minutes, string seconds)
    {
        Assert.True(IsoDuration.TryParse(text, out var d));

        var expected = new IsoDuration(years, months, weeks, days, hours, minutes,
            decimal.Parse(seconds, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(expected, d);
    }

    [Theory]
    [InlineData("P", "'P' is not an ISO 8601 duration: give at least one number, e.g. PT1H")]
    [InlineData("PT", "'PT' is not an ISO 8601 duration: give at least one number, e.g. PT1H")]
    [InlineData("", "'' is not an ISO 8601 duration: it must start with P, e.g. PT1H or P1D")]
    [InlineData("1D", "'1D' is not an ISO 8601 duration: it must start with P, e.g. PT1H or P1D")]
    [InlineData("P1DT", "'P1DT' is not an ISO 8601 duration: give hours, minutes or seconds after T, e.g. P1DT12H, or drop the T")]
    [InlineData("P1H", "'P1H' is not an ISO 8601 duration: hours, minutes and seconds go after T, e.g. PT1H")]
    [InlineData("PT1D", "'PT1D' is not an ISO 8601 duration: years, weeks and days go before T, e.g. P1D")]
    [InlineData("P1X", "'P1X' is not an ISO 8601 duration: 'X' is not a unit; use Y, M, W, D before T and H, M, S after it")]
    [InlineData("P1D2Y", "'P1D2Y' is not an ISO 8601 duration: the units must come in the order Y, M, W, D, then T and H, M, S, each at most once")]
    [InlineData("P1D1D", "'P1D1D' is not an ISO 8601 duration: the units must come in the order Y, M, W, D, then T and H, M, S, each at most once")]
    [InlineData("PT1.5H", "'PT1.5H' is not an ISO 8601 duration: only seconds may have a fraction; write 1.5H in a smaller unit")]
    [InlineData("PT5", "'PT5' is not an ISO 8601 duration: the number 5 needs a unit after it, e.g. 5H")]
    [InlineData("PTH", "'PTH' is not an ISO 8601 duration: 'H' needs a number in front of it, e.g. 1H")]
    [InlineData("P-1D", "'P-1D' is not an ISO 8601 duration: a timer cannot wait a negative time")]
    [InlineData("PT1HT", "'PT1HT' is not an ISO 8601 duration: 'T' appears twice")]
    [InlineData("P99999999999D", "'P99999999999D' is not an ISO 8601 duration: the number 99999999999 is too large")]
    [InlineData("P1001Y", "'P1001Y' is not an ISO 8601 duration: it is longer than 1,000 years")]
    public void Refuses_malformed_text_with_a_sentence(string text, string message)
    {
        Assert.False(IsoDuration.TryParse(text, out _));
        Assert.False(TimerSchedule.TryParse(TimerKind.Duration, text, out var schedule, out var error));
        Assert.Null(schedule);
        Assert.Equal(text.Length == 0 ? "the timer duration is empty: write one like PT1H" : message, error);
    }

    [Theory]
    [InlineData("2026-01-31T10:00:00Z", "P1M", "2026-02-28T10:00:00Z")]
    [InlineData("2028-01-31T10:00:00Z", "P1M", "2028-02-29T10:00:00Z")]
    [InlineData("2026-03-31T00:00:00Z", "P1M1D", "2026-05-01T00:00:00Z")]
    [InlineData("2028-02-29T00:00:00Z", "P1Y", "2029-02-28T00:00:00Z")]
    [InlineData("2026-01-01T00:00:00Z", "P1Y2M3DT4H5M6.5S", "2027-03-04T04:05:06.5Z")]
    [InlineData("2026-12-31T23:30:00Z", "PT45M", "2027-01-01T00:15:00Z")]
    [InlineData("2026-01-01T00:00:00Z", "P2W", "2026-01-15T00:00:00Z")]
    [InlineData("2026-01-01T09:00:00+08:00", "P1D", "2026-01-02T09:00:00+08:00")]
    public void Adds_years_and_months_on_the_calendar(string start, string duration, string expected)
    {
        Assert.True(IsoDuration.TryParse(duration, out var d));

        var result = d.AddTo(DateTimeOffset.Parse(start, System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), result);
    }

    [Fact]
    public void Keeps_the_offset_of_the_time_it_is_added_to()
    {
        var start = new DateTimeOffset(2026, 1, 31, 9, 0, 0, TimeSpan.FromHours(8));

        Assert.Equal(TimeSpan.FromHours(8), new IsoDuration(0, 1, 0, 0, 0, 0, 0m).AddTo(start).Offset);
    }

    [Theory]
    [InlineData("P1Y2M3DT4H5M6.5S")]
    [InlineData("PT1H30M")]
    [InlineData("P2W")]
    [InlineData("PT0S")]
    public void Writes_itself_back_as_iso_8601(string text)
    {
        Assert.True(IsoDuration.TryParse(text, out var d));

        Assert.Equal(text, d.ToString());
    }
}
