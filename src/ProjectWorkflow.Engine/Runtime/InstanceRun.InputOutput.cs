using System.Text.Json.Nodes;
using ProjectWorkflow.Engine.Expressions;
using ProjectWorkflow.Engine.Model;

namespace ProjectWorkflow.Engine.Runtime;

/// <summary>
/// camunda:inputOutput, as Camunda 7 runs it: input parameters are evaluated as the activity starts and become its local
/// variables (what runs inside sees them before the process's variables; they are gone once it ends); output parameters
/// are evaluated as it completes — seeing those locals and whatever the work set — and set process variables. An
/// interrupted activity maps nothing out. On a multi-instance activity each instance has its own.
/// </summary>
internal sealed partial class InstanceRun
{
    private static bool IsLoopBody(Execution execution, FlowNode node) =>
        !execution.IsLoopInstance && node is Activity { MultiInstance: not null } or SubProcess { MultiInstance: not null };

    private void ApplyInputs(Execution execution, FlowNode node)
    {
        if (node.Inputs.Count == 0 || IsLoopBody(execution, node)) return;
        execution.Local ??= [];
        // Each is set as it is evaluated, so a later parameter may read an earlier one, as in Camunda.
        foreach (var parameter in node.Inputs)
            execution.Local[parameter.Name] = Evaluate(parameter.Value, Variables(execution));
    }

    /// <summary>The activity completes: its outputs set process variables, and its inputs' locals are dropped.</summary>
    private void ApplyOutputs(Execution execution, FlowNode node)
    {
        if (IsLoopBody(execution, node) || (node.Outputs.Count == 0 && node.Inputs.Count == 0)) return;
        var values = node.Outputs.Select(p => (p.Name, Value: Evaluate(p.Value, Variables(execution)))).ToList();
        if (!execution.IsLoopInstance && node.Inputs.Count > 0) execution.Local = null;
        foreach (var (name, value) in values) _instance.Variables[name] = value;
    }

    private static JsonNode? Evaluate(IoValue value, ExecutionVariables variables)
    {
        if (value.Items is { } items)
        {
            var list = new JsonArray();
            foreach (var item in items) list.Add(Evaluate(item, variables));
            return list;
        }
        if (value.Entries is { } entries)
        {
            var map = new JsonObject();
            foreach (var (key, entry) in entries) map[key] = Evaluate(entry, variables);
            return map;
        }
        return value.Parsed is { } parsed ? JsonValueOf(parsed.Evaluate(variables)) : null;
    }
}
