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

    /// <summary>
    /// The standard BPMN <c>loopDataInputRef</c>, kept only so the validator can name it:
    /// the engine reads the collection from <c>camunda:collection</c>.
    /// </summary>
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

    internal ParsedExpression? AssigneeExpression { get; set; }
    internal ParsedExpression? CandidateUsersExpression { get; set; }
    internal ParsedExpression? CandidateGroupsExpression { get; set; }
    internal ParsedExpression? DueDateExpression { get; set; }
}

public sealed class ServiceTask(string id, int line) : Activity(id, "serviceTask", line)
{
    /// <summary>The handler topic (<c>camunda:topic</c> with <c>camunda:type="external"</c>).</summary>
    public string? Topic { get; init; }
}

public sealed class CallActivity(string id, int line) : Activity(id, "callActivity", line)
{
    /// <summary>The key of the process to start.</summary>
    public string? CalledElement { get; init; }
}

public sealed class SubProcess(string id, int line) : FlowScope(id, "subProcess", line)
{
    public MultiInstance? MultiInstance { get; init; }
}
