namespace ProjectWorkflow.Funding.Calendar;

/// <summary>
/// Working days as the State Council's holiday notice sets them: weekends off, public holidays
/// off, and make-up working days (调休) on some weekends. Data, not code: each year's notice is loaded.
/// </summary>
public sealed class WorkingDayCalendar
{
    private readonly HashSet<DateOnly> _holidays;
    private readonly HashSet<DateOnly> _makeUpWorkdays;

    public WorkingDayCalendar(IEnumerable<DateOnly> holidays, IEnumerable<DateOnly> makeUpWorkdays)
    {
        _holidays = [.. holidays];
        _makeUpWorkdays = [.. makeUpWorkdays];
        var both = _holidays.Intersect(_makeUpWorkdays).ToList();
        if (both.Count > 0)
            throw new ArgumentException($"{both[0]:yyyy-MM-dd} cannot be both a holiday and a make-up working day.");
    }

    public static WorkingDayCalendar WeekdaysOnly { get; } = new([], []);

    public bool IsWorkingDay(DateOnly day) =>
        _makeUpWorkdays.Contains(day) || (!_holidays.Contains(day) && day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday));

    /// <summary>The day on which a period of <paramref name="workingDays"/> working days that starts after <paramref name="from"/> ends.</summary>
    public DateOnly AddWorkingDays(DateOnly from, int workingDays)
    {
        if (workingDays < 0) throw new ArgumentOutOfRangeException(nameof(workingDays), "Count forward only.");
        var day = from;
        for (var counted = 0; counted < workingDays;)
        {
            day = day.AddDays(1);
            if (IsWorkingDay(day)) counted++;
        }
        return day;
    }

    public int WorkingDaysBetween(DateOnly fromExclusive, DateOnly toInclusive)
    {
        var count = 0;
        for (var day = fromExclusive.AddDays(1); day <= toInclusive; day = day.AddDays(1))
            if (IsWorkingDay(day)) count++;
        return count;
    }
}
