using ProjectWorkflow.Application.Seeding;

namespace ProjectWorkflow.Cluster.Tests;

/// <summary>
/// The nodes' shared clock for a rehearsal (<see cref="RehearsalClock"/>, configured by <c>Clock:ShiftFile</c>; the app
/// refuses it outside Development): the machine's time until a test moves it forward, on both nodes at once and on a
/// node started again after a crash. What the clock governs (a public notice's end, its timer) runs as in production.
/// </summary>
public sealed class RehearsalTime : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "projectworkflow-rehearsal-clock", Guid.NewGuid().ToString("N"));
    private TimeSpan _shift;

    public RehearsalTime() => Directory.CreateDirectory(_directory);

    public string ShiftFile => Path.Combine(_directory, "shift");

    /// <summary>The node settings that put a node on this clock.</summary>
    public IEnumerable<KeyValuePair<string, string>> Settings =>
    [
        new("Clock__ShiftFile", ShiftFile),
        // Tokens are checked against the machine's clock: a token issued after the clock moved would not be valid yet,
        // so the people sign in before, and their tokens must last the whole run.
        new("Auth__TokenLifetimeMinutes", "480"),
    ];

    /// <summary>The nodes' time now.</summary>
    public DateTimeOffset Now => DateTimeOffset.UtcNow + _shift;

    /// <summary>The year the nodes' clock is in, in Shanghai: the scheme-year a run applies for (the demo seeds its rules and budget, and the next year's).</summary>
    public int Year => Now.ToOffset(TimeSpan.FromHours(8)).Year;

    /// <summary>Moves both nodes' clocks forward to <paramref name="at"/> (never back); they read it within a second.</summary>
    public void MoveTo(DateTimeOffset at)
    {
        var shift = at - DateTimeOffset.UtcNow;
        if (shift <= _shift) return;
        _shift = shift;
        RehearsalClock.Write(ShiftFile, shift);
    }

    /// <summary>
    /// Where a run starts: now, or the moment <c>PW_CLUSTER_REHEARSE_FROM</c> names (e.g. <c>2026-12-28T10:00+08:00</c>;
    /// forward only, within the year after the nodes started, whose rules and budgets the demo seeds), to rehearse the
    /// days around a year's end whatever day the run is on. Called after the people signed in (tokens are checked on the
    /// machine's time).
    /// </summary>
    public async Task RehearseFromAsync()
    {
        if (Environment.GetEnvironmentVariable("PW_CLUSTER_REHEARSE_FROM") is not { Length: > 0 } from) return;
        MoveTo(DateTimeOffset.Parse(from, System.Globalization.CultureInfo.InvariantCulture));
        await UntilTheNodesReadItAsync();
    }

    /// <summary>
    /// Back to the machine's time, once a run that moved the clock is over: the fixture's other tests sign people in
    /// afterwards, and a token issued on a moved clock is not valid yet on the machine's.
    /// </summary>
    public async Task BackToTheMachinesTimeAsync()
    {
        if (_shift == TimeSpan.Zero) return;
        _shift = TimeSpan.Zero;
        RehearsalClock.Write(ShiftFile, TimeSpan.Zero);
        await UntilTheNodesReadItAsync();
    }

    // A node's clock reads the file again 250 ms after its last read at the latest: past this, every node agrees.
    private static Task UntilTheNodesReadItAsync() => Task.Delay(TimeSpan.FromSeconds(1));

    public void Dispose()
    {
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // Left in the temp folder: harmless.
        }
    }
}
