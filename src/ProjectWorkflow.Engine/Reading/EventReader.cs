using System.Xml.Linq;
using ProjectWorkflow.Engine.Model;
using ProjectWorkflow.Engine.Timers;

namespace ProjectWorkflow.Engine.Reading;

/// <summary>
/// Reads start, end, intermediate catch and boundary events with their event definition.
/// An event whose definition is outside the subset (signal, error, escalation ...) is recorded
/// as unsupported under a kind that names the definition, e.g. "boundaryEvent (errorEventDefinition)".
/// </summary>
internal static class EventReader
{
    private const string Timer = "timerEventDefinition";
    private const string Message = "messageEventDefinition";
    private const string Terminate = "terminateEventDefinition";
    private const string Error = "errorEventDefinition";
    private const string Link = "linkEventDefinition";
    private const string Signal = "signalEventDefinition";
    private const string Escalation = "escalationEventDefinition";
    private const string Conditional = "conditionalEventDefinition";
    private const string Compensate = "compensateEventDefinition";
    private const string Cancel = "cancelEventDefinition";

    private static readonly Dictionary<string, (string[] Allowed, string Rule)> Rules = new(StringComparer.Ordinal)
    {
        ["startEvent"] = ([Timer, Message, Signal, Error, Escalation, Conditional, Compensate], "A start event may be a none, timer, message or signal start event (error, escalation, conditional and compensation start events only in an event sub-process)."),
        ["endEvent"] = ([Terminate, Error, Message, Signal, Escalation, Compensate, Cancel], "An end event may be a none, terminate, error, message, signal, escalation, compensation or cancel end event."),
        ["intermediateCatchEvent"] = ([Timer, Message, Signal, Conditional, Link], "An intermediate catch event may wait for a timer, a message, a signal or a condition, or be a link's target."),
        ["intermediateThrowEvent"] = ([Message, Signal, Escalation, Link, Compensate], "An intermediate throw event may be a none, message, signal, escalation, compensation or link throw event."),
        ["boundaryEvent"] = ([Timer, Message, Signal, Conditional, Error, Escalation, Compensate, Cancel], "A boundary event may be a timer, message, signal, conditional, error, escalation, compensation or cancel boundary event."),
    };

    public static bool IsEvent(string localName) => Rules.ContainsKey(localName);

    /// <summary>The event node, or null when it was recorded as unsupported.</summary>
    public static FlowNode? Read(XElement element, string id, ProcessModel process, ReadContext context)
    {
        var kind = element.Name.LocalName;
        var (allowed, rule) = Rules[kind];
        var definitions = element.BpmnChildren()
            .Where(child => child.Name.LocalName.EndsWith("EventDefinition", StringComparison.Ordinal) || child.Name.LocalName == "eventDefinitionRef")
            .ToList();

        var unsupported = definitions.Select(d => d.Name.LocalName).Where(name => !allowed.Contains(name)).Distinct().ToList();
        if (unsupported.Count > 0)
        {
            context.Unsupported(process, element, $"{kind} ({string.Join(", ", unsupported)})",
                $"{string.Join(" and ", unsupported.Select(Describe))} are not supported here. {rule}");
            return null;
        }

        if (definitions.Count > 1)
        {
            context.Problem(process, id, kind, element.Line(),
                $"This {kind} has {definitions.Count} event definitions ({string.Join(", ", definitions.Select(d => d.Name.LocalName))}); it needs exactly one, so it is clear what it waits for.");
        }

        var definition = definitions.FirstOrDefault();
        var definitionKind = definition?.Name.LocalName;
        var timer = definitionKind == Timer ? ReadTimer(definition!, id, kind, process, context) : null;
        var message = definitionKind == Message ? ReadMessage(definition!, context.Document) : null;
        var error = definitionKind == Error ? ReadError(definition!, context.Document) : null;
        var signal = definitionKind == Signal ? ReadSignal(definition!, context.Document) : null;
        var escalation = definitionKind == Escalation ? ReadEscalation(definition!, context.Document) : null;
        var conditional = definitionKind == Conditional ? new ConditionalDefinition(definition!.ChildText("condition") ?? "") : null;
        var link = definitionKind == Link ? definition!.Attr("name") ?? "" : null;
        var compensate = definitionKind == Compensate && kind != "startEvent" ? ReadCompensate(definition!, element, process, context) : null;
        var name = element.Attr("name");
        var line = element.Line();

        return kind switch
        {
            "startEvent" => new StartEvent(id, line)
            {
                Name = name, Timer = timer, Message = message, Signal = signal, Error = error, Escalation = escalation, Conditional = conditional,
                Initiator = element.CamundaAttr("initiator"), IsInterrupting = element.IsTrue("isInterrupting", whenAbsent: true),
                Compensation = definitionKind == Compensate,
            },
            "endEvent" => new EndEvent(id, line)
            {
                Name = name, Terminate = definitionKind == Terminate, Error = error, Message = message, Signal = signal, Escalation = escalation,
                Compensate = compensate, Cancel = definitionKind == Cancel,
            },
            "intermediateCatchEvent" => new IntermediateCatchEvent(id, line) { Name = name, Timer = timer, Message = message, Signal = signal, Conditional = conditional, LinkName = link },
            "intermediateThrowEvent" => new IntermediateThrowEvent(id, line) { Name = name, Message = message, Signal = signal, Escalation = escalation, LinkName = link, Compensate = compensate },
            _ => new BoundaryEvent(id, line, element.Ref("attachedToRef") ?? "")
            {
                Name = name,
                CancelActivity = element.IsTrue("cancelActivity", whenAbsent: true),
                Timer = timer,
                Message = message,
                Signal = signal,
                Conditional = conditional,
                Error = error,
                Escalation = escalation,
                Compensation = definitionKind == Compensate,
                Cancel = definitionKind == Cancel,
            },
        };
    }

