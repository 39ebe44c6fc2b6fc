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
    public void ADayCannotBeBothHolidayAndWorkday()
    {
        Assert.Throws<ArgumentException>(() => new WorkingDayCalendar([new DateOnly(2026, 1, 1)], [new DateOnly(2026, 1, 1)]));
    }
}
