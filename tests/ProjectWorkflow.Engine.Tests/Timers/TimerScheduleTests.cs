using System.Globalization;
using ProjectWorkflow.Engine.Timers;

namespace ProjectWorkflow.Engine.Tests.Timers;

public class TimerScheduleTests
{
    private static readonly DateTimeOffset Now = new(2026, 1, 31, 10, 0, 0, TimeSpan.Zero);

    private static TimerSchedule Parse(TimerKind kind, string text)
    {
        Assert.True(TimerSchedule.TryParse(kind, text, out var schedule, out var error), error);
        return schedule!;
    }

    private static string Refused(TimerKind kind, string text)
    {
        Assert.False(TimerSchedule.TryParse(kind, text, out var schedule, out var error));
        Assert.Null(schedule);
        return error!;
    }

    private static DateTimeOffset At(string text) =>
        DateTimeOffset.Parse(text, System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public void A_duration_is_due_once_after_now()
    {
        var schedule = Parse(TimerKind.Duration, "P1M");

        Assert.Equal(TimerKind.Duration, schedule.Kind);
        Assert.Equal(1, schedule.Repetitions);
        Assert.Equal(At("2026-02-28T10:00:00Z"), schedule.FirstDue(Now));
        Assert.Null(schedule.NextDue(schedule.FirstDue(Now), 1));
    }

    [Fact]
    public void Surrounding_whitespace_from_xml_is_ignored()
    {
        var schedule = Parse(TimerKind.Duration, "\n   PT1H\n  ");

        Assert.Equal("PT1H", schedule.Text);
        Assert.Equal(Now.AddHours(1), schedule.FirstDue(Now));
    }

    [Theory]
    [InlineData("2026-03-01T09:00:00Z", "2026-03-01T09:00:00+00:00")]
    [InlineData("2026-03-01T09:00:00+08:00", "2026-03-01T09:00:00+08:00")]
    [InlineData("2026-03-01T09:00:00-05:00", "2026-03-01T09:00:00-05:00")]
    [InlineData("2026-03-01T09:00:00", "2026-03-01T09:00:00+00:00")]
    [InlineData("2026-03-01T09:00:00.250Z", "2026-03-01T09:00:00.250+00:00")]
    [InlineData("2026-03-01T09:00Z", "2026-03-01T09:00:00+00:00")]
    [InlineData("2026-03-01T09:00:00.1234567+08:00", "2026-03-01T09:00:00.1234567+08:00")]
    [InlineData("2026-03-01", "2026-03-01T00:00:00+00:00")]
    public void A_date_is_due_at_that_moment_and_without_offset_means_utc(string text, string expected)
    {
        var schedule = Parse(TimerKind.Date, text);

        var due = schedule.FirstDue(Now);

        Assert.Equal(At(expected), due);
        Assert.Equal(At(expected).Offset, due.Offset);
        Assert.Equal(1, schedule.Repetitions);
        Assert.Null(schedule.NextDue(due, 1));
    }

    [Fact]
    public void A_date_in_the_past_is_still_its_own_due_time()
    {
        Assert.Equal(At("2020-01-01T00:00:00Z"), Parse(TimerKind.Date, "2020-01-01T00:00:00Z").FirstDue(Now));
    }

    [Theory]
    [InlineData("2026-13-01T00:00:00Z")]
    [InlineData("2026-02-30")]
    [InlineData("tomorrow")]
    [InlineData("P1D")]
    [InlineData("2026-01-01 09:00")]
    public void Malformed_dates_are_refused(string text)
    {
        Assert.Equal(
            $"'{text}' is not an ISO 8601 date-time: write it like 2026-01-01T09:00:00Z or 2026-01-01T09:00:00+08:00",
            Refused(TimerKind.Date, text));
    }

    [Fact]
    public void A_bounded_cycle_is_exhausted_after_its_repetitions()
    {
        var schedule = Parse(TimerKind.Cycle, "R3/PT1H");
        Assert.Equal(3, schedule.Repetitions);

        var first = schedule.FirstDue(Now);
        var second = schedule.NextDue(first, 1);
        var third = schedule.NextDue(second!.Value, 2);
        var fourth = schedule.NextDue(third!.Value, 3);

        Assert.Equal(Now.AddHours(1), first);
        Assert.Equal(Now.AddHours(2), second);
        Assert.Equal(Now.AddHours(3), third);
        Assert.Null(fourth);
    }

    [Fact]
    public void An_unbounded_cycle_keeps_going()
    {
        var schedule = Parse(TimerKind.Cycle, "R/P1D");

        Assert.Null(schedule.Repetitions);
        Assert.Equal(Now.AddDays(1001), schedule.NextDue(Now.AddDays(1000), 1000));
    }

    [Fact]
    public void A_cycle_with_a_start_counts_from_the_start()
    {
        var schedule = Parse(TimerKind.Cycle, "R3/2026-01-01T00:00:00Z/P1D");

        var first = schedule.FirstDue(Now);

        Assert.Equal(At("2026-01-02T00:00:00Z"), first);
        Assert.Equal(At("2026-01-03T00:00:00Z"), schedule.NextDue(first, 1));
    }

    [Fact]
    public void A_cycle_with_an_end_stops_at_the_end()
    {
        var schedule = Parse(TimerKind.Cycle, "R5/P1D/2026-02-02T10:00:00Z");
        Assert.Equal(5, schedule.Repetitions);

        var first = schedule.FirstDue(Now);
        var second = schedule.NextDue(first, 1);

        Assert.Equal(At("2026-02-01T10:00:00Z"), first);
        Assert.Equal(At("2026-02-02T10:00:00Z"), second);
        Assert.Null(schedule.NextDue(second!.Value, 2));
    }

    [Fact]
    public void Monthly_cycles_add_months_on_the_calendar_from_the_previous_due_time()
    {
        var schedule = Parse(TimerKind.Cycle, "R/P1M");

        var first = schedule.FirstDue(At("2025-12-31T00:00:00Z"));

        Assert.Equal(At("2026-01-31T00:00:00Z"), first);
        Assert.Equal(At("2026-02-28T00:00:00Z"), schedule.NextDue(first, 1));
    }

    [Fact]
    public void Next_due_refuses_a_negative_count()
    {
        var schedule = Parse(TimerKind.Cycle, "R3/PT1H");

        Assert.Throws<ArgumentOutOfRangeException>(() => schedule.NextDue(Now, -1));
    }

    [Theory]
    [InlineData("PT1H", "'PT1H' is not an ISO 8601 cycle: start with R and the number of repetitions, e.g. R3/PT1H (R alone repeats without end)")]
    [InlineData("R3", "'R3' is not an ISO 8601 cycle: give a period after R3, e.g. R3/PT1H")]
    [InlineData("R0/PT1H", "'R0/PT1H' is not an ISO 8601 cycle: the number of repetitions must be at least 1")]
    [InlineData("Rx/PT1H", "'Rx/PT1H' is not an ISO 8601 cycle: 'Rx' must be R followed by a whole number, e.g. R3")]
    [InlineData("R3/PT0S", "'R3/PT0S' is not an ISO 8601 cycle: the period must be longer than zero, or the timer would fire without pause")]
    [InlineData("R3/PT", "in the cycle 'R3/PT', 'PT' is not an ISO 8601 duration: give at least one number, e.g. PT1H")]
    [InlineData("R3/PT1H/2026-13-01", "in the cycle 'R3/PT1H/2026-13-01', '2026-13-01' is not an ISO 8601 date-time: write it like 2026-01-01T09:00:00Z or 2026-01-01T09:00:00+08:00")]
    [InlineData("R3/2026-01-01T00:00:00Z/2026-02-01T00:00:00Z", "'R3/2026-01-01T00:00:00Z/2026-02-01T00:00:00Z' is not an ISO 8601 cycle: give a start and a period (R3/2026-01-01T00:00:00Z/P1D), not a start and an end")]
    [InlineData("R3/PT1H/PT1H/PT1H", "'R3/PT1H/PT1H/PT1H' is not an ISO 8601 cycle: it has too many parts: use R3/PT1H, R3/start/PT1H or R3/PT1H/end")]
    public void Malformed_cycles_are_refused_with_a_sentence(string text, string message)
    {
        Assert.Equal(message, Refused(TimerKind.Cycle, text));
    }

    [Theory]
    [InlineData(TimerKind.Duration, "  ", "the timer duration is empty: write one like PT1H")]
    [InlineData(TimerKind.Date, "", "the timer date is empty: write one like 2026-01-01T09:00:00Z")]
    [InlineData(TimerKind.Cycle, "${reminderCycle}", "'${reminderCycle}' is an expression, not an ISO 8601 cycle: evaluate it first, then read its result")]
    [InlineData((TimerKind)7, "PT1H", "7 is not a timer kind: use Duration, Date or Cycle")]
    public void Empty_text_expressions_and_unknown_kinds_are_refused(TimerKind kind, string text, string message)
    {
        Assert.Equal(message, Refused(kind, text));
    }

    [Theory]
    [InlineData("0 0/15 * * * ?", "2026-01-05T09:07:30Z", "2026-01-05T09:15:00Z", "2026-01-05T09:30:00Z")]
    [InlineData("0 0 9 ? * MON-FRI", "2026-01-09T10:00:00Z", "2026-01-12T09:00:00Z", "2026-01-13T09:00:00Z")] // Friday after nine → Monday
    [InlineData("0 30 17 L * ?", "2026-02-01T00:00:00Z", "2026-02-28T17:30:00Z", "2026-03-31T17:30:00Z")]
    [InlineData("15 0 8 1,15 JAN,JUL ? 2026", "2026-01-01T09:00:00Z", "2026-01-15T08:00:15Z", "2026-07-01T08:00:15Z")]
    public void A_Quartz_cron_cycle_fires_on_its_calendar_as_in_Camunda(string cron, string now, string first, string second)
    {
        Assert.True(TimerSchedule.TryParse(TimerKind.Cycle, cron, out var schedule, out var error), error);

        var due = schedule!.FirstDue(DateTimeOffset.Parse(now, CultureInfo.InvariantCulture));

        Assert.Equal(DateTimeOffset.Parse(first, CultureInfo.InvariantCulture), due);
        Assert.Equal(DateTimeOffset.Parse(second, CultureInfo.InvariantCulture), schedule.NextDue(due, 1));
    }

    [Theory]
    [InlineData("0 0 9 ? * MON#2", "'#', 'L'")]
    [InlineData("0 61 * * * ?", "not a valid minutes")]
    [InlineData("0 0 9 1 * MON", "either the day of month or the day of week")]
    public void A_cron_cycle_outside_what_runs_is_refused_with_the_reason(string cron, string reason)
    {
        Assert.False(TimerSchedule.TryParse(TimerKind.Cycle, cron, out _, out var error));
        Assert.Contains(reason, error, StringComparison.Ordinal);
    }
}
