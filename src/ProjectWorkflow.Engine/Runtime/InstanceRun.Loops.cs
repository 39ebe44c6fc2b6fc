using System.Collections;
using System.Text.Json.Nodes;
using ProjectWorkflow.Engine.Expressions;
using ProjectWorkflow.Engine.Model;

namespace ProjectWorkflow.Engine.Runtime;

/// <summary>Multi-instance activities: a body execution holding one execution per instance.</summary>
internal sealed partial class InstanceRun
{
    private void StartLoop(Execution body, FlowNode activity)
    {
        var loop = LoopOf(activity)!;
        var variables = Variables(body);
        JsonArray? items = null;
        int count;
        if (loop.CollectionExpression is { } collection)
        {
            items = ToArray(collection.Evaluate(variables), loop.Collection);
            count = items.Count;
        }
        else
        {
            count = ToCount(loop.CardinalityExpression?.Evaluate(variables));
        }

        body.State = ExecutionState.MultiInstanceBody;
        body.Loop = new MultiInstanceCounters { Instances = count };
        Journal(activity, "loopStarted", $"{count} instances, {(loop.IsSequential ? "sequential" : "parallel")}");
        if (count == 0)
        {
            FinishLoop(body, activity);
            return;
        }
        AttachBoundaries(body, activity);

        if (loop.IsSequential)
        {
            body.Loop.Items = items;
            body.Loop.NextIndex = 1;
            body.Loop.Active = 1;
            StartLoopInstance(body, activity, 0, items?[0]);
            return;
        }
        body.Loop.Active = count;
        for (var i = 0; i < count; i++)
            StartLoopInstance(body, activity, i, items?[i]);
    }

    private void StartLoopInstance(Execution body, FlowNode activity, int index, JsonNode? item)
    {
        var instance = NewExecution(body.Id, activity.Id);
        instance.IsLoopInstance = true;
        instance.Local = new JsonObject { ["loopCounter"] = index };
        if (LoopOf(activity)!.ElementVariable is { Length: > 0 } name) instance.Local[name] = item?.DeepClone();
        Enter(instance, activity);
    }

    private void CompleteLoopInstance(Execution instance, FlowNode node)
    {
        var body = _instance.FindExecution(instance.ParentId!.Value)!;
        var activity = node;
        var multiInstance = LoopOf(node)!;
        var loop = body.Loop!;
        RemoveExecution(instance);
        loop.Completed++;
        loop.Active--;
        if (CountVote(instance, node, body)) return;

        var condition = multiInstance.CompletionExpression;
        if (condition is not null && condition.EvaluateCondition(Variables(body)))
        {
            foreach (var other in ChildrenOf(body)) CancelExecution(other, "the completion condition was met", keep: false);
            Journal(activity, "loopCompleted", $"completion condition met after {loop.Completed} of {loop.Instances}");
            FinishLoop(body, activity);
            return;
        }
        if (multiInstance.IsSequential && loop.NextIndex < loop.Instances)
        {
            var index = loop.NextIndex++;
            loop.Active++;
            StartLoopInstance(body, activity, index, loop.Items?[index]);
            return;
        }
        if (loop.Active == 0)
        {
            Journal(activity, "loopCompleted", $"{loop.Completed} of {loop.Instances}");
            FinishLoop(body, activity);
        }
    }

    private void FinishLoop(Execution body, FlowNode activity)
    {
        body.Loop = null;
        body.State = ExecutionState.Active;
        LeaveNode(body, activity);
    }

    /// <summary>The multi-instance characteristics of a task, call activity or embedded sub-process.</summary>
    private static MultiInstance? LoopOf(FlowNode node) => node switch
    {
        Activity activity => activity.MultiInstance,
        SubProcess subProcess => subProcess.MultiInstance,
        _ => null,
    };

    private static JsonArray ToArray(object? value, string? expression)
    {
        var array = new JsonArray();
        switch (value)
        {
            case null:
                throw new ExpressionEvaluationException($"The multi-instance collection '{expression}' is null; it must be a list.");
            case JsonArray json:
                foreach (var item in json) array.Add(item?.DeepClone());
                break;
            case string:
                throw new ExpressionEvaluationException($"The multi-instance collection '{expression}' is a text, not a list.");
            case IEnumerable items:
                foreach (var item in items) array.Add(JsonValueOf(item));
                break;
            default:
                throw new ExpressionEvaluationException($"The multi-instance collection '{expression}' is not a list.");
        }
        return array;
    }

    private static JsonNode? JsonValueOf(object? item) => item switch
    {
        null => null,
        JsonNode node => node.DeepClone(),
        string s => JsonValue.Create(s),
        bool b => JsonValue.Create(b),
        decimal d => JsonValue.Create(d),
        int i => JsonValue.Create(i),
        long l => JsonValue.Create(l),
        _ => JsonValue.Create(item.ToString()),
    };

    private static int ToCount(object? value)
    {
        var count = value switch
        {
            decimal d => d,
            int i => i,
            long l => l,
            JsonValue v when v.TryGetValue<decimal>(out var d) => d,
            string s when decimal.TryParse(s, out var d) => d,
            _ => throw new ExpressionEvaluationException("The loop cardinality must be a whole number."),
        };
        if (count < 0 || count != decimal.Truncate(count) || count > 10_000)
            throw new ExpressionEvaluationException($"The loop cardinality {count} must be a whole number from 0 to 10000.");
        return (int)count;
    }
}
