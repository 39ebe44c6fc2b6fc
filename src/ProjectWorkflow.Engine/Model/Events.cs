using ProjectWorkflow.Engine.Expressions;
using ProjectWorkflow.Engine.Timers;

namespace ProjectWorkflow.Engine.Model;

/// <summary>A timer event definition as written, with its schedule once compiled.</summary>
public sealed class TimerDefinition
{
    public TimerDefinition(TimerKind kind, string text)
    {
        Kind = kind;
        Text = text;
    }

    public TimerKind Kind { get; }

    /// <summary>ISO 8601 text, or an expression that yields it.</summary>
    public string Text { get; }

    /// <summary>The schedule when <see cref="Text"/> is a constant; null when it is an expression.</summary>
    public TimerSchedule? Schedule { get; internal set; }

    /// <summary>The parsed expression when <see cref="Text"/> is one (<c>${...}</c>); checked at deploy, evaluated when the timer is armed.</summary>
    public ParsedExpression? Expression { get; internal set; }
}

/// <summary>A message event definition: the name the message is delivered under.</summary>
public sealed record MessageDefinition(string MessageRef, string Name)
{
    /// <summary>The name when it holds an expression (<c>invoice-${number}</c>), evaluated when the event starts waiting.</summary>
    public ParsedExpression? NameExpression { get; internal set; }
}

/// <summary>A signal event definition: the name broadcast to (or awaited from) every instance.</summary>
public sealed record SignalDefinition(string SignalRef, string Name)
{
    /// <summary>The name when it holds an expression, evaluated when the event is reached.</summary>
    public ParsedExpression? NameExpression { get; internal set; }
}

public sealed class StartEvent(string id, int line) : FlowNode(id, "startEvent", line)
{
    /// <summary><c>camunda:initiator</c>: the variable that receives the id of whoever started the instance.</summary>
    public string? Initiator { get; init; }

    public TimerDefinition? Timer { get; init; }
    public MessageDefinition? Message { get; init; }
    public SignalDefinition? Signal { get; init; }

    /// <summary>An error start event (event sub-processes only): the error it catches (none: every error).</summary>
    public ErrorDefinition? Error { get; init; }

    /// <summary>An escalation start event (event sub-processes only): the escalation it catches (none: every one).</summary>
    public EscalationDefinition? Escalation { get; init; }

    /// <summary>A conditional start event (event sub-processes only): it fires when its condition becomes true.</summary>
    public ConditionalDefinition? Conditional { get; init; }

    /// <summary>
    /// A compensation start event (event sub-processes inside a sub-process only): the event sub-process is the
    /// sub-process's compensation handler, run when the completed sub-process is compensated.
    /// </summary>
    public bool Compensation { get; init; }

    /// <summary><c>isInterrupting</c> (the BPMN default true): whether an event sub-process it starts stops the rest of its scope.</summary>
    public bool IsInterrupting { get; init; } = true;

    /// <summary>True for a none start event: where a started instance (or an entered sub-process) begins.</summary>
    public bool IsNone => Timer is null && Message is null && Signal is null && Error is null && Escalation is null && Conditional is null && !Compensation;
}

/// <summary>A conditional event definition: it fires when its condition becomes true as variables change.</summary>
public sealed class ConditionalDefinition(string text)
{
    public string Text { get; } = text;
    public ParsedExpression? Condition { get; internal set; }
}

/// <summary>An escalation event definition: the escalation thrown or caught (a catch without a reference catches every escalation).</summary>
public sealed record EscalationDefinition(string? EscalationRef, string? Code);

/// <summary>An error event definition: the error it throws or catches (a catch without a reference catches every error).</summary>
public sealed record ErrorDefinition(string? ErrorRef, string? Code);

public sealed class EndEvent(string id, int line) : FlowNode(id, "endEvent", line)
{
    public bool Terminate { get; init; }

    /// <summary>Set on an error end event: the BPMN error it throws.</summary>
    public ErrorDefinition? Error { get; init; }

    /// <summary>Set on a message end event: the message sent through the outbox as the path ends.</summary>
    public MessageDefinition? Message { get; init; }

    /// <summary>Set on a signal end event: the signal broadcast as the path ends.</summary>
    public SignalDefinition? Signal { get; init; }

    /// <summary>Set on an escalation end event: the escalation thrown to the enclosing scopes as the path ends.</summary>
    public EscalationDefinition? Escalation { get; init; }

    /// <summary>Set on a compensation end event: what it compensates before the path ends.</summary>
    public CompensateDefinition? Compensate { get; init; }

    /// <summary>A cancel end event (inside a transaction only): the transaction is compensated and left by its cancel boundary event.</summary>
    public bool Cancel { get; init; }
}

public sealed class IntermediateCatchEvent(string id, int line) : FlowNode(id, "intermediateCatchEvent", line)
{
    public TimerDefinition? Timer { get; init; }
    public MessageDefinition? Message { get; init; }
    public SignalDefinition? Signal { get; init; }
    public ConditionalDefinition? Conditional { get; init; }

    /// <summary>A link catch event's name: where a link throw event of the same scope and name goes on.</summary>
    public string? LinkName { get; init; }
}

/// <summary>
/// An intermediate throw event: none (the token passes), message (sent through the outbox) or link (the token jumps
/// to the link catch event of the same name in the same scope).
/// </summary>
public sealed class IntermediateThrowEvent(string id, int line) : FlowNode(id, "intermediateThrowEvent", line)
{
    public MessageDefinition? Message { get; init; }
    public SignalDefinition? Signal { get; init; }
    public EscalationDefinition? Escalation { get; init; }
    public string? LinkName { get; init; }

    /// <summary>Set on a compensation throw event: what it compensates before the token goes on.</summary>
    public CompensateDefinition? Compensate { get; init; }

    /// <summary>The link catch event this one jumps to, found at deploy.</summary>
    public IntermediateCatchEvent? LinkTarget { get; internal set; }
}

public sealed class BoundaryEvent(string id, int line, string attachedToRef) : FlowNode(id, "boundaryEvent", line)
{
    public string AttachedToRef { get; } = attachedToRef;
    public FlowNode AttachedTo { get; internal set; } = null!;

    /// <summary>True (the BPMN default) when firing cancels the activity it is attached to.</summary>
    public bool CancelActivity { get; init; } = true;

    public TimerDefinition? Timer { get; init; }
    public MessageDefinition? Message { get; init; }
    public SignalDefinition? Signal { get; init; }

    public ConditionalDefinition? Conditional { get; init; }

    /// <summary>Set on an escalation boundary event (sub-processes and call activities): the escalation it catches.</summary>
    public EscalationDefinition? Escalation { get; init; }

    /// <summary>Set on an error boundary event: the error it catches (always interrupting).</summary>
    public ErrorDefinition? Error { get; init; }

    /// <summary>
    /// A compensation boundary event: it never fires by itself; once its activity has completed, a compensation event
    /// may run the handler it is associated with (<see cref="CompensationHandler"/>).
    /// </summary>
    public bool Compensation { get; init; }

    /// <summary>The compensation handler this compensation boundary event is associated with, found at deploy.</summary>
    public FlowNode? CompensationHandler { get; internal set; }

    /// <summary>A cancel boundary event (on a transaction only): the way out when the transaction is cancelled.</summary>
    public bool Cancel { get; init; }
}
