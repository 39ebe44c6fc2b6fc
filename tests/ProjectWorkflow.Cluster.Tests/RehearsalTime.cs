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

    /// <summary>Moves both nodes' clocks forward to <paramref name="at"/> (never back); they read it within a second.</summary>
    public void MoveTo(DateTimeOffset at)
    {
        var shift = at - DateTimeOffset.UtcNow;
        if (shift <= _shift) return;
        _shift = shift;
        RehearsalClock.Write(ShiftFile, shift);
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
        // A node's clock reads the file again 250 ms after its last read at the latest: past this, every node agrees.
        await Task.Delay(TimeSpan.FromSeconds(1));
    }

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
