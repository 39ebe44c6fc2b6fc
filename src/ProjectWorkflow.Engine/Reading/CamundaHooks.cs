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
    private static readonly Dictionary<string, string> Reasons = new(StringComparer.Ordinal)
    {
        ["executionListener"] = "Listeners run Java code or scripts, which the engine cannot. Move the work into a service task with a registered topic.",
        ["taskListener"] = "Task listeners run Java code or scripts, which the engine cannot. Move the work into a service task with a registered topic.",
        ["inputOutput"] = "Input/output mappings are not supported. Set variables when the task is completed or in a service task's handler.",
        ["connector"] = "Connectors are not supported. Use camunda:type=\"external\" with a registered camunda:topic.",
    };

    public static void Check(XElement element, string kind, ProcessModel process, ReadContext context)
    {
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
