using System.Globalization;
using System.Text.Json.Nodes;
using ProjectWorkflow.Engine.Expressions;
using ProjectWorkflow.Engine.Model;
using ProjectWorkflow.Engine.Timers;

namespace ProjectWorkflow.Engine.Runtime;

/// <summary>Timers and messages: bookmarks that wait for the outside world.</summary>
internal sealed partial class InstanceRun
{
    private void AttachBoundaries(Execution execution, FlowNode activity)
    {
        foreach (var boundary in activity.Boundaries)
            if (boundary.Conditional is not null) CreateCondition(execution, boundary);
            else if (boundary is { Error: null, Escalation: null, Compensation: false, Cancel: false }) CreateBookmark(execution, boundary, boundary.Timer, boundary.Message, boundary.Signal);
    }

    private void CreateBookmark(Execution? execution, FlowNode eventNode, TimerDefinition? timer, MessageDefinition? message, SignalDefinition? signal = null)
    {
        if (signal is not null)
        {
            var signalName = SignalName(execution, signal);
            _instance.Bookmarks.Add(new Bookmark
            {
                Id = _instance.NextId(),
                Kind = BookmarkKind.Signal,
                ExecutionId = execution?.Id ?? ProcessScope,
                ElementId = eventNode.Id,
                MessageName = signalName,
            });
            Journal(eventNode, "signalAwaited", signalName);
            return;
        }
        if (timer is not null)
        {
            var (schedule, text) = ResolveTimer(execution, timer);
            var due = schedule.FirstDue(Now);
            SetTimer(execution?.Id ?? ProcessScope, eventNode, due, timer.Kind, text);
            Journal(eventNode, "timerSet", due.ToString("O", CultureInfo.InvariantCulture));
        }
        else if (message is not null)
        {
            var name = message.NameExpression is { } expression
                ? Text(expression.Evaluate(Variables(execution))) is { Length: > 0 } evaluated ? evaluated
                    : throw new InvalidOperationException($"The message name '{message.Name}' evaluated to nothing.")
                : message.Name;
            var bookmark = new Bookmark
            {
                Id = _instance.NextId(),
                Kind = BookmarkKind.Message,
                ExecutionId = execution?.Id ?? ProcessScope,
                ElementId = eventNode.Id,
                MessageName = name,
                CorrelationKey = _instance.BusinessKey,
            };
            _instance.Bookmarks.Add(bookmark);
            Journal(eventNode, "messageAwaited", name);
            _session.AddEffect(new MessageSubscribed(_instance.Id, bookmark.Id, name, bookmark.CorrelationKey));
        }
    }

    /// <summary>A conditional event starts watching; it is first evaluated when the run settles (CheckConditions).</summary>
    private void CreateCondition(Execution? execution, FlowNode eventNode)
    {
        _instance.Bookmarks.Add(new Bookmark
        {
            Id = _instance.NextId(),
            Kind = BookmarkKind.Conditional,
            ExecutionId = execution?.Id ?? ProcessScope,
            ElementId = eventNode.Id,
        });
        Journal(eventNode, "conditionAwaited", null);
    }

    /// <summary>
    /// Conditional events are evaluated when the run has settled, each only when the variables changed since it last
    /// looked (kept as the variables' text in <see cref="Bookmark.TimerText"/>), so a non-interrupting one fires once per
    /// change, as in Camunda. A condition that reads a variable not set yet is not met. True when one fired.
    /// </summary>
    private bool CheckConditions()
    {
        if (!_instance.Bookmarks.Exists(static b => b.Kind == BookmarkKind.Conditional)) return false;
        var fired = false;
        foreach (var bookmark in _instance.Bookmarks.Where(b => b.Kind == BookmarkKind.Conditional).ToList())
        {
            if (!_instance.Bookmarks.Contains(bookmark)) continue; // an earlier one interrupted its scope
            Execution? execution = null;
            if (bookmark.ExecutionId != ProcessScope && (execution = _instance.FindExecution(bookmark.ExecutionId)) is null) continue;
            var variables = Variables(execution);
            var seen = _instance.Variables.ToJsonString() + execution?.Local?.ToJsonString();
            if (bookmark.TimerText == seen) continue;
            bookmark.TimerText = seen;
            var condition = _process.Node(bookmark.ElementId) switch
            {
                IntermediateCatchEvent c => c.Conditional?.Condition,
                BoundaryEvent b => b.Conditional?.Condition,
                StartEvent s => s.Conditional?.Condition,
                _ => null,
            };
            bool met;
            try
            {
                met = condition?.EvaluateCondition(variables) ?? false;
            }
            catch (ExpressionEvaluationException)
            {
                met = false;
            }
            if (!met) continue;
            Fire(bookmark, null);
            fired = true;
        }
        return fired;
    }

