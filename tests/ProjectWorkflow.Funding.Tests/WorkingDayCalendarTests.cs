using ProjectWorkflow.Funding.Calendar;

namespace ProjectWorkflow.Funding.Tests;

public class WorkingDayCalendarTests
{
    // A National Day week as the State Council notices set it: Oct 1–7 off, Sunday Sep 28 and Saturday Oct 11 worked.
    private static readonly WorkingDayCalendar NationalDay = new(
        Enumerable.Range(1, 7).Select(d => new DateOnly(2025, 10, d)),
        [new DateOnly(2025, 9, 28), new DateOnly(2025, 10, 11)]);

    [Fact]
    public void FiveWorkingDays_SkipWeekendsAndHolidays_AndCountMakeUpDays()
    {
        // A notice published Friday 2025-09-26: Sun 28 (make-up), Mon 29, Tue 30, then Oct 8, 9.
        Assert.Equal(new DateOnly(2025, 10, 9), NationalDay.AddWorkingDays(new DateOnly(2025, 9, 26), 5));
        Assert.Equal(new DateOnly(2026, 1, 12), WorkingDayCalendar.WeekdaysOnly.AddWorkingDays(new DateOnly(2026, 1, 5), 5));
    }

    [Fact]
    public void ANoticeStartingWednesday20260923_EndsAfterWednesday20260930()
    {
        // 2026: Mid-Autumn Sep 25–27 and National Day Oct 1–7 off, Sunday Sep 20 and Saturday Oct 10 worked (DOMAIN.md).
        var calendar = new WorkingDayCalendar(
            [.. Enumerable.Range(25, 3).Select(d => new DateOnly(2026, 9, d)), .. Enumerable.Range(1, 7).Select(d => new DateOnly(2026, 10, d))],
            [new DateOnly(2026, 9, 20), new DateOnly(2026, 10, 10)]);
        // Published Tuesday the 22nd, the period starts the next day: 23, 24, 28, 29, 30.
        Assert.Equal(new DateOnly(2026, 9, 30), calendar.AddWorkingDays(new DateOnly(2026, 9, 22), 5));
        Assert.True(calendar.IsWorkingDay(new DateOnly(2026, 10, 10)));
    }

    [Fact]
    public void ADayCannotBeBothHolidayAndWorkday()
    {
        Assert.Throws<ArgumentException>(() => new WorkingDayCalendar([new DateOnly(2026, 1, 1)], [new DateOnly(2026, 1, 1)]));
    }
}
