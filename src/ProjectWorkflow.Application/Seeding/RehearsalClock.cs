using System.Globalization;

namespace ProjectWorkflow.Application.Seeding;

/// <summary>
/// The clock of a rehearsal on several nodes (the cluster tests), only with <c>Clock:ShiftFile</c> and only in the
/// Development environment (<see cref="DemoDataRule.SettingsProblem"/> refuses the start anywhere else): the machine's
/// time plus the shift written in that file (a <see cref="TimeSpan"/>, e.g. <c>7.02:00:00</c>; none while the file is
/// absent). Every node of the rehearsal names the same file, so they move forward together and a node started again
/// after a crash starts on the rehearsal's time at once. It lets a rehearsal live through a five-working-day public
/// notice in minutes, with the notice's timer computed and fired as in production.
/// </summary>
public sealed class RehearsalClock(string shiftFile) : TimeProvider
{
    /// <summary>How long a shift read from the file is believed before the file is read again.</summary>
    private static readonly TimeSpan ReadEvery = TimeSpan.FromMilliseconds(250);

    private readonly Lock _gate = new();
    private TimeSpan _shift;
    private long _readAt = long.MinValue;

    public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + Shift;

    public TimeSpan Shift
    {
        get
        {
            var now = Environment.TickCount64;
            lock (_gate)
            {
                if (now - _readAt >= (long)ReadEvery.TotalMilliseconds || _readAt == long.MinValue)
                {
                    _shift = Read(shiftFile) ?? _shift;
                    _readAt = now;
                }
                return _shift;
            }
        }
    }

    /// <summary>Writes the shift for every node reading <paramref name="shiftFile"/> (written whole, then moved into place).</summary>
    public static void Write(string shiftFile, TimeSpan shift)
    {
        var next = shiftFile + ".next";
        File.WriteAllText(next, shift.ToString("c", CultureInfo.InvariantCulture));
        File.Move(next, shiftFile, overwrite: true);
    }

    /// <returns>The file's shift, zero without the file, or null when it cannot be read right now (the last shift stays).</returns>
    private static TimeSpan? Read(string shiftFile)
    {
        try
        {
            if (!File.Exists(shiftFile)) return TimeSpan.Zero;
            return TimeSpan.TryParse(File.ReadAllText(shiftFile).Trim(), CultureInfo.InvariantCulture, out var shift) ? shift : null;
        }
        catch (IOException)
        {
            return null;
        }
    }
}
