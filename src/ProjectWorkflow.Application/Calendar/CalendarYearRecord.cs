namespace ProjectWorkflow.Application.Calendar;

/// <summary>
/// One year of the State Council's holiday notice (国务院办公厅关于部分节假日安排的通知): the days off and the weekend
/// days worked instead (调休). Reference data an administrator keeps; stored as ISO dates, comma-separated.
/// </summary>
public sealed class CalendarYearRecord
{
    public int Year { get; set; }
    public string DaysOff { get; set; } = "";
    public string MakeUpWorkdays { get; set; } = "";
    public string? Source { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public string? UpdatedBy { get; set; }

    public IReadOnlyList<DateOnly> DaysOffList => Parse(DaysOff);
    public IReadOnlyList<DateOnly> MakeUpWorkdaysList => Parse(MakeUpWorkdays);

    public static string Join(IEnumerable<DateOnly> days) =>
        string.Join(",", days.Distinct().Order().Select(d => d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)));

    private static List<DateOnly> Parse(string days) =>
        days.Split(',', StringSplitOptions.RemoveEmptyEntries)
            .Select(d => DateOnly.ParseExact(d, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)).ToList();
}
