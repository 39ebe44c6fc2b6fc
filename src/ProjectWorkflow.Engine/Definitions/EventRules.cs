using ProjectWorkflow.Engine.Model;
using ProjectWorkflow.Engine.Reading;
using ProjectWorkflow.Engine.Timers;

namespace ProjectWorkflow.Engine.Definitions;

/// <summary>
/// Timers parse as ISO 8601 (or are expressions), message events name a message the file
/// defines, catch and boundary events wait for something, and boundary events sit on an activity.
/// </summary>
internal static class EventRules
{
    public static void Check(FlowNode node, ValidationContext context)
    {
        switch (node)
        {
            case StartEvent start:
                CheckTimer(start, start.Timer, context);
                CheckMessage(start, start.Message, context);
                CheckSignal(start, start.Signal, context);
                CheckConditional(start, start.Conditional, context);
                if (start.Error is { ErrorRef: not null, Code: null } unknownError)
                    context.Add(start, $"The error start event refers to error '{unknownError.ErrorRef}', which the file does not define. Add an error element with that id and an errorCode, or remove errorRef to catch every error.");
                if (start.Escalation is { EscalationRef: not null, Code: null } unknownEscalation)
                    context.Add(start, $"The escalation start event refers to escalation '{unknownEscalation.EscalationRef}', which the file does not define with an escalationCode. Add it, or remove escalationRef to catch every escalation.");
                if (start.Message is { NameExpression: not null } && start.Scope is ProcessModel)
                {
                    context.Add(start, "A message start event's name cannot be an expression: there are no variables yet to evaluate it with. Give the message a fixed name.");
                }
                break;
            case IntermediateCatchEvent { LinkName: { } link } linkTarget:
                if (link.Trim().Length == 0)
                    context.Add(linkTarget, "The link catch event has no name, so no link throw event can lead to it. Give its linkEventDefinition a name.");
                break;
            case IntermediateThrowEvent throwEvent:
                CheckMessage(throwEvent, throwEvent.Message, context);
                CheckSignal(throwEvent, throwEvent.Signal, context);
                if (throwEvent.Escalation is { } thrownEscalation) CheckThrownEscalation(throwEvent, thrownEscalation, context);
                if (throwEvent.LinkName is { } linkName) CheckLink(throwEvent, linkName, context);
                break;
            case EndEvent { Message: { } sent } messageEnd:
                CheckMessage(messageEnd, sent, context);
                break;
            case EndEvent { Signal: { } broadcast } signalEnd:
                CheckSignal(signalEnd, broadcast, context);
                break;
            case EndEvent { Escalation: { } raised } escalationEnd:
                CheckThrownEscalation(escalationEnd, raised, context);
                break;
            case IntermediateCatchEvent catchEvent:
                RequireDefinition(catchEvent, catchEvent.Timer, catchEvent.Message ?? catchEvent.Signal ?? (object?)catchEvent.Conditional, context);
                CheckConditional(catchEvent, catchEvent.Conditional, context);
                CheckSignal(catchEvent, catchEvent.Signal, context);
                CheckTimer(catchEvent, catchEvent.Timer, context);
                CheckMessage(catchEvent, catchEvent.Message, context);
                break;
            case EndEvent { Error: { } thrown } end:
                if (thrown.ErrorRef is null)
                    context.Add(end, "The error end event does not say which error it throws. Set errorRef to an error of the file (with its errorCode).");
                else if (thrown.Code is null)
                    context.Add(end, $"The error end event refers to error '{thrown.ErrorRef}', which the file does not define. Add an error element with that id and an errorCode.");
                break;
            case BoundaryEvent boundary:
                CheckAttachment(boundary, context);
                CheckSameMessageTwice(boundary, context);
                if (boundary.Compensation || boundary.Cancel) break; // CompensationRules
                if (boundary.Escalation is { } escalation)
                {
                    if (escalation.EscalationRef is not null && escalation.Code is null)
                        context.Add(boundary, $"The escalation boundary event refers to escalation '{escalation.EscalationRef}', which the file does not define with an escalationCode. Add it, or remove escalationRef to catch every escalation.");
                    if (boundary.AttachedTo is { } host and not SubProcess and not CallActivity)
                        context.Add(boundary, $"An escalation boundary event can only sit on a sub-process or a call activity (escalations are thrown from inside them), not on {ValidationContext.Describe(host)}.");
                    break;
                }
                if (boundary.Error is { } caught)
                {
                    if (caught.ErrorRef is not null && caught.Code is null)
                        context.Add(boundary, $"The error boundary event refers to error '{caught.ErrorRef}', which the file does not define. Add an error element with that id and an errorCode, or remove errorRef to catch every error.");
                    break;
                }
                RequireDefinition(boundary, boundary.Timer, boundary.Message ?? boundary.Signal ?? (object?)boundary.Conditional, context);
                CheckConditional(boundary, boundary.Conditional, context);
                CheckSignal(boundary, boundary.Signal, context);
                CheckTimer(boundary, boundary.Timer, context);
                CheckMessage(boundary, boundary.Message, context);
                break;
        }
    }

