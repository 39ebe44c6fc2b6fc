using System.Collections;
using System.Globalization;
using System.Text.Json.Nodes;
using ProjectWorkflow.Engine.Expressions;
using ProjectWorkflow.Engine.Model;
using ProjectWorkflow.Engine.Timers;

namespace ProjectWorkflow.Engine.Runtime;

internal sealed partial class InstanceRun
{
    private void CreateTask(Execution execution, UserTask definition)
    {
        var variables = Variables(execution);
        string? assignee = null;
        if (_assigneeOverrides is not null && _assigneeOverrides.Remove(execution.Id, out var forced)) assignee = forced;
        else if (definition.AssigneeExpression is { } a) assignee = Text(a.Evaluate(variables));

        var task = new UserTaskItem
        {
            Id = _instance.NextId(),
            ExecutionId = execution.Id,
            ElementId = definition.Id,
            Name = definition.NameExpression is { } name ? Text(name.Evaluate(variables)) : definition.Name,
            Assignee = string.IsNullOrWhiteSpace(assignee) ? null : assignee,
            CandidateUsers = List(definition.CandidateUsersExpression?.Evaluate(variables)),
            CandidateGroups = List(definition.CandidateGroupsExpression?.Evaluate(variables)),
            DueAt = definition.DueDateExpression is { } due ? DueDate(due.Evaluate(variables)) : null,
            FormKey = definition.FormKey,
            FormRef = definition.FormRef,
            CreatedAt = Now,
            LoopCounter = execution.IsLoopInstance ? execution.Local?["loopCounter"]?.GetValue<int>() : null,
        };
        execution.State = ExecutionState.Waiting;
        _instance.Tasks.Add(task);
        CreatedTaskIds.Add(task.Id);
        if (!execution.IsLoopInstance) AttachBoundaries(execution, definition);
        ArmTimeout(execution, definition);
        Journal(definition, "taskCreated", task.Assignee is null ? null : $"assignee {task.Assignee}");
        _session.AddEffect(new TaskCreated(_instance.Id, task));
    }

    /// <summary>The human finished the task: its execution leaves the node.</summary>
    public void CompleteTask(UserTaskItem task, string actor, JsonObject? variables = null)
    {
        _instance.Tasks.Remove(task);
        _instance.LastCompleters[task.ElementId] = actor;
        var node = _process.Node(task.ElementId);
        Journal(node, "completed");
        _session.AddEffect(new TaskCompleted(_instance.Id, task.Id, task.ElementId, actor, (JsonObject?)variables?.DeepClone(), [.. task.CopiedTo]));
        var execution = _instance.FindExecution(task.ExecutionId)
            ?? throw WorkflowException.Conflict($"The task '{task.ElementId}' has lost its execution.", $"任务“{task.ElementId}”的执行流已丢失。");
        Leave(execution, node);
    }

    /// <summary>Removes an open task without completing it.</summary>
    public void CancelTask(UserTaskItem task, string reason)
    {
        _instance.Tasks.Remove(task);
        _session.AddEffect(new TaskCancelled(_instance.Id, task.Id, task.ElementId, reason));
    }

    private static string? Text(object? value) => value switch
    {
        null => null,
        string s => s,
        JsonValue v => v.ToString(),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };

    /// <summary>candidateUsers / candidateGroups: a comma-separated string or a list.</summary>
    private static List<string> List(object? value)
    {
        var result = new List<string>();
        switch (value)
        {
            case null:
                break;
            case string s:
                foreach (var part in s.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                    result.Add(part);
                break;
            case IEnumerable items:
                foreach (var item in items)
                    if (Text(item) is { Length: > 0 } text) result.Add(text);
                break;
            default:
                result.Add(Text(value)!);
                break;
        }
        return result;
    }

    /// <summary>A due date is a date, an ISO 8601 date text, or a duration from now (P3D).</summary>
    private DateTimeOffset? DueDate(object? value)
    {
        switch (value)
        {
            case null:
                return null;
            case DateTimeOffset at:
                return at;
            case DateTime at:
                return new DateTimeOffset(DateTime.SpecifyKind(at, at.Kind == DateTimeKind.Unspecified ? DateTimeKind.Utc : at.Kind));
        }
        var text = Text(value)?.Trim();
        if (string.IsNullOrEmpty(text)) return null;
        if (text.StartsWith('P') && IsoDuration.TryParse(text, out var duration)) return duration.AddTo(Now);
        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var date)) return date;
        throw new ExpressionEvaluationException($"The due date '{text}' is neither an ISO 8601 date nor a duration such as P3D.");
    }
}
