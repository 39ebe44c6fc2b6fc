using System.Xml.Linq;
using ProjectWorkflow.Engine.Model;

namespace ProjectWorkflow.Engine.Reading;

/// <summary>
/// Reads user tasks, service tasks and call activities with their Camunda 7 attributes, and
/// the loop characteristics any activity (sub-processes included) may carry.
/// </summary>
internal static class ActivityReader
{
    /// <summary>Camunda service task implementations the engine cannot run: it only hands work to registered topics.</summary>
    private static readonly string[] CodeImplementations = ["class", "delegateExpression", "expression"];

    public static bool IsActivity(string localName) => localName is "userTask" or "serviceTask" or "callActivity";

    public static FlowNode Read(XElement element, string id, ProcessModel process, ReadContext context)
    {
        var kind = element.Name.LocalName;
        var line = element.Line();
        var name = element.Attr("name");
        var loop = ReadLoop(element, kind, process, context);
        if (element.IsTrue("isForCompensation", whenAbsent: false))
        {
            context.Unsupported(process, element, $"{kind} (isForCompensation)", "Compensation is not supported.");
        }

        switch (kind)
        {
            case "userTask":
                return new UserTask(id, line)
                {
                    Name = name,
                    MultiInstance = loop,
                    Assignee = element.CamundaAttr("assignee"),
                    CandidateUsers = element.CamundaAttr("candidateUsers"),
                    CandidateGroups = element.CamundaAttr("candidateGroups"),
                    DueDate = element.CamundaAttr("dueDate"),
                    FormKey = element.CamundaAttr("formKey"),
                    FormRef = element.CamundaAttr("formRef"),
                };
            case "serviceTask":
                CheckImplementation(element, process, context);
                return new ServiceTask(id, line) { Name = name, MultiInstance = loop, Topic = element.CamundaAttr("topic") };
            default:
                return new CallActivity(id, line) { Name = name, MultiInstance = loop, CalledElement = element.Attr("calledElement") };
        }
    }

    /// <summary>
    /// multiInstanceLoopCharacteristics as written; whether the activity may carry it is the
    /// validator's call (only user tasks may). A standard loop is refused here.
    /// </summary>
    public static MultiInstance? ReadLoop(XElement element, string kind, ProcessModel process, ReadContext context)
    {
        var standard = element.Element(BpmnNamespaces.Model + "standardLoopCharacteristics");
        if (standard is not null)
        {
            context.Unsupported(process, element, $"{kind} (standardLoopCharacteristics)",
                "Loops are not supported. To repeat a user task for each item, use multi-instance with camunda:collection.");
        }

        var loop = element.Element(BpmnNamespaces.Model + "multiInstanceLoopCharacteristics");
        if (loop is null) return null;
        return new MultiInstance
        {
            IsSequential = loop.IsTrue("isSequential", whenAbsent: false),
            Collection = loop.CamundaAttr("collection"),
            ElementVariable = loop.CamundaAttr("elementVariable"),
            LoopCardinality = loop.ChildText("loopCardinality"),
            CompletionCondition = loop.ChildText("completionCondition"),
            LoopDataInputRef = loop.ChildText("loopDataInputRef"),
        };
    }

    // The node is still built so the graph stays whole; the unsupported entry makes the compile fail.
    private static void CheckImplementation(XElement element, ProcessModel process, ReadContext context)
    {
        const string howTo = "The engine runs service tasks only as external tasks: set camunda:type=\"external\" and camunda:topic to a topic with a registered handler.";
        foreach (var attribute in CodeImplementations.Where(a => element.CamundaAttr(a) is not null))
        {
            context.Unsupported(process, element, $"serviceTask (camunda:{attribute})", $"Java classes and expressions cannot run here. {howTo}");
        }
        var type = element.CamundaAttr("type");
        if (type is not null && !string.Equals(type, "external", StringComparison.Ordinal))
        {
            context.Unsupported(process, element, $"serviceTask (camunda:type=\"{type}\")", howTo);
        }
    }
}
