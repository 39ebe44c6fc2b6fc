using System.Globalization;

namespace ProjectWorkflow.Engine.Timers;

/// <summary>
/// A Quartz cron expression, as Camunda 7 accepts it in <c>timeCycle</c>: seconds, minutes, hours, day of month,
/// month, day of week and an optional year (<c>0 0/5 * * * ?</c>, <c>0 0 9 ? * MON-FRI</c>). Each field takes
/// <c>*</c>, <c>?</c> (day fields), numbers, ranges <c>a-b</c>, lists <c>a,b</c> and steps <c>a/n</c>; day of
/// month also <c>L</c> (the last day). Months and days may be named (JAN, MON); days of week count 1 = SUN
/// to 7 = SAT, as in Quartz. Evaluated in UTC. <c>W</c>, <c>#</c> and <c>L</c> in day of week are refused.
/// </summary>
public sealed class CronExpression
{
    private static readonly string[] Months = ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"];
    private static readonly string[] Days = ["SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"];

    private readonly bool[] _seconds = new bool[60];
    private readonly bool[] _minutes = new bool[60];
    private readonly bool[] _hours = new bool[24];
    private readonly bool[] _daysOfMonth = new bool[32];
    private readonly bool[] _months = new bool[13];
    private readonly bool[] _daysOfWeek = new bool[8];
    private bool[]? _years;
    private bool _lastDayOfMonth;
    private bool _anyDayOfMonth;
    private bool _anyDayOfWeek;

    private CronExpression(string text) => Text = text;

    public string Text { get; }

    /// <summary>True when the text looks like a cron expression rather than ISO 8601 (six or seven fields).</summary>
    public static bool LooksLikeCron(string text) =>
        text.Split(' ', StringSplitOptions.RemoveEmptyEntries) is { Length: 6 or 7 } && !text.StartsWith('R');

    public static bool TryParse(string text, out CronExpression? cron, out string? error)
    {
        cron = null;
        var fields = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (fields.Length is not (6 or 7))
        {
            error = $"a cron expression has 6 or 7 fields (seconds minutes hours day-of-month month day-of-week [year]); '{text}' has {fields.Length}";
            return false;
        }
        var parsed = new CronExpression(text.Trim());
        error = parsed.Field(fields[0], "seconds", 0, 59, null, parsed._seconds)
            ?? parsed.Field(fields[1], "minutes", 0, 59, null, parsed._minutes)
            ?? parsed.Field(fields[2], "hours", 0, 23, null, parsed._hours)
            ?? parsed.DayOfMonth(fields[3])
            ?? parsed.Field(fields[4], "month", 1, 12, Months, parsed._months)
            ?? parsed.DayOfWeek(fields[5])
            ?? (fields.Length == 7 ? parsed.Year(fields[6]) : null);
        if (error is null && parsed._anyDayOfMonth == parsed._anyDayOfWeek && fields[3] != "*" && fields[5] != "*")
            error = "give either the day of month or the day of week and '?' for the other";
        if (error is not null) return false;
        cron = parsed;
        return true;
    }

    /// <summary>The first moment strictly after <paramref name="after"/> that matches, or null within the next five years.</summary>
    public DateTimeOffset? Next(DateTimeOffset after)
    {
        var t = new DateTime(after.UtcDateTime.Ticks - after.UtcDateTime.Ticks % TimeSpan.TicksPerSecond, DateTimeKind.Utc).AddSeconds(1);
        var limit = t.AddYears(5);
        while (t < limit)
        {
            if (_years is not null && (t.Year >= _years.Length || !_years[t.Year])) { t = new DateTime(t.Year + 1, 1, 1, 0, 0, 0, DateTimeKind.Utc); continue; }
            if (!_months[t.Month]) { t = new DateTime(t.Year, t.Month, 1, 0, 0, 0, DateTimeKind.Utc).AddMonths(1); continue; }
            if (!DayMatches(t)) { t = t.Date.AddDays(1); continue; }
            if (!_hours[t.Hour]) { t = t.Date.AddHours(t.Hour + 1); continue; }
            if (!_minutes[t.Minute]) { t = t.Date.AddHours(t.Hour).AddMinutes(t.Minute + 1); continue; }
            if (!_seconds[t.Second]) { t = t.AddSeconds(1); continue; }
            return new DateTimeOffset(t);
        }
        return null;
    }

    private bool DayMatches(DateTime t)
    {
        var dom = _anyDayOfMonth || (_lastDayOfMonth ? t.Day == DateTime.DaysInMonth(t.Year, t.Month) : _daysOfMonth[t.Day]);
        var dow = _anyDayOfWeek || _daysOfWeek[(int)t.DayOfWeek + 1];
        return dom && dow;
    }

    private string? DayOfMonth(string field)
    {
        if (field == "?") { _anyDayOfMonth = true; return null; }
        if (field == "L") { _lastDayOfMonth = true; return null; }
        if (field.Contains('W') || field.Contains('L')) return $"'{field}' in the day of month ('W', 'L-n') is not supported; use numbers, ranges, lists, steps, 'L' or '?'";
        if (field == "*") { _anyDayOfMonth = true; return null; }
        return Field(field, "day of month", 1, 31, null, _daysOfMonth);
    }

    private string? DayOfWeek(string field)
    {
        if (field is "?" or "*") { _anyDayOfWeek = true; return null; }
        if (field.Contains('#') || field.Contains('L')) return $"'{field}' in the day of week ('#', 'L') is not supported; use numbers 1-7 (SUN-SAT), names, ranges, lists or '?'";
        return Field(field, "day of week", 1, 7, Days, _daysOfWeek);
    }

    private string? Year(string field)
    {
        _years = new bool[2200];
        return Field(field, "year", 1970, 2199, null, _years);
    }

    private string? Field(string field, string name, int min, int max, string[]? names, bool[] set)
    {
        foreach (var part in field.Split(','))
        {
            var step = 1;
            var range = part;
            var slash = part.IndexOf('/');
            if (slash >= 0)
            {
                if (!int.TryParse(part[(slash + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out step) || step < 1)
                    return $"the {name} step in '{part}' is not a positive number";
                range = part[..slash];
            }
            int from, to;
            if (range is "*" or "?") (from, to) = (min, max);
            else
            {
                var dash = range.IndexOf('-');
                if (!Value(dash >= 0 ? range[..dash] : range, min, max, names, out from)) return $"'{range}' is not a valid {name} ({min}-{max})";
                if (dash >= 0) { if (!Value(range[(dash + 1)..], min, max, names, out to)) return $"'{range}' is not a valid {name} range ({min}-{max})"; }
                else to = slash >= 0 ? max : from;
            }
            if (to < from) return $"the {name} range '{range}' runs backwards";
            for (var v = from; v <= to; v += step) set[v] = true;
        }
        return null;
    }

    private static bool Value(string text, int min, int max, string[]? names, out int value)
    {
        if (names is not null)
        {
            var index = Array.FindIndex(names, n => n.Equals(text, StringComparison.OrdinalIgnoreCase));
            if (index >= 0) { value = index + min; return true; }
        }
        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value) && value >= min && value <= max;
    }

    public override string ToString() => Text;
}
