using ProjectWorkflow.Engine.Model;

namespace ProjectWorkflow.Engine.Definitions;

/// <summary>
/// Checks one process against the subset the engine runs and reports every problem at once,
/// so a modeller fixes a file in one pass rather than one error per upload. Parsed
/// expressions and timer schedules are stored into the model as a side effect.
/// </summary>
internal static class DefinitionValidator
{
    public static List<DefinitionProblem> Validate(BpmnDocument document, ProcessModel process, IReadOnlySet<string> registeredTopics, bool externalWorkers = false)
    {
        var context = new ValidationContext(document, process, registeredTopics) { ExternalWorkers = externalWorkers };
        context.Problems.AddRange(process.ReadProblems);
        foreach (var unsupported in document.Unsupported.Where(u => u.ProcessId == process.Id))
        {
            context.Problems.Add(new DefinitionProblem(unsupported.ElementId, unsupported.Kind, unsupported.Line, unsupported.Reason));
        }

        CheckProcessStart(context);
        CheckScope(process, context);
        return context.Problems.OrderBy(p => p.Line).ToList();
    }

    private static void CheckScope(FlowScope scope, ValidationContext context)
    {
        FlowRules.Check(scope, context);
        foreach (var flow in scope.Flows) ExpressionRules.CheckCondition(flow, context);
        foreach (var node in scope.Nodes)
        {
            EventRules.Check(node, context);
            CompensationRules.Check(node, context);
            ActivityRules.Check(node, context);
            if (node is UserTask task) ExpressionRules.CheckUserTask(task, context);
            else if (node is Activity { MultiInstance: { } loop }) ExpressionRules.CheckLoop(node, loop, context);
            else if (node is SubProcess { MultiInstance: { } subLoop }) ExpressionRules.CheckLoop(node, subLoop, context);
            if (node is ScriptTask script && !context.IsUnsupported(script.Id))
            {
                if (script.Script.Trim().Length == 0) context.Add(script, "The script task has no script. Write one JUEL expression, such as ${amount * 2}, in its script element.");
                else script.ScriptExpression = ExpressionRules.Parse(script.Script.Trim(), "script", message => context.Add(script, message));
            }
            CheckInputOutput(node, context);
            if (node is SubProcess subProcess) CheckScope(subProcess, context);
        }
    }

    // Every parameter names its variable, and every text in it is parsed now, not when the activity is reached.
    private static void CheckInputOutput(FlowNode node, ValidationContext context)
    {
        foreach (var (parameter, direction) in node.Inputs.Select(p => (p, "input")).Concat(node.Outputs.Select(p => (p, "output"))))
        {
            if (parameter.Name.Trim().Length == 0)
                context.Add(node, $"A camunda:{direction}Parameter (line {parameter.Line}) has no name. Name the variable it sets.");
            foreach (var text in parameter.Value.Texts())
                text.Parsed = ExpressionRules.Parse(text.Text!, $"camunda:{direction}Parameter '{parameter.Name}'", message => context.Add(node, message));
        }
    }

    // A process begins at one none start event (instances started by a person or the
    // application) and may also start on timers.
    private static void CheckProcessStart(ValidationContext context)
    {
        var process = context.Process;
        var starts = process.Nodes.OfType<StartEvent>().ToList();
        if (starts.Count == 0)
        {
            context.Add(process, "The process has no start event the engine can run. Add one none start event (where a started instance begins) or timer start events.");
            return;
        }
        foreach (var start in starts.Where(s => s.Error is not null || s.Escalation is not null || s.Conditional is not null || s.Compensation))
        {
            context.Add(start, start.Compensation
                ? "A compensation start event only begins an event sub-process inside a sub-process (the sub-process's compensation handler)."
                : start.Conditional is not null
                ? "A conditional start event of a process is not supported (Camunda starts one only by an explicit call). Put it in an event sub-process, which it starts when its condition becomes true."
                : "Error and escalation start events only begin event sub-processes. Put the start event in a sub-process with triggeredByEvent=\"true\".");
        }
        var none = starts.Where(s => s.IsNone).ToList();
        if (none.Count > 1)
        {
            context.Add(process, $"The process has {none.Count} none start events ({string.Join(", ", none.Select(s => s.Id))}); it needs exactly one, so it is clear where a started instance begins.");
        }
    }
}
