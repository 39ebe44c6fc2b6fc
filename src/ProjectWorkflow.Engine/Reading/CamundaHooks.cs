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
        // Camunda's asynchronous continuations end the transaction before (or after) the element and continue
        // it in a job. The engine runs a command through to its wait states in one transaction, so honouring
        // the flag would need job-continued steps it does not have yet: refused rather than silently ignored.
        foreach (var flag in AsyncFlags.Where(f => string.Equals(element.CamundaAttr(f), "true", StringComparison.OrdinalIgnoreCase)))
        {
            context.Unsupported(process, element, $"{kind} (camunda:{flag})",
                "Asynchronous continuations (a transaction boundary continued by a job) are not supported yet: the engine runs each command to its next wait state in one transaction. Remove camunda:" + flag + ", or put a user task, timer or message where the process should wait.");
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
}
