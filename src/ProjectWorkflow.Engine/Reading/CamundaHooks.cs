using System.Xml.Linq;
using ProjectWorkflow.Engine.Model;

namespace ProjectWorkflow.Engine.Reading;

/// <summary>
/// Camunda extension elements that run code or move data behind the diagram's back. The engine
/// cannot honour them, and silently skipping them would make a Camunda file behave differently
/// here, so they are refused by name.
/// </summary>
internal static class CamundaHooks
{
    private static readonly string[] AsyncFlags = ["asyncBefore", "asyncAfter", "async"];

    private static readonly Dictionary<string, string> Reasons = new(StringComparer.Ordinal)
    {
        ["executionListener"] = "Listeners run Java code or scripts, which the engine cannot. Move the work into a service task with a registered topic.",
        ["taskListener"] = "Task listeners run Java code or scripts, which the engine cannot. Move the work into a service task with a registered topic.",
        ["inputOutput"] = "Input/output mappings are not supported. Set variables when the task is completed or in a service task's handler.",
        ["connector"] = "Connectors are not supported. Use camunda:type=\"external\" with a registered camunda:topic.",
    };

    public static void Check(XElement element, string kind, ProcessModel process, ReadContext context)
    {
        // Asynchronous continuations belong to flow nodes (read by ReadAsync); on a process or a flow they mean nothing.
        if (kind is "process" or "sequenceFlow")
        {
            foreach (var flag in AsyncFlags.Where(f => string.Equals(element.CamundaAttr(f), "true", StringComparison.OrdinalIgnoreCase)))
                context.Unsupported(process, element, $"{kind} (camunda:{flag})",
                    $"Only a flow node (an event, activity or gateway) can be an asynchronous continuation. Remove camunda:{flag} from the {kind}.");
        }

        var extensions = element.Element(BpmnNamespaces.Model + "extensionElements");
        if (extensions is null) return;
        foreach (var hook in extensions.Elements().Where(e => e.Name.Namespace == BpmnNamespaces.Camunda))
        {
            if (Reasons.TryGetValue(hook.Name.LocalName, out var reason))
            {
                context.Unsupported(process, element, $"{kind} (camunda:{hook.Name.LocalName})", reason);
            }
        }
    }

    /// <summary>
    /// camunda:asyncBefore / asyncAfter (and the older camunda:async) with camunda:failedJobRetryTimeCycle: a transaction
    /// boundary before or after the node, continued by a job that is retried and raises an incident when the tries run out.
    /// </summary>
    public static void ReadAsync(XElement element, FlowNode node, ProcessModel process, ReadContext context)
    {
        bool Flag(string name) => string.Equals(element.CamundaAttr(name), "true", StringComparison.OrdinalIgnoreCase);
        node.AsyncBefore = Flag("asyncBefore") || Flag("async");
        node.AsyncAfter = Flag("asyncAfter");
        var cycle = element.Element(BpmnNamespaces.Model + "extensionElements")?
            .Elements(BpmnNamespaces.Camunda + "failedJobRetryTimeCycle").FirstOrDefault()?.Value.Trim();
        if (string.IsNullOrEmpty(cycle)) return;
        if (cycle.Contains("${", StringComparison.Ordinal) || cycle.Contains("#{", StringComparison.Ordinal))
            context.Unsupported(process, element, $"{node.Kind} (camunda:failedJobRetryTimeCycle)",
                "A retry cycle given by an expression is not supported: write it as R<tries>/<duration>, such as R5/PT10M.");
        else if (!JobRetries.TryParse(cycle, out var retries, out var error))
            context.Problem(process, node.Id, $"{node.Kind} (camunda:failedJobRetryTimeCycle)", element.Line(), error);
        else node.Retries = retries;
    }
}
