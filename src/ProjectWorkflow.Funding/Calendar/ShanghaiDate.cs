namespace ProjectWorkflow.Funding.Calendar;

/// <summary>Deadlines of the fund are Shanghai calendar days (UTC+8, no daylight saving).</summary>
public static class ShanghaiDate
{
    public static readonly TimeSpan Offset = TimeSpan.FromHours(8);

    public static DateOnly Of(DateTimeOffset at) => DateOnly.FromDateTime(at.ToOffset(Offset).DateTime);

    /// <summary>The first moment after the given day, Shanghai time: a deadline "by that day" ends here.</summary>
    public static DateTimeOffset EndOf(DateOnly day) => new(day.AddDays(1).ToDateTime(TimeOnly.MinValue), Offset);
}
