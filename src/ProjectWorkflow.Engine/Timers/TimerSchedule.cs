namespace ProjectWorkflow.Engine.Timers;

/// <summary>
/// When a BPMN timer fires, parsed once from its ISO 8601 text: a duration (<c>PT1H</c>), a date
/// (<c>2026-01-01T09:00:00Z</c>) or a cycle (<c>R3/PT1H</c>, <c>R/P1D</c>, <c>R3/start/P1D</c>, <c>R2/P1D/end</c>, or a
/// Quartz cron expression such as <c>0 0 9 ? * MON-FRI</c>, as Camunda accepts in timeCycle).
/// The schedule holds no clock: callers pass "now" and what has fired, so it stays immutable and shareable.
/// </summary>
public sealed class TimerSchedule
{
    private readonly IsoDuration _period;
    private readonly DateTimeOffset? _date;
    private readonly DateTimeOffset? _end;
    private CronExpression? _cron;

    /// <param name="date">The moment of a date timer, or the start of a cycle when one is given.</param>
    /// <param name="end">The last moment a cycle may fire at, when given.</param>
    private TimerSchedule(TimerKind kind, string text, IsoDuration period, DateTimeOffset? date, DateTimeOffset? end, int? repetitions)
    {
        Kind = kind;
        Text = text;
        _period = period;
        _date = date;
        _end = end;
        Repetitions = repetitions;
    }

    public TimerKind Kind { get; }

    /// <summary>The text as written (trimmed).</summary>
    public string Text { get; }

    /// <summary>How many times the timer fires: R3 gives 3, R gives null (no bound); durations and dates fire once.</summary>
    public int? Repetitions { get; }

    public static bool TryParse(TimerKind kind, string text, out TimerSchedule? schedule, out string? error)
    {
        schedule = null;
        var trimmed = text?.Trim() ?? "";
        error = trimmed switch
        {
            "" => $"the timer {Name(kind)} is empty: write one like {Example(kind)}",
            _ when trimmed.Contains("${", StringComparison.Ordinal) || trimmed.Contains("#{", StringComparison.Ordinal)
                => $"'{trimmed}' is an expression, not an ISO 8601 {Name(kind)}: evaluate it first, then read its result",
            _ => null,
        };
        if (error is not null)
        {
            return false;
        }

        schedule = kind switch
        {
            TimerKind.Duration => ParseDuration(trimmed, out error),
            TimerKind.Date => IsoDateTime.TryParse(trimmed, out var date, out error)
                ? new TimerSchedule(kind, trimmed, default, date, null, 1)
                : null,
            TimerKind.Cycle when CronExpression.LooksLikeCron(trimmed) => CronExpression.TryParse(trimmed, out var cron, out error)
                ? new TimerSchedule(kind, trimmed, default, null, null, null) { _cron = cron }
                : null,
            TimerKind.Cycle => CycleReader.Read(trimmed, out error),
            _ => Unknown(kind, out error),
        };
        return schedule is not null;
    }

    /// <summary>
    /// The first moment the timer is due: now + duration; the date itself (even if past, so the caller fires it at once);
    /// for a cycle, its start + period when a start is written, otherwise now + period.
    /// </summary>
    public DateTimeOffset FirstDue(DateTimeOffset now) => Kind switch
    {
        TimerKind.Cycle when _cron is { } cron => cron.Next(now) ?? DateTimeOffset.MaxValue,
        TimerKind.Date => _date!.Value,
        TimerKind.Cycle => _period.AddTo(_date ?? now),
        _ => _period.AddTo(now),
    };

    /// <summary>
    /// The next moment a cycle is due after it fired at <paramref name="previousDue"/>, having fired
    /// <paramref name="firedSoFar"/> times in all (including that one). Null once the repetitions are used up,
    /// past the cycle's end, or for durations and dates, which fire once.
    /// </summary>
    public DateTimeOffset? NextDue(DateTimeOffset previousDue, int firedSoFar)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(firedSoFar);
        if (Kind != TimerKind.Cycle || firedSoFar >= Repetitions)
        {
            return null;
        }

        if (_cron is { } cron) return cron.Next(previousDue);

        DateTimeOffset next;
        try
        {
            next = _period.AddTo(previousDue);
        }
        catch (ArgumentOutOfRangeException)
        {
            // An unbounded cycle has run into year 9999: there is no next time.
            return null;
        }

        return next > _end ? null : next;
    }

    public override string ToString() => Text;

    internal static TimerSchedule Cycle(string text, IsoDuration period, DateTimeOffset? start, DateTimeOffset? end, int? repetitions) =>
        new(TimerKind.Cycle, text, period, start, end, repetitions);

    private static TimerSchedule? ParseDuration(string text, out string? error) =>
        IsoDuration.TryParse(text, out var period, out error)
            ? new TimerSchedule(TimerKind.Duration, text, period, null, null, 1)
            : null;

    private static TimerSchedule? Unknown(TimerKind kind, out string? error)
    {
        error = $"{kind} is not a timer kind: use Duration, Date or Cycle";
        return null;
    }

    private static string Name(TimerKind kind) => kind switch
    {
        TimerKind.Date => "date",
        TimerKind.Cycle => "cycle",
        _ => "duration",
    };

    private static string Example(TimerKind kind) => kind switch
    {
        TimerKind.Date => "2026-01-01T09:00:00Z",
        TimerKind.Cycle => "R3/PT1H",
        _ => "PT1H",
    };
}