    private (TimerSchedule Schedule, string Text) ResolveTimer(Execution? execution, TimerDefinition timer)
    {
        if (timer.Schedule is { } fixedSchedule) return (fixedSchedule, timer.Text);
        var value = (timer.Expression ?? ExpressionParser.Parse(timer.Text)).Evaluate(Variables(execution));
        var text = value switch
        {
            DateTimeOffset at => at.ToString("O", CultureInfo.InvariantCulture),
            DateTime at => at.ToString("O", CultureInfo.InvariantCulture),
            _ => Text(value) ?? "",
        };
        if (!TimerSchedule.TryParse(timer.Kind, text, out var schedule, out var error))
            throw new ExpressionEvaluationException($"The timer expression '{timer.Text}' gave '{text}': {error}");
        return (schedule!, text);
    }

    private void RemoveBookmarksOf(Execution execution)
    {
        for (var i = _instance.Bookmarks.Count - 1; i >= 0; i--)
        {
            var bookmark = _instance.Bookmarks[i];
            if (bookmark.ExecutionId != execution.Id) continue;
            _instance.Bookmarks.RemoveAt(i);
            if (bookmark.Kind is BookmarkKind.Timer or BookmarkKind.Job) _session.AddEffect(new TimerCancelled(_instance.Id, bookmark.Id));
        }
    }

    /// <summary>A timer fell due or a message arrived: the catch event or boundary event fires.</summary>
    public void Fire(Bookmark bookmark, JsonObject? variables)
    {
        var node = _process.Node(bookmark.ElementId);
        if (node is StartEvent { Scope: SubProcess { TriggeredByEvent: true } eventSubProcess } start)
        {
            FireEventSubProcess(bookmark, eventSubProcess, start, variables);
            return;
        }
        var execution = _instance.FindExecution(bookmark.ExecutionId)
            ?? throw WorkflowException.Conflict($"The execution waiting at '{bookmark.ElementId}' no longer exists.", $"在环节“{bookmark.ElementId}”处等待的执行流已不存在。");
        if (bookmark.Kind == BookmarkKind.Timer && TimeOut(bookmark, execution)) return;
        SetVariables(variables);
        Journal(node, bookmark.Kind switch
        {
            BookmarkKind.Timer => "timerFired",
            BookmarkKind.Signal => "signalReceived",
            BookmarkKind.Conditional => "conditionMet",
            _ => "messageReceived",
        }, bookmark.MessageName);

        if (node is not BoundaryEvent boundary)
        {
            _instance.Bookmarks.Remove(bookmark);
            if (execution.ElementId != node.Id && _process.Node(execution.ElementId) is EventBasedGateway gateway)
            {
                // The first event after an event-based gateway: the gateway is passed, the other events stop waiting.
                MarkCompleted(gateway.Id);
                Journal(gateway, "left", node.Id);
                var flow = gateway.Outgoing.First(f => f.Target == node);
                execution.ArrivedVia = flow.Id;
                if (!_instance.TakenFlowIds.Contains(flow.Id)) _instance.TakenFlowIds.Add(flow.Id);
                Journal(flow.Id, "sequenceFlow", "taken", null);
                RemoveBookmarksOf(execution);
                execution.ElementId = node.Id;
                Journal(node, "entered");
            }
            Leave(execution, node);
            return;
        }

        if (boundary.CancelActivity)
        {
            // Interrupting: the activity and everything inside it stops; the token leaves by the boundary event.
            CancelExecution(execution, $"interrupted by {boundary.Kind} '{boundary.Id}'", keep: true);
            Journal(boundary.AttachedTo, "interrupted", boundary.Id);
            execution.ElementId = boundary.Id;
            Leave(execution, boundary);
            return;
        }

        // Non-interrupting: the activity goes on; a new token leaves by the boundary event.
        RescheduleOrRemove(bookmark);
        var token = NewExecution(execution.ParentId, boundary.Id);
        Leave(token, boundary);
    }

