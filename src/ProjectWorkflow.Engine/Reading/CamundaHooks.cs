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
        ["inputOutput"] = "Input/output mappings run on tasks, sub-processes and call activities only. Move the mapping to the activity before or after this element.",
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
            // Input/output mappings run on activities and sub-processes (read by ReadInputOutput).
            if (hook.Name.LocalName == "inputOutput" && (ActivityReader.IsActivity(kind) || kind is "subProcess" or "transaction")) continue;
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

    /// <summary>
    /// camunda:inputOutput on an activity or sub-process: input parameters become the activity's local variables as it
    /// starts, output parameters set process variables as it ends. Values are text (constant, <c>${…}</c> or a JUEL
    /// script), <c>camunda:list</c> or <c>camunda:map</c>; scripts in other languages are refused.
    /// </summary>
    public static void ReadInputOutput(XElement element, FlowNode node, ProcessModel process, ReadContext context)
    {
        var io = element.Element(BpmnNamespaces.Model + "extensionElements")?.Element(BpmnNamespaces.Camunda + "inputOutput");
        if (io is null) return;
        IoParameter Parameter(XElement p) => new(p.Attr("name") ?? "", Value(p, node, process, context), p.Line());
        node.Inputs = io.Elements(BpmnNamespaces.Camunda + "inputParameter").Select(Parameter).ToList();
        node.Outputs = io.Elements(BpmnNamespaces.Camunda + "outputParameter").Select(Parameter).ToList();
    }

    private static IoValue Value(XElement holder, FlowNode node, ProcessModel process, ReadContext context)
    {
        var inner = holder.Elements().FirstOrDefault(e => e.Name.Namespace == BpmnNamespaces.Camunda);
        switch (inner?.Name.LocalName)
        {
            case "list":
                return new IoValue { Items = inner.Elements(BpmnNamespaces.Camunda + "value").Select(v => Value(v, node, process, context)).ToList() };
            case "map":
                return new IoValue
                {
                    Entries = inner.Elements(BpmnNamespaces.Camunda + "entry")
                        .Select(e => new KeyValuePair<string, IoValue>(e.Attr("key") ?? "", Value(e, node, process, context))).ToList(),
                };
            case "script":
                var format = inner.Attr("scriptFormat") ?? "";
                if (!string.Equals(format, "juel", StringComparison.OrdinalIgnoreCase) || inner.Attr("resource") is not null)
                {
                    context.Document.Unsupported.Add(new UnsupportedElement(process.Id, node.Id, $"{node.Kind} (camunda:script '{format}')", inner.Line(),
                        "A parameter's script runs only in JUEL (scriptFormat=\"juel\", written inline): JavaScript, Groovy and other languages, and scripts loaded from a resource, cannot run here. Write the value as an expression ${…}."));
                    return new IoValue();
                }
                return new IoValue { Text = inner.Value.Trim() };
            case null:
                var text = holder.Value.Trim();
                return new IoValue { Text = text.Length == 0 ? null : text };
            default:
                context.Document.Unsupported.Add(new UnsupportedElement(process.Id, node.Id, $"{node.Kind} (camunda:{inner.Name.LocalName})", inner.Line(),
                    $"A parameter's value may be a text, an expression, a camunda:list or a camunda:map, not camunda:{inner.Name.LocalName}."));
                return new IoValue();
        }
    }
}
