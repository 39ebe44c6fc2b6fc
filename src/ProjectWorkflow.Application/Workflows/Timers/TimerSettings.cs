namespace ProjectWorkflow.Application.Workflows.Timers;

/// <summary>Configuration section <c>Timers</c>.</summary>
public sealed class TimerSettings
{
    public const string Section = "Timers";

    /// <summary>
    /// How long past its due time a timer may wait for its own job before the sweep fires it. The job
    /// normally fires within a second or two; the sweep only takes over when the job was lost.
    /// </summary>
    public TimeSpan SweepGrace { get; set; } = TimeSpan.FromSeconds(5);
}
