using System.Globalization;

namespace ProjectWorkflow.Engine.Timers;

/// <summary>
/// Reads ISO 8601 repeating intervals: <c>Rn/period</c>, <c>Rn/start/period</c> and <c>Rn/period/end</c>
/// (n omitted repeats without bound). Cron expressions, which Camunda also accepts here, are not supported.
/// </summary>
internal static class CycleReader
{
    public static TimerSchedule? Read(string text, out string? error)
    {
        var parts = text.Split('/');
        var head = parts[0];
        if (head.Length == 0 || char.ToUpperInvariant(head[0]) != 'R')
        {
            error = Fail(text, "start with R and the number of repetitions, e.g. R3/PT1H (R alone repeats without end)");
            return null;
        }

        int? repetitions = null;
        if (head.Length > 1)
        {
            if (!int.TryParse(head.AsSpan(1), NumberStyles.None, CultureInfo.InvariantCulture, out var count))
            {
                error = Fail(text, $"'{head}' must be R followed by a whole number, e.g. R3");
                return null;
            }

            if (count < 1)
            {
                error = Fail(text, "the number of repetitions must be at least 1");
                return null;
            }

            repetitions = count;
        }

        error = parts.Length switch
        {
            1 => Fail(text, $"give a period after {head}, e.g. {head}/PT1H"),
            > 3 => Fail(text, "it has too many parts: use R3/PT1H, R3/start/PT1H or R3/PT1H/end"),
            _ => null,
        };
        if (error is not null)
        {
            return null;
        }

        // The period is the part that starts with P; the other optional part is a start or an end date.
        var periodIndex = parts.Length == 3 && !StartsWithP(parts[1]) ? 2 : 1;
        if (!StartsWithP(parts[periodIndex]) && parts.Length == 3 && IsoDateTime.LooksLikeDate(parts[periodIndex]))
        {
            error = Fail(text, "give a start and a period (R3/2026-01-01T00:00:00Z/P1D), not a start and an end");
            return null;
        }

        if (!IsoDuration.TryParse(parts[periodIndex], out var period, out var durationError))
        {
            error = $"in the cycle '{text}', {durationError}";
            return null;
        }

        if (period.IsZero)
        {
            error = Fail(text, "the period must be longer than zero, or the timer would fire without pause");
            return null;
        }

        DateTimeOffset? start = null;
        DateTimeOffset? end = null;
        if (parts.Length == 3)
        {
            var dateText = parts[periodIndex == 1 ? 2 : 1];
            if (!IsoDateTime.TryParse(dateText, out var date, out var dateError))
            {
                error = $"in the cycle '{text}', {dateError}";
                return null;
            }

            if (periodIndex == 1)
            {
                end = date;
            }
            else
            {
                start = date;
            }
        }

        error = null;
        return TimerSchedule.Cycle(text, period, start, end, repetitions);
    }

    private static bool StartsWithP(string part) => part.Length > 0 && char.ToUpperInvariant(part[0]) == 'P';

    private static string Fail(string text, string reason) => $"'{text}' is not an ISO 8601 cycle: {reason}";
}
