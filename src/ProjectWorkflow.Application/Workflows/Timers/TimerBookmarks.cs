using ProjectWorkflow.Engine.Runtime;

namespace ProjectWorkflow.Application.Workflows.Timers;

/// <summary>How timer (and job) bookmarks are told apart in the bookmarks table.</summary>
internal static class TimerBookmarks
{
    public static readonly string Kind = BookmarkKind.Timer.ToString().ToLowerInvariant();

    /// <summary>Asynchronous continuations: due at once (or at a failed job's next try), fired by the same jobs and sweep.</summary>
    public static readonly string JobKind = BookmarkKind.Job.ToString().ToLowerInvariant();
}
