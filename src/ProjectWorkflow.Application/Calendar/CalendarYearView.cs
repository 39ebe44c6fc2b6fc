namespace ProjectWorkflow.Application.Calendar;

/// <summary>A year's holiday data as staff read it (dates as yyyy-MM-dd).</summary>
public sealed record CalendarYearView(int Year, IReadOnlyList<DateOnly> DaysOff, IReadOnlyList<DateOnly> MakeUpWorkdays, string? Source, DateTimeOffset UpdatedAt, string? UpdatedBy)
{
    public static CalendarYearView Of(CalendarYearRecord record) =>
        new(record.Year, record.DaysOffList, record.MakeUpWorkdaysList, record.Source, record.UpdatedAt, record.UpdatedBy);
}

/// <summary>What an administrator sends for a year: every day off and every make-up working day, replacing the year's data.</summary>
public sealed record CalendarYearRequest(IReadOnlyList<DateOnly>? DaysOff, IReadOnlyList<DateOnly>? MakeUpWorkdays, string? Source);
