using ProjectWorkflow.Engine.Expressions;

namespace ProjectWorkflow.Engine.Runtime;

/// <summary>
/// The variables an expression sees from one execution: its own and its scopes' locals
/// (element variable, loop counter, nrOf… counters), then the instance's variables.
/// </summary>
internal sealed class ExecutionVariables(ProcessInstance instance, Execution? execution) : IExpressionContext
{
    public bool TryGetVariable(string name, out object? value)
    {
        for (var e = execution; e is not null; e = e.ParentId is { } p ? instance.FindExecution(p) : null)
        {
            if (e.Local is { } local && local.TryGetPropertyValue(name, out var node))
            {
                value = node;
                return true;
            }
            if (e.Loop is { } loop && TryGetCounter(loop, name, out var count))
            {
                value = count;
                return true;
            }
        }
        if (instance.Variables.TryGetPropertyValue(name, out var v))
        {
            value = v;
            return true;
        }
        value = null;
        return false;
    }

    private static bool TryGetCounter(MultiInstanceCounters loop, string name, out object? value)
    {
        // Camunda spells them nrOf…; the BPMN spec's examples say numberOf…: both are accepted.
        value = name switch
        {
            "nrOfInstances" or "numberOfInstances" => loop.Instances,
            "nrOfCompletedInstances" or "numberOfCompletedInstances" => loop.Completed,
            "nrOfActiveInstances" or "numberOfActiveInstances" => loop.Active,
            _ => null,
        };
        return value is not null;
    }
}
