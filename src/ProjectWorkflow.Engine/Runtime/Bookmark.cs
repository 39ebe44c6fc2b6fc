using ProjectWorkflow.Engine.Timers;

namespace ProjectWorkflow.Engine.Runtime;

public enum BookmarkKind
{
    Timer,
    Message,
}

/// <summary>Something an execution waits for from outside: a timer or a message.</summary>
public sealed class Bookmark
{
    public Guid Id { get; set; }
    public BookmarkKind Kind { get; set; }

    /// <summary>The execution that waits (the token at a catch event, or the activity a boundary event is attached to).</summary>
    public Guid ExecutionId { get; set; }

    /// <summary>The catch event or boundary event that fires.</summary>
    public string ElementId { get; set; } = "";

    public DateTimeOffset? DueAt { get; set; }
    public TimerKind? TimerKind { get; set; }

    /// <summary>The ISO 8601 timer text as resolved when the timer was set (cycles reschedule from it).</summary>
    public string? TimerText { get; set; }
    public int Fired { get; set; }

    public string? MessageName { get; set; }
    public string? CorrelationKey { get; set; }
}
