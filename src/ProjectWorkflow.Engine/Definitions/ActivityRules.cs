using ProjectWorkflow.Engine.Model;

namespace ProjectWorkflow.Engine.Definitions;

/// <summary>
/// Activities must be runnable as written: a service task's topic has a registered handler,
/// a call activity names its process, multi-instance sits on user tasks only, and a
/// sub-process has exactly one way in.
/// </summary>
internal static partial class ActivityRules
{
    public static void Check(FlowNode node, ValidationContext context)
    {
        switch (node)
        {
            case ServiceTask task:
                CheckTopic(task, context);
                CheckPriority(task, context);
                break;
            case CallActivity call:
                CheckCalledElement(call, context);
                CheckMappings(call, context);
                break;
            case SubProcess subProcess:
                CheckSubProcessStart(subProcess, context);
                break;
            case ReceiveTask receive:
                if (receive.Message is null)
                    context.Add(receive, "The receive task does not say which message it waits for. Set its messageRef to a message of the file.");
                EventRules.CheckMessage(receive, receive.Message, context);
                break;
            case SendTask send:
                if (send.Message is null)
                    context.Add(send, "The send task does not say what it sends. Set its messageRef to a message of the file (sent through the outbox), or make it camunda:type=\"external\" with a topic.");
                EventRules.CheckMessage(send, send.Message, context);
                break;
        }

        CheckAsync(node, context);

    }

    /// <summary>Asynchronous continuations the runtime does not place the way Camunda does are refused, not moved.</summary>
    private static void CheckAsync(FlowNode node, ValidationContext context)
    {
        if (!node.AsyncBefore && !node.AsyncAfter) return;
        if (node is BoundaryEvent && node.AsyncBefore)
            context.Add(node, "camunda:asyncBefore on a boundary event is not supported: the event fires in the command that triggers it. Use camunda:asyncAfter to continue in a job after it.");
        var loop = node switch { Activity activity => activity.MultiInstance, SubProcess sub => sub.MultiInstance, _ => null };
        if (loop is not null)
            context.Add(node, "Asynchronous continuations on a multi-instance activity are not supported yet (Camunda puts one before each instance and one around the whole). Put camunda:asyncBefore on the element before it instead.");
    }

    // camunda:taskPriority (on the task, or the process's for all its tasks): a whole number, or an expression evaluated
    // when the external task is created.
    private static void CheckPriority(ServiceTask task, ValidationContext context)
    {
        var text = (task.TaskPriority ?? context.Process.TaskPriority)?.Trim();
        if (string.IsNullOrEmpty(text)) return;
        if (ExpressionRules.IsExpression(text))
            task.TaskPriorityExpression = ExpressionRules.Parse(text, "camunda:taskPriority", message => context.Add(task, message));
        else if (!long.TryParse(text, System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out _))
            context.Add(task, $"The task priority '{text}' (camunda:taskPriority) is not a whole number. Write a number such as 10, or an expression ${{...}}.");
    }

    private static void CheckTopic(ServiceTask task, ValidationContext context)
    {
        // A Java class or delegate expression is already refused as unsupported.
        if (context.IsUnsupported(task.Id)) return;
        var registered = context.RegisteredTopics.Count == 0
            ? "none"
            : string.Join(", ", context.RegisteredTopics.Order(StringComparer.Ordinal));
        if (task.Topic is null)
        {
            context.Add(task, $"The service task has no topic, so no handler can do its work. Set camunda:type=\"external\" and camunda:topic to a registered topic (registered topics: {registered}).");
        }
        else if (!context.RegisteredTopics.Contains(task.Topic) && !context.ExternalWorkers)
        {
            context.Add(task, $"The service task topic '{task.Topic}' has no handler registered; registered topics: {registered}.");
        }
    }

    private static void CheckCalledElement(CallActivity call, ValidationContext context)
    {
        if (call.CalledElement is null)
        {
            context.Add(call, "The call activity does not say which process to start. Set calledElement to the id of the process to call.");
        }
        else if (ExpressionRules.IsExpression(call.CalledElement))
        {
            call.CalledElementExpression = ExpressionRules.Parse(call.CalledElement, "called element", message => context.Add(call, message));
        }
        else if (context.Document.Unsupported.FirstOrDefault(u => u.ProcessId is null && u.ElementId == call.CalledElement) is { } target)
        {
            context.Add(call, $"The call activity calls the {target.Kind} '{call.CalledElement}', which cannot run; a call activity can only call a process.");
        }
    }