    // waitForCompletion="false" (the thrower goes on while the handlers run) is not run: Camunda 7 does not run it either.
    private static CompensateDefinition ReadCompensate(XElement definition, XElement element, ProcessModel process, ReadContext context)
    {
        if (string.Equals(definition.Attr("waitForCompletion"), "false", StringComparison.OrdinalIgnoreCase))
            context.Unsupported(process, element, $"{element.Name.LocalName} (compensateEventDefinition waitForCompletion=\"false\")",
                "A compensation event that does not wait for its handlers is not supported (nor by Camunda 7). Remove waitForCompletion=\"false\": the token goes on once every handler has finished.");
        return new CompensateDefinition(definition.Ref("activityRef"));
    }

    // A timer without timeDuration/timeDate/timeCycle becomes an empty duration, which the
    // validator reports as "has no value" — the one message the modeller needs.
    private static TimerDefinition ReadTimer(XElement definition, string eventId, string eventKind, ProcessModel process, ReadContext context)
    {
        var values = definition.BpmnChildren()
            .Select(child => (Kind: KindOf(child.Name.LocalName), Text: child.Value.Trim()))
            .Where(value => value.Kind is not null)
            .ToList();
        if (values.Count > 1)
        {
            context.Problem(process, eventId, eventKind, definition.Line(),
                "This timer has more than one of timeDuration, timeDate and timeCycle; it needs exactly one.");
        }
        return values.Count == 0 ? new TimerDefinition(TimerKind.Duration, "") : new TimerDefinition(values[0].Kind!.Value, values[0].Text);
    }

    private static TimerKind? KindOf(string localName) => localName switch
    {
        "timeDuration" => TimerKind.Duration,
        "timeDate" => TimerKind.Date,
        "timeCycle" => TimerKind.Cycle,
        _ => null,
    };

    // The name is looked up now (messages are read before processes); a missing or unknown
    // reference is left empty for the validator to report.
    // An unknown reference keeps a null code for the validator to report.
    private static ErrorDefinition ReadError(XElement definition, BpmnDocument document)
    {
        var reference = definition.Ref("errorRef");
        return new ErrorDefinition(reference, reference is not null && document.Errors.TryGetValue(reference, out var code) ? code : null);
    }

    // An unknown reference keeps a null code for the validator to report; a catch without a reference catches all.
    private static EscalationDefinition ReadEscalation(XElement definition, BpmnDocument document)
    {
        var reference = definition.Ref("escalationRef");
        return new EscalationDefinition(reference, reference is not null && document.Escalations.TryGetValue(reference, out var code) && code.Length > 0 ? code : null);
    }

    // An unknown reference keeps an empty name for the validator to report.
    private static SignalDefinition ReadSignal(XElement definition, BpmnDocument document)
    {
        var reference = definition.Ref("signalRef") ?? "";
        return new SignalDefinition(reference, document.Signals.TryGetValue(reference, out var found) ? found : "");
    }

    internal static MessageDefinition ReadMessage(XElement definition, BpmnDocument document)
    {
        var reference = definition.Ref("messageRef") ?? "";
        var name = document.Messages.TryGetValue(reference, out var found) ? found : "";
        return new MessageDefinition(reference, name);
    }

    private static string Describe(string definition) => definition switch
    {
        "eventDefinitionRef" => "Event definitions shared by reference (eventDefinitionRef)",
        "compensateEventDefinition" => "Compensation events",
        _ when definition.Length > "EventDefinition".Length =>
            $"{char.ToUpperInvariant(definition[0])}{definition[1..^"EventDefinition".Length]} events",
        _ => $"'{definition}' events",
    };
}