    /// <summary>A timer bookmark on the node, scheduled with the host (the caller journals what it set the timer for).</summary>
    private void SetTimer(Guid executionId, FlowNode node, DateTimeOffset due, TimerKind kind, string text)
    {
        var bookmark = new Bookmark
        {
            Id = _instance.NextId(),
            Kind = BookmarkKind.Timer,
            ExecutionId = executionId,
            ElementId = node.Id,
            DueAt = due,
            TimerKind = kind,
            TimerText = text,
        };
        _instance.Bookmarks.Add(bookmark);
        _session.AddEffect(new TimerScheduled(_instance.Id, bookmark.Id, due));
    }

    private void RescheduleOrRemove(Bookmark bookmark)
    {
        if (bookmark.Kind is BookmarkKind.Message or BookmarkKind.Signal or BookmarkKind.Conditional) return; // a non-interrupting one may fire again
        bookmark.Fired++;
        DateTimeOffset? next = null;
        if (bookmark.TimerKind == TimerKind.Cycle
            && TimerSchedule.TryParse(TimerKind.Cycle, bookmark.TimerText ?? "", out var schedule, out _))
            next = schedule!.NextDue(bookmark.DueAt!.Value, bookmark.Fired);
        if (next is { } due)
        {
            bookmark.DueAt = due;
            _session.AddEffect(new TimerScheduled(_instance.Id, bookmark.Id, due));
        }
        else
        {
            _instance.Bookmarks.Remove(bookmark);
        }
    }

    /// <summary>A message throw event, message end event or send task: the message leaves through the outbox with this command.</summary>
    private void SendMessage(Execution execution, FlowNode node, MessageDefinition message)
    {
        Revocable = false;
        var name = message.NameExpression is { } expression
            ? Text(expression.Evaluate(Variables(execution))) is { Length: > 0 } evaluated ? evaluated
                : throw new InvalidOperationException($"The message name '{message.Name}' evaluated to nothing.")
            : message.Name;
        Journal(node, "messageSent", name);
        _session.AddEffect(new MessageSent(_instance.Id, node.Id, name, _instance.BusinessKey));
    }

    private string SignalName(Execution? execution, SignalDefinition signal) =>
        signal.NameExpression is { } expression
            ? Text(expression.Evaluate(Variables(execution))) is { Length: > 0 } evaluated ? evaluated
                : throw new InvalidOperationException($"The signal name '{signal.Name}' evaluated to nothing.")
            : signal.Name;

    /// <summary>A signal throw or end event: every instance waiting for the signal (this one too) and every signal start event gets it, in this command.</summary>
    private void ThrowSignal(Execution execution, FlowNode node, SignalDefinition signal)
    {
        Revocable = false;
        var name = SignalName(execution, signal);
        Journal(node, "signalThrown", name);
        _session.BroadcastLater(name);
    }

    private void ThrowIntermediate(Execution execution, IntermediateThrowEvent throwEvent)
    {
        if (throwEvent.Message is { } message) SendMessage(execution, throwEvent, message);
        if (throwEvent.Signal is { } signal) ThrowSignal(execution, throwEvent, signal);
        if (throwEvent.Escalation is { Code: { } escalation })
        {
            // Caught by an interrupting boundary, this token is gone with its scope; otherwise it goes on.
            if (!ThrowEscalation(execution, throwEvent, escalation)) Leave(execution, throwEvent);
            return;
        }
        // A compensation throw event: the token waits here for the handlers, and goes on when the last is done.
        if (throwEvent.Compensate is { } compensate && ThrowCompensation(execution, throwEvent, compensate)) return;
        if (throwEvent.LinkTarget is not { } target)
        {
            LeaveNode(execution, throwEvent);
            return;
        }
        // A link: the token goes on at the catch event of the same name, as if a flow joined them.
        MarkCompleted(throwEvent.Id);
        Journal(throwEvent, "left", $"link {throwEvent.LinkName} to {target.Id}");
        execution.ArrivedVia = null;
        Enter(execution, target);
    }

    public void SetVariables(JsonObject? variables)
    {
        if (variables is null) return;
        foreach (var (name, value) in variables)
            _instance.Variables[name] = value?.DeepClone();
    }
}
