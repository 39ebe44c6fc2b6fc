using ProjectWorkflow.Engine.Definitions;
using ProjectWorkflow.Engine.Model;
using ProjectWorkflow.Engine.ServiceTasks;

namespace ProjectWorkflow.Engine.Forms;

/// <summary>
/// The deploy check of a definition whose user tasks name forms: every variable its conditions read (sequence flow
/// conditions, completion conditions) must be supplied by a field of one of its forms, by a multi-instance loop
/// (element variable, <c>loopCounter</c>, <c>nrOf…</c>/<c>numberOf…</c>), or by a service task whose handler declares
/// it sets it. Anything else could only come with the start variables or a message, so it is flagged: a warning
/// naming the flow and the variable. A definition with no formRef at all (a Camunda Modeler file) is not checked.
/// </summary>
public static class ConditionSupply
{
    private static readonly HashSet<string> LoopVariables = ["loopCounter", "nrOfInstances", "nrOfCompletedInstances", "nrOfActiveInstances",
        "numberOfInstances", "numberOfCompletedInstances", "numberOfActiveInstances"];

    public static IReadOnlyList<string> Warnings(ProcessDefinition definition, Func<string, FormSchema?> findForm, ServiceTaskRegistry serviceTasks)
    {
        var nodes = definition.Process.NodesById.Values.ToList();
        var userTasks = nodes.OfType<UserTask>().ToList();
        if (!userTasks.Any(t => t.FormRef is { Length: > 0 })) return [];

        var warnings = new List<string>();
        var supplied = new HashSet<string>(LoopVariables, StringComparer.Ordinal);
        foreach (var task in userTasks)
        {
            if (task.FormRef is not { Length: > 0 } formRef)
            {
                warnings.Add($"The user task '{task.Id}' names no form (camunda:formRef): its completion is not checked.");
                continue;
            }
            if (findForm(formRef) is { } form) supplied.UnionWith(form.Fields.Select(f => f.Key));
            else warnings.Add($"The user task '{task.Id}' names the form '{formRef}', which is not deployed: it cannot be completed until it is.");
        }
        foreach (var node in nodes)
        {
            if (node is ServiceTask { Topic: { } topic }) supplied.UnionWith(serviceTasks.VariablesSetBy(topic));
            if ((node as Activity)?.MultiInstance?.ElementVariable is { } element) supplied.Add(element);
            if ((node as SubProcess)?.MultiInstance?.ElementVariable is { } inner) supplied.Add(inner);
        }

        var conditions = definition.Process.FlowsById.Values
            .Where(f => f.Condition is not null).Select(f => ($"sequence flow '{f.Id}'", f.Condition!))
            .Concat(nodes.Select(n => (n, loop: (n as Activity)?.MultiInstance ?? (n as SubProcess)?.MultiInstance))
                .Where(x => x.loop?.CompletionExpression is not null)
                .Select(x => ($"the completion condition of '{x.n.Id}'", x.loop!.CompletionExpression!)));
        foreach (var (where, condition) in conditions)
            foreach (var variable in condition.VariableNames.Where(v => !supplied.Contains(v)).Order(StringComparer.Ordinal))
                warnings.Add($"The condition of {where} reads '{variable}', which no form of this process supplies and no service task declares: "
                             + "it must come with the start variables or a message, or the instance faults there.");
        return warnings;
    }
}
