using System.Globalization;
using System.Text;

namespace ProjectWorkflow.Engine.Timers;

/// <summary>
/// An ISO 8601 duration such as <c>P1Y2M3DT4H5M6.5S</c>. Kept as its parts rather than a TimeSpan
/// because years and months have no fixed length: they are added on the calendar.
/// </summary>
public readonly record struct IsoDuration(int Years, int Months, int Weeks, int Days, int Hours, int Minutes, decimal Seconds)
{
    /// <summary>Longer waits are almost certainly typos (P1000Y) and would overflow date arithmetic.</summary>
    private const decimal MaxApproximateDays = 366_000m;

    public bool IsZero => Years == 0 && Months == 0 && Weeks == 0 && Days == 0 && Hours == 0 && Minutes == 0 && Seconds == 0m;

    /// <summary>
    /// Adds years and months on the calendar first (2026-01-31 + P1M is 2026-02-28), then weeks and days,
    /// then the clock time, as Java and Joda do. The offset of <paramref name="t"/> is kept.
    /// </summary>
    public DateTimeOffset AddTo(DateTimeOffset t)
    {
        var months = checked((Years * 12L) + Months);
        var result = months == 0 ? t : t.AddMonths(checked((int)months));
        var ticks = checked(
            (((Weeks * 7L) + Days) * TimeSpan.TicksPerDay)
            + (Hours * TimeSpan.TicksPerHour)
            + (Minutes * TimeSpan.TicksPerMinute)
            + (long)decimal.Round(Seconds * TimeSpan.TicksPerSecond));
        return result.AddTicks(ticks);
    }

    public static bool TryParse(string s, out IsoDuration d) => TryParse(s, out d, out _);

    /// <summary>Parses like <see cref="TryParse(string, out IsoDuration)"/> and says in a sentence what is wrong.</summary>
    internal static bool TryParse(string? s, out IsoDuration d, out string? error)
    {
        d = default;
        error = s is null ? "no duration was given: write one like PT1H or P1D" : new DurationReader(s).Read(out d);
        return error is null;
    }

    /// <summary>The ISO 8601 form, e.g. <c>P1DT12H</c>.</summary>
    public override string ToString()
    {
        if (IsZero)
        {
            return "PT0S";
        }

        var text = new StringBuilder("P");
        Append(text, Years, 'Y');
        Append(text, Months, 'M');
        Append(text, Weeks, 'W');
        Append(text, Days, 'D');
        if (Hours != 0 || Minutes != 0 || Seconds != 0m)
        {
            text.Append('T');
            Append(text, Hours, 'H');
            Append(text, Minutes, 'M');
            if (Seconds != 0m)
            {
                text.Append(Seconds.ToString(CultureInfo.InvariantCulture)).Append('S');
            }
        }

        return text.ToString();
    }

    private static void Append(StringBuilder text, int value, char unit)
    {
        if (value != 0)
        {
            text.Append(value.ToString(CultureInfo.InvariantCulture)).Append(unit);
        }
    }

    internal decimal ApproximateDays =>
        (Years * 366m) + (Months * 31m) + (Weeks * 7m) + Days + (Hours / 24m) + (Minutes / 1440m) + (Seconds / 86400m);

    internal static bool IsTooLong(IsoDuration d) => d.ApproximateDays > MaxApproximateDays;
}
