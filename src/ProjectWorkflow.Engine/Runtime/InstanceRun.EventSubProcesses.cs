using System.Text.Json.Nodes;
using ProjectWorkflow.Engine.Model;

namespace ProjectWorkflow.Engine.Runtime;

/// <summary>
/// Event sub-processes (BPMN §10.3.5, as Camunda 7 runs them): while a scope (the process, or an embedded sub-process)
/// runs, the start events of its event sub-processes wait — timers, messages, signals and conditions as bookmarks of
/// the scope, errors and escalations as catchers asked before the scope's own boundary events. An interrupting one
/// stops everything else in its scope and the scope ends when it does; a non-interrupting one runs beside the rest,
/// as often as its event comes.
/// </summary>
internal sealed partial class InstanceRun
{
    /// <summary>The bookmark owner of the process level, which has no scope execution of its own.</summary>
    public static readonly Guid ProcessScope = Guid.Empty;

    /// <summary>A scope begins: its event sub-processes' timers, messages, signals and conditions start waiting.</summary>
    public void ArmEventSubProcesses(Execution? scope, FlowScope flowScope)
    {
        foreach (var eventSubProcess in flowScope.EventSubProcesses)
        {
            if (eventSubProcess.Trigger is not { } start) continue;
            if (start.Conditional is not null) CreateCondition(scope, start);
            else if (start.Timer is not null || start.Message is not null || start.Signal is not null)
                CreateBookmark(scope, start, start.Timer, start.Message, start.Signal);
        }
    }

    /// <summary>The timer, message, signal or condition of an event sub-process's start event came.</summary>
    private void FireEventSubProcess(Bookmark bookmark, SubProcess eventSubProcess, StartEvent start, JsonObject? variables)
    {
        Execution? scope = null;
        if (bookmark.ExecutionId != ProcessScope)
            scope = _instance.FindExecution(bookmark.ExecutionId)
                ?? throw WorkflowException.Conflict($"The scope waiting at '{bookmark.ElementId}' no longer exists.", $"在环节“{bookmark.ElementId}”处等待的作用域已不存在。");
        SetVariables(variables);
        Journal(start, bookmark.Kind switch
        {
            BookmarkKind.Timer => "timerFired",
            BookmarkKind.Signal => "signalReceived",
            BookmarkKind.Conditional => "conditionMet",
            _ => "messageReceived",
        }, bookmark.MessageName);
        if (start.IsInterrupting) _instance.Bookmarks.Remove(bookmark);
        else RescheduleOrRemove(bookmark);
        StartEventSubProcess(scope, eventSubProcess, start);
    }

    /// <summary>
    /// Starts an event sub-process in <paramref name="scope"/> (null: the process level). An interrupting one first
    /// stops every other path of the scope, the other event sub-processes' waiting included.
    /// </summary>
    private void StartEventSubProcess(Execution? scope, SubProcess eventSubProcess, StartEvent start)
    {
        Revocable = false;
        var scopeId = scope?.Id;
        if (start.IsInterrupting)
        {
            var reason = $"interrupted by the event sub-process '{eventSubProcess.Id}'";
            foreach (var child in _instance.Executions.Where(e => e.ParentId == scopeId).ToList())
            {
                if (!_instance.Executions.Contains(child)) continue;
                CancelExecution(child, reason, keep: false);
                Journal(_process.Node(child.ElementId), "interrupted", eventSubProcess.Id);
            }
            var owner = scopeId ?? ProcessScope;
            for (var i = _instance.Bookmarks.Count - 1; i >= 0; i--)
            {
                var bookmark = _instance.Bookmarks[i];
                if (bookmark.ExecutionId != owner || !IsEventSubProcessStart(bookmark.ElementId)) continue;
                _instance.Bookmarks.RemoveAt(i);
                if (bookmark.Kind is BookmarkKind.Timer) _session.AddEffect(new TimerCancelled(_instance.Id, bookmark.Id));
            }
        }
        var body = NewExecution(scopeId, eventSubProcess.Id);
        body.State = ExecutionState.Scope;
        Journal(eventSubProcess, "entered");
        ArmEventSubProcesses(body, eventSubProcess);
        var token = NewExecution(body.Id, start.Id);
        Journal(start, "entered");
        Leave(token, start);
    }

    private bool IsEventSubProcessStart(string elementId) =>
        _process.NodesById.TryGetValue(elementId, out var node) && node is StartEvent { Scope: SubProcess { TriggeredByEvent: true } };

    /// <summary>The flow scope an execution stands for when it holds others: a sub-process (null for anything else).</summary>
    private FlowScope? ScopeNode(Execution? scope) => scope is null ? _process : _process.Node(scope.ElementId) as SubProcess;

    /// <summary>The event sub-process of a scope whose start event catches this error (an exact code before a catch-all).</summary>
    private static (SubProcess, StartEvent)? ErrorEventSubProcess(FlowScope scope, string code, string? except) =>
        Find(scope, s => s.Error is { Code: { } c } && c == code, except) ?? Find(scope, s => s.Error is { ErrorRef: null }, except);

    /// <summary>The event sub-process of a scope whose start event catches this escalation (an exact code before a catch-all).</summary>
    private static (SubProcess, StartEvent)? EscalationEventSubProcess(FlowScope scope, string code, string? except) =>
        Find(scope, s => s.Escalation is { Code: { } c } && c == code, except) ?? Find(scope, s => s.Escalation is { EscalationRef: null }, except);

    private static (SubProcess, StartEvent)? Find(FlowScope scope, Func<StartEvent, bool> catches, string? except)
    {
        foreach (var eventSubProcess in scope.EventSubProcesses)
            if (eventSubProcess.Id != except && eventSubProcess.Trigger is { } start && catches(start)) return (eventSubProcess, start);
        return null;
    }

    /// <summary>Drops the process level's waiting event sub-process starts (the instance ends).</summary>
    private void RemoveProcessScopeBookmarks()
    {
        for (var i = _instance.Bookmarks.Count - 1; i >= 0; i--)
        {
            var bookmark = _instance.Bookmarks[i];
            if (bookmark.ExecutionId != ProcessScope) continue;
            _instance.Bookmarks.RemoveAt(i);
            if (bookmark.Kind is BookmarkKind.Timer) _session.AddEffect(new TimerCancelled(_instance.Id, bookmark.Id));
        }
    }
}
