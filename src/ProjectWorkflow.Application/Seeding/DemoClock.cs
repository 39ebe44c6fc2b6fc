namespace ProjectWorkflow.Application.Seeding;

/// <summary>
/// The demo run's clock (only with <c>Seed:DemoApplications</c>): the machine's time, except while the demo seed walks a
/// file that must already have waited out its public notice, when it is set back (<see cref="Shift"/>) so every record
/// of that walk carries the past date it would have had. Back to the machine's time before the app serves anyone.
/// </summary>
public sealed class DemoClock : TimeProvider
{
    public TimeSpan Shift { get; set; }

    public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + Shift;

    /// <summary>
    /// While the seed walks the past, a wait on this clock is over at once (the simulated bank answers a backdated
    /// installment without its delay), so the demo's start does not wait seconds per payment; otherwise the machine's timer.
    /// </summary>
    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) =>
        System.CreateTimer(callback, state, Shift != TimeSpan.Zero && dueTime > TimeSpan.Zero ? TimeSpan.Zero : dueTime, period);
}
