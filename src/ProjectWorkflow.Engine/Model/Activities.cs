using ProjectWorkflow.Engine.Expressions;

namespace ProjectWorkflow.Engine.Model;

/// <summary>multiInstanceLoopCharacteristics on an activity.</summary>
public sealed class MultiInstance
{
    public bool IsSequential { get; init; }

    /// <summary>Variable (or expression) holding the collection, from <c>camunda:collection</c>.</summary>
    public string? Collection { get; init; }
    public string? ElementVariable { get; init; }
    public string? LoopCardinality { get; init; }
    public string? CompletionCondition { get; init; }

    /// <summary>The standard BPMN <c>loopDataInputRef</c> as written (read as the collection when <c>camunda:collection</c> is absent).</summary>
    public string? LoopDataInputRef { get; init; }

    public ParsedExpression? CollectionExpression { get; internal set; }
    public ParsedExpression? CardinalityExpression { get; internal set; }
    public ParsedExpression? CompletionExpression { get; internal set; }
}

public abstract class Activity(string id, string kind, int line) : FlowNode(id, kind, line)
{
    public MultiInstance? MultiInstance { get; init; }
}

public sealed class UserTask(string id, int line) : Activity(id, "userTask", line)
{
    public string? Assignee { get; init; }
    public string? CandidateUsers { get; init; }
    public string? CandidateGroups { get; init; }
    public string? DueDate { get; init; }
    public string? FormKey { get; init; }

    /// <summary>The form-js schema the task's variables must satisfy (<c>camunda:formRef</c>), by form id.</summary>
    public string? FormRef { get; init; }

    /// <summary>Vote (票签) and timeout (超时自动审批) read from the task's <c>camunda:properties</c>.</summary>
    public TaskApproval? Approval { get; init; }

    internal ParsedExpression? AssigneeExpression { get; set; }
    internal ParsedExpression? CandidateUsersExpression { get; set; }
    internal ParsedExpression? CandidateGroupsExpression { get; set; }
    internal ParsedExpression? DueDateExpression { get; set; }

    /// <summary>The task's name when it holds an expression (<c>Review ${loopCounter}</c>), evaluated as the task is created.</summary>
    internal ParsedExpression? NameExpression { get; set; }
}

/// <summary>A service task, or a send task with camunda:type="external": work done by a handler of its topic.</summary>
public sealed class ServiceTask(string id, int line, string kind = "serviceTask") : Activity(id, kind, line)
{
    /// <summary>The handler topic (<c>camunda:topic</c> with <c>camunda:type="external"</c>).</summary>
    public string? Topic { get; init; }

    /// <summary><c>camunda:taskPriority</c> (a whole number or an expression): an external task's priority for workers that fetch by priority.</summary>
    public string? TaskPriority { get; init; }

    internal ParsedExpression? TaskPriorityExpression { get; set; }
}

/// <summary>A plain <c>task</c> or a <c>manualTask</c>: nothing for the engine to do, the token passes through (as in Camunda).</summary>
public sealed class PassThroughTask(string id, string kind, int line) : Activity(id, kind, line);

/// <summary>A receive task: the activity waits for its message (boundary events may watch it meanwhile).</summary>
public sealed class ReceiveTask(string id, int line) : Activity(id, "receiveTask", line)
{
    public MessageDefinition? Message { get; init; }
}

/// <summary>A send task: its message goes out through the outbox in the command's transaction, and the token goes on.</summary>
public sealed class SendTask(string id, int line) : Activity(id, "sendTask", line)
{
    public MessageDefinition? Message { get; init; }
}

/// <summary>
/// A script task in JUEL (<c>scriptFormat="juel"</c>): its script is one sandboxed expression, evaluated when the task is
/// reached, its value kept in <c>camunda:resultVariable</c> when one is named. Other languages are refused at deploy.
/// </summary>
public sealed class ScriptTask(string id, int line) : Activity(id, "scriptTask", line)
{
    public string Script { get; init; } = "";
    public string? ResultVariable { get; init; }

    internal ParsedExpression? ScriptExpression { get; set; }
}

public sealed class CallActivity(string id, int line) : Activity(id, "callActivity", line)
{
    /// <summary>The key of the process to start.</summary>
    public string? CalledElement { get; init; }

    /// <summary>The called process's key when <see cref="CalledElement"/> is an expression, evaluated as the call starts.</summary>
    internal ParsedExpression? CalledElementExpression { get; set; }

    /// <summary><c>camunda:in</c> mappings: what the called instance starts with.</summary>
    public IReadOnlyList<VariableMapping> In { get; init; } = [];

    /// <summary><c>camunda:out</c> mappings: what comes back when the called instance completes.</summary>
    public IReadOnlyList<VariableMapping> Out { get; init; } = [];

    /// <summary><c>camunda:in businessKey="…"</c>: the called instance's business key (an expression).</summary>
    public string? BusinessKey { get; init; }

    internal ParsedExpression? BusinessKeyExpression { get; set; }

    /// <summary>
    /// True when the file says what crosses the call (any camunda:in or camunda:out): then only that crosses, as in
    /// Camunda. A call activity without any mapping keeps this engine's older rule: every variable and the business
    /// key go in, every variable comes back.
    /// </summary>
    public bool MapsVariables => In.Count > 0 || Out.Count > 0 || BusinessKey is not null;
}

/// <summary>One <c>camunda:in</c> / <c>camunda:out</c>: all variables, or one source (a name or an expression) to a target.</summary>
public sealed class VariableMapping
{
    public bool All { get; init; }
    public string? Source { get; init; }
    public string? SourceExpression { get; init; }
    public string? Target { get; init; }
    public int Line { get; init; }

    internal ParsedExpression? SourceParsed { get; set; }
}

/// <summary>An embedded sub-process, or a transaction (<c>kind</c> "transaction": a sub-process a cancel end event can undo).</summary>
public sealed class SubProcess(string id, int line, string kind = "subProcess") : FlowScope(id, kind, line)
{
    /// <summary>A transaction sub-process: a cancel end event inside compensates what it did and leaves by its cancel boundary event.</summary>
    public bool IsTransaction => Kind == "transaction";

    public MultiInstance? MultiInstance { get; init; }

    /// <summary>
    /// An event sub-process (<c>triggeredByEvent="true"</c>): no flow leads to it; its start event (timer, message,
    /// signal, conditional, error or escalation) starts it while its enclosing scope runs.
    /// </summary>
    public bool TriggeredByEvent { get; init; }

    /// <summary>An event sub-process's start event: what starts it.</summary>
    public StartEvent? Trigger => TriggeredByEvent ? Nodes.OfType<StartEvent>().FirstOrDefault() : null;
}