    private static void RequireDefinition(FlowNode node, TimerDefinition? timer, object? messageOrSignal, ValidationContext context)
    {
        if (timer is null && messageOrSignal is null)
        {
            context.Add(node, $"This {node.Kind} has no timer, message or signal definition, so it would wait for nothing. Give it one.");
        }
    }

    private static void CheckTimer(FlowNode node, TimerDefinition? timer, ValidationContext context)
    {
        if (timer is null) return;
        var element = timer.Kind switch
        {
            TimerKind.Date => "timeDate",
            TimerKind.Cycle => "timeCycle",
            _ => "timeDuration",
        };
        if (timer.Text.Length == 0)
        {
            context.Add(node, "The timer has no value. Write an ISO 8601 duration in timeDuration (PT2H, P5D), a date in timeDate (2026-06-30T17:00:00Z) or a cycle in timeCycle (R3/P1D).");
            return;
        }
        if (ExpressionRules.IsExpression(timer.Text))
        {
            // Its value is only known when the timer is armed; the schedule is worked out then.
            timer.Expression = ExpressionRules.Parse(timer.Text, $"timer {element}", message => context.Add(node, message));
            return;
        }
        if (TimerSchedule.TryParse(timer.Kind, timer.Text, out var schedule, out var error) && schedule is not null)
        {
            timer.Schedule = schedule;
            return;
        }
        var example = timer.Kind switch
        {
            TimerKind.Date => "2026-06-30T17:00:00Z",
            TimerKind.Cycle => "R3/P1D",
            _ => "PT2H or P5D",
        };
        context.Add(node, $"The {element} '{timer.Text}' is not valid ISO 8601 ({(error ?? "unrecognised format").TrimEnd('.')}). Write it like {example}, or as an expression ${{...}}.");
    }

    // A link throw event jumps to the one link catch event of its name in its own (sub-)process.
    private static void CheckLink(IntermediateThrowEvent throwEvent, string name, ValidationContext context)
    {
        var targets = throwEvent.Scope.Nodes.OfType<IntermediateCatchEvent>().Where(c => c.LinkName == name).ToList();
        if (targets.Count == 1)
        {
            throwEvent.LinkTarget = targets[0];
            if (throwEvent.Outgoing.Count > 0)
                context.Add(throwEvent, "A link throw event cannot have outgoing sequence flows: the token goes on at its link catch event.");
            return;
        }
        context.Add(throwEvent, targets.Count == 0
            ? $"No link catch event named '{name}' is in the same (sub-)process, so the link leads nowhere. Add an intermediate catch event with a linkEventDefinition named '{name}'."
            : $"Several link catch events are named '{name}' ({string.Join(", ", targets.Select(t => t.Id))}); a link must lead to one. Rename all but one.");
    }

    private static void CheckConditional(FlowNode node, ConditionalDefinition? conditional, ValidationContext context)
    {
        if (conditional is null) return;
        if (conditional.Text.Trim().Length == 0)
            context.Add(node, "The conditional event has no condition. Write one as an expression, such as ${amountFen > 100000}, in its condition element.");
        else conditional.Condition = ExpressionRules.ParseCondition(conditional.Text.Trim(), "condition", message => context.Add(node, message));
    }

    private static void CheckThrownEscalation(FlowNode node, EscalationDefinition escalation, ValidationContext context)
    {
        if (escalation.EscalationRef is null)
            context.Add(node, "The escalation event does not say which escalation it throws. Set escalationRef to an escalation of the file (with its escalationCode).");
        else if (escalation.Code is null)
            context.Add(node, $"The escalation event refers to escalation '{escalation.EscalationRef}', which the file does not define with an escalationCode. Add an escalation element with that id and a code.");
    }

