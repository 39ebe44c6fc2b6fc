namespace ProjectWorkflow.Application.Workflows.Timers;

/// <summary>
/// A timer start event of the latest deployed version of a process: each time it falls due a new instance
/// starts there. Cycles (<c>R3/PT1H</c>) move <see cref="NextDueAt"/> on until they are used up; a newer
/// version of the process replaces these rows with its own.
/// </summary>
public sealed class StartTimerRecord
{
    public Guid Id { get; set; }
    public string DefinitionId { get; set; } = "";
    public string DefinitionKey { get; set; } = "";
    public int Version { get; set; }
    public string StartEventId { get; set; } = "";

    /// <summary><c>duration</c>, <c>date</c> or <c>cycle</c>, with the ISO 8601 text as written.</summary>
    public string TimerKind { get; set; } = "";
    public string TimerText { get; set; } = "";

    /// <summary>Null once the timer has fired for the last time.</summary>
    public DateTimeOffset? NextDueAt { get; set; }

    /// <summary>How many instances it has started; also the optimistic-concurrency token, so one round starts one instance.</summary>
    public int FiredCount { get; set; }
    public DateTimeOffset? LastFiredAt { get; set; }
}
