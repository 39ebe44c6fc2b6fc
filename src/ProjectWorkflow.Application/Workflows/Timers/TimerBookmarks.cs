using ProjectWorkflow.Engine.Runtime;

namespace ProjectWorkflow.Application.Workflows.Timers;

/// <summary>How timer bookmarks are told apart in the bookmarks table.</summary>
internal static class TimerBookmarks
{
    public static readonly string Kind = BookmarkKind.Timer.ToString().ToLowerInvariant();
}
