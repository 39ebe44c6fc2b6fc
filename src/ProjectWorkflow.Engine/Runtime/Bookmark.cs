using ProjectWorkflow.Engine.Timers;

namespace ProjectWorkflow.Engine.Runtime;

public enum BookmarkKind
{
    Timer,
    Message,

    /// <summary>A signal catch or boundary event: any instance's throw of that name (or a broadcast from outside) fires it.</summary>
    Signal,

    /// <summary>A conditional catch or boundary event: fires when its condition is true after variables changed.</summary>
    Conditional,

    /// <summary>An asynchronous continuation: a job that enters (or leaves) a node in a transaction of its own.</summary>
    Job,

    /// <summary>
    /// A service task whose topic no handler of the app serves: work for an external worker (Camunda's external task),
    /// fetched and locked by topic (<see cref="Bookmark.MessageName"/>); <see cref="Bookmark.DueAt"/> is when its lock
    /// expires (or when a failed one may be fetched again).
    /// </summary>
    ExternalTask,
}

/// <summary>Where an asynchronous continuation sits: before the node (camunda:asyncBefore) or after it (asyncAfter).</summary>
public enum JobPhase
{
    Before,
    After,
}

/// <summary>Something an execution waits for from outside: a timer, a message, or a job to continue it.</summary>
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

    /// <summary>A job's place; its failed tries are counted in <see cref="Fired"/>.</summary>
    public JobPhase? JobPhase { get; set; }

    /// <summary>What made the job's last try fail.</summary>
    public string? LastError { get; set; }

    public string? MessageName { get; set; }
    public string? CorrelationKey { get; set; }

    /// <summary>An external task's priority (<c>camunda:taskPriority</c>, 0 when none): fetchAndLock with usePriority takes the highest first.</summary>
    public long? Priority { get; set; }

    /// <summary>An external task's worker while it holds the lock.</summary>
    public string? WorkerId { get; set; }

    /// <summary>An external task's retries as its worker last reported them (null until a failure is reported; 0: an incident).</summary>
    public int? Retries { get; set; }
}