    private static void CheckMappings(CallActivity call, ValidationContext context)
    {
        foreach (var (direction, mapping) in call.In.Select(m => ("in", m)).Concat(call.Out.Select(m => ("out", m))))
        {
            if (mapping.All) continue;
            if (mapping.Target is null || (mapping.Source is null) == (mapping.SourceExpression is null))
            {
                context.Add(call, $"A camunda:{direction} mapping (line {mapping.Line}) needs variables=\"all\", or a target with exactly one of source and sourceExpression.");
                continue;
            }
            if (mapping.SourceExpression is { } expression)
                mapping.SourceParsed = ExpressionRules.Parse(expression, $"camunda:{direction} sourceExpression", message => context.Add(call, message));
        }
        if (call.BusinessKey is { } key && !CallerKey().IsMatch(key))
            call.BusinessKeyExpression = ExpressionRules.Parse(key, "camunda:in businessKey", message => context.Add(call, message));
    }

    /// <summary>Camunda's usual way to hand the caller's business key on: <c>#{execution.processBusinessKey}</c>.</summary>
    public static bool IsCallersBusinessKey(string text) => CallerKey().IsMatch(text);

    [System.Text.RegularExpressions.GeneratedRegex(@"^[$#]\{\s*execution\.processBusinessKey\s*\}$")]
    private static partial System.Text.RegularExpressions.Regex CallerKey();

    private static void CheckSubProcessStart(SubProcess subProcess, ValidationContext context)
    {
        var starts = subProcess.Nodes.OfType<StartEvent>().ToList();
        if (subProcess.TriggeredByEvent)
        {
            CheckEventSubProcess(subProcess, starts, context);
            return;
        }
        foreach (var start in starts.Where(s => !s.IsNone))
        {
            context.Add(start, "A sub-process can only begin with a none start event; timer, message, signal, error, escalation and conditional start events belong to event sub-processes (triggeredByEvent=\"true\").");
        }
        var none = starts.Count(s => s.IsNone);
        if (none == 0)
        {
            context.Add(subProcess, "The sub-process has no none start event, so the engine would not know where to begin inside it. Add one start event without a definition.");
        }
        else if (none > 1)
        {
            context.Add(subProcess, $"The sub-process has {none} none start events; it needs exactly one, so it is clear where it begins.");
        }
    }

    // An event sub-process starts by its one start event, never by a flow, and ends its own way.
    private static void CheckEventSubProcess(SubProcess subProcess, List<StartEvent> starts, ValidationContext context)
    {
        if (starts.Count != 1)
            context.Add(subProcess, $"An event sub-process needs exactly one start event (a timer, message, signal, conditional, error or escalation start event); this one has {starts.Count}.");
        else if (starts[0].IsNone)
            context.Add(starts[0], "The start event of an event sub-process says what starts it: give it a timer, message, signal, conditional, error or escalation definition.");
        else if (starts[0].Error is not null && !starts[0].IsInterrupting)
            context.Add(starts[0], "An error start event is always interrupting (isInterrupting=\"false\" is not allowed on it, as in BPMN).");
        else if (starts[0].Compensation && subProcess.Scope is not SubProcess)
            context.Add(starts[0], "A compensation event sub-process compensates the sub-process around it; at the process level there is none. Put it inside the sub-process it undoes.");
        else if (starts[0].Compensation && subProcess.Scope.Nodes.OfType<SubProcess>().Count(s => s.TriggeredByEvent && s.Trigger is { Compensation: true }) > 1)
            context.Add(starts[0], $"The sub-process '{subProcess.Scope.Id}' has more than one compensation event sub-process; it can have one.");
        if (subProcess.Incoming.Count > 0 || subProcess.Outgoing.Count > 0)
            context.Add(subProcess, "An event sub-process cannot have incoming or outgoing sequence flows: its start event starts it, and it ends inside itself.");
        if (subProcess.Boundaries.Count > 0)
            context.Add(subProcess, "An event sub-process cannot carry boundary events. Put the reaction in the event sub-process itself, or in another one.");
        if (subProcess.MultiInstance is not null)
            context.Add(subProcess, "An event sub-process cannot be multi-instance.");
    }
}