    private static void CheckSignal(FlowNode node, SignalDefinition? signal, ValidationContext context)
    {
        if (signal is null) return;
        var known = context.Document.Signals;
        if (signal.SignalRef.Length == 0)
            context.Add(node, "The signal event does not say which signal it is. Set its signalRef to a signal of the file.");
        else if (!known.TryGetValue(signal.SignalRef, out var name))
            context.Add(node, $"The signal event refers to signal '{signal.SignalRef}', which the file does not define. Add a signal with that id.");
        else if (string.IsNullOrWhiteSpace(name))
            context.Add(node, $"The signal '{signal.SignalRef}' has no name, so it could not be broadcast or caught. Give the signal a name.");
        else if (ExpressionRules.IsExpression(name))
        {
            if (node is StartEvent { Scope: ProcessModel })
                context.Add(node, "A signal start event's name cannot be an expression: there are no variables yet to evaluate it with. Give the signal a fixed name.");
            else signal.NameExpression = ExpressionRules.Parse(name, "signal name", problem => context.Add(node, problem));
        }
    }

    internal static void CheckMessage(FlowNode node, MessageDefinition? message, ValidationContext context)
    {
        if (message is null) return;
        var known = context.Document.Messages;
        var choices = known.Count == 0 ? "" : $" The file's messages are: {string.Join(", ", known.Keys.Order(StringComparer.Ordinal))}.";
        if (message.MessageRef.Length == 0)
        {
            context.Add(node, $"The message event does not say which message it waits for. Set its messageRef to a message of the file.{choices}");
        }
        else if (!known.TryGetValue(message.MessageRef, out var name))
        {
            context.Add(node, $"The message event refers to message '{message.MessageRef}', which the file does not define. Add a message with that id, or refer to an existing one.{choices}");
        }
        else if (string.IsNullOrWhiteSpace(name))
        {
            context.Add(node, $"The message '{message.MessageRef}' has no name, so nothing could be delivered to this event. Give the message a name.");
        }
        else if (ExpressionRules.IsExpression(name))
        {
            message.NameExpression = ExpressionRules.Parse(name, "message name", problem => context.Add(node, problem));
        }
    }

    // Camunda refuses two boundary events of one activity waiting for the same message: a delivery could not
    // tell which of them it is for. Named on the second one (in the file's order).
    private static void CheckSameMessageTwice(BoundaryEvent boundary, ValidationContext context)
    {
        if (boundary.AttachedTo is not { } host || boundary.Message is not { MessageRef.Length: > 0 } message) return;
        var first = host.Boundaries.FirstOrDefault(b => b.Message?.MessageRef == message.MessageRef);
        if (first is null || first == boundary) return;
        context.Add(boundary, $"The message '{message.MessageRef}' is already caught by the boundary event '{first.Id}' on the same {host.Kind} '{host.Id}'; "
            + "a delivery could not tell which of the two it is for. Keep one boundary event per message on an activity.");
    }

    private static void CheckAttachment(BoundaryEvent boundary, ValidationContext context)
    {
        // The reader attaches only when the target is an activity of the same scope.
        FlowNode? attached = boundary.AttachedTo;
        if (attached is not null) return;
        var reference = boundary.AttachedToRef;
        if (reference.Length == 0)
        {
            context.Add(boundary, "The boundary event is not attached to anything. Set attachedToRef to the user task, service task, call activity or sub-process it watches.");
        }
        else if (!context.Process.NodesById.TryGetValue(reference, out var host))
        {
            if (!context.IsUnsupported(reference))
            {
                context.Add(boundary, $"The boundary event is attached to '{reference}', which is not an element of this process.");
            }
        }
        else if (!GraphLinker.IsActivity(host))
        {
            context.Add(boundary, $"The boundary event is attached to {ValidationContext.Describe(host)}; boundary events can only be attached to user tasks, service tasks, call activities and sub-processes.");
        }
        else
        {
            context.Add(boundary, $"The boundary event is attached to {ValidationContext.Describe(host)}, which lies in a different (sub-)process; draw the boundary event in the same process as its activity.");
        }
    }
}
