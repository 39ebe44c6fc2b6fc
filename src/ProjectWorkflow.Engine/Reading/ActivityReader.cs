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

    public static bool IsActivity(string localName) =>
        localName is "userTask" or "serviceTask" or "callActivity" or "task" or "manualTask" or "receiveTask" or "sendTask" or "scriptTask";

    public static FlowNode Read(XElement element, string id, ProcessModel process, ReadContext context)
    {
        var kind = element.Name.LocalName;
        var line = element.Line();
        var name = element.Attr("name");
        var loop = ReadLoop(element, kind, process, context);

        switch (kind)
        {
            case "userTask":
                var (performer, ownerUsers, ownerGroups) = ReadPeople(element, id, process, context);
                return new UserTask(id, line)
                {
                    Name = name,
                    MultiInstance = loop,
                    Assignee = element.CamundaAttr("assignee") ?? performer,
                    CandidateUsers = Join(element.CamundaAttr("candidateUsers"), ownerUsers),
                    CandidateGroups = Join(element.CamundaAttr("candidateGroups"), ownerGroups),
                    DueDate = element.CamundaAttr("dueDate"),
                    FormKey = element.CamundaAttr("formKey"),
                    FormRef = element.CamundaAttr("formRef"),
                    Approval = ApprovalProperties.Read(element, id, loop, process, context),
                };
            case "task" or "manualTask":
                return new PassThroughTask(id, kind, line) { Name = name, MultiInstance = loop };
            case "scriptTask":
                CheckScript(element, process, context);
                return new ScriptTask(id, line)
                {
                    Name = name,
                    MultiInstance = loop,
                    Script = element.ChildText("script") ?? "",
                    ResultVariable = element.CamundaAttr("resultVariable"),
                };
            case "receiveTask":
                return new ReceiveTask(id, line) { Name = name, MultiInstance = loop, Message = MessageOf(element, context) };
            case "sendTask" when element.CamundaAttr("type") is not null:
                // Camunda runs a send task with camunda:type="external" as an external task, like a service task.
                CheckImplementation(element, process, context);
                return new ServiceTask(id, line, kind) { Name = name, MultiInstance = loop, Topic = element.CamundaAttr("topic"), TaskPriority = element.CamundaAttr("taskPriority") };
            case "sendTask":
                CheckImplementation(element, process, context);
                return new SendTask(id, line) { Name = name, MultiInstance = loop, Message = MessageOf(element, context) };
            case "serviceTask":
                CheckImplementation(element, process, context);
                return new ServiceTask(id, line) { Name = name, MultiInstance = loop, Topic = element.CamundaAttr("topic"), TaskPriority = element.CamundaAttr("taskPriority") };
            default:
                var mappings = element.Element(BpmnNamespaces.Model + "extensionElements")?.Elements()
                    .Where(e => e.Name.Namespace == BpmnNamespaces.Camunda && e.Name.LocalName is "in" or "out").ToList() ?? [];
                VariableMapping Mapping(XElement m) => new()
                {
                    All = string.Equals(m.Attr("variables"), "all", StringComparison.Ordinal),
                    Source = m.Attr("source"),
                    SourceExpression = m.Attr("sourceExpression"),
                    Target = m.Attr("target"),
                    Line = m.Line(),
                };
                return new CallActivity(id, line)
                {
                    Name = name,
                    MultiInstance = loop,
                    CalledElement = element.Attr("calledElement"),
                    In = mappings.Where(m => m.Name.LocalName == "in" && m.Attr("businessKey") is null).Select(Mapping).ToList(),
                    Out = mappings.Where(m => m.Name.LocalName == "out").Select(Mapping).ToList(),
                    BusinessKey = mappings.Where(m => m.Name.LocalName == "in").Select(m => m.Attr("businessKey")).FirstOrDefault(k => k is not null),
                };
        }
    }

    // A receive or send task names its message with messageRef on the task itself.
    private static MessageDefinition? MessageOf(XElement element, ReadContext context) =>
        element.Ref("messageRef") is null ? null : EventReader.ReadMessage(element, context.Document);

    /// <summary>
    /// The standard BPMN way to name people, run as Camunda runs it: <c>humanPerformer</c> is the assignee
    /// (and, as in Camunda, cannot stand beside <c>camunda:assignee</c>); <c>potentialOwner</c> lists
    /// candidates, each <c>user(id)</c>, <c>group(id)</c>, or a bare id meaning a group.
    /// </summary>
    private static (string? Performer, List<string> Users, List<string> Groups) ReadPeople(XElement element, string id, ProcessModel process, ReadContext context)
    {
        static string? Expression(XElement role) =>
            role.Element(BpmnNamespaces.Model + "resourceAssignmentExpression")?.ChildText("formalExpression");

        var performers = element.Elements(BpmnNamespaces.Model + "humanPerformer").Select(Expression).Where(e => e is not null).ToList();
        if (performers.Count > 1)
        {
            context.Problem(process, id, "userTask (humanPerformer)", element.Line(), "The user task has several humanPerformer elements; a task has one assignee. Keep one, or list candidates in potentialOwner.");
        }
        if (performers.Count > 0 && element.CamundaAttr("assignee") is not null)
        {
            context.Problem(process, id, "userTask (humanPerformer)", element.Line(),
                "The user task names its assignee twice, in camunda:assignee and in humanPerformer (Camunda refuses this too). Keep one of them.");
        }

        var users = new List<string>();
        var groups = new List<string>();
        foreach (var owner in element.Elements(BpmnNamespaces.Model + "potentialOwner").Select(Expression).OfType<string>())
        {
            foreach (var entry in SplitOutsideExpressions(owner))
            {
                if (entry.StartsWith("user(", StringComparison.Ordinal) && entry.EndsWith(')')) users.Add(entry[5..^1].Trim());
                else if (entry.StartsWith("group(", StringComparison.Ordinal) && entry.EndsWith(')')) groups.Add(entry[6..^1].Trim());
                else groups.Add(entry);
            }
        }
        return (performers.FirstOrDefault(), users, groups);
    }

    private static string? Join(string? attribute, List<string> more)
    {
        var all = (attribute is null ? [] : new List<string> { attribute }).Concat(more).Where(s => s.Length > 0).ToList();
        return all.Count == 0 ? null : string.Join(",", all);
    }

    // "user(a), group(${g1}), b" → the entries, commas inside ${…} kept.
    private static IEnumerable<string> SplitOutsideExpressions(string text)
    {
        var depth = 0;
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '{') depth++;
            else if (text[i] == '}' && depth > 0) depth--;
            else if (text[i] == ',' && depth == 0)
            {
                if (text[start..i].Trim() is { Length: > 0 } entry) yield return entry;
                start = i + 1;
            }
        }
        if (text[start..].Trim() is { Length: > 0 } last) yield return last;
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
            // The standard BPMN loopDataInputRef / inputDataItem mean what camunda:collection / elementVariable
            // do, as Camunda reads them.
            Collection = loop.CamundaAttr("collection") ?? loop.ChildText("loopDataInputRef"),
            ElementVariable = loop.CamundaAttr("elementVariable") ?? loop.Element(BpmnNamespaces.Model + "inputDataItem")?.Attr("name"),
            LoopCardinality = loop.ChildText("loopCardinality"),
            CompletionCondition = loop.ChildText("completionCondition"),
            LoopDataInputRef = loop.ChildText("loopDataInputRef"),
        };
    }

    // Only JUEL runs: it is the engine's own sandboxed expression language. The node is still built so the graph stays whole.
    private static void CheckScript(XElement element, ProcessModel process, ReadContext context)
    {
        var format = element.Attr("scriptFormat");
        if (!string.Equals(format, "juel", StringComparison.OrdinalIgnoreCase))
        {
            context.Unsupported(process, element, $"scriptTask (scriptFormat '{format ?? "none"}')",
                $"Script tasks run only in JUEL (scriptFormat=\"juel\"), the engine's sandboxed ${{...}} expressions; {(format is null ? "this one names no language" : $"'{format}' (JavaScript, Groovy, Python...) cannot run here")}. Write the script as one JUEL expression, or use a service task with a registered topic.");
        }
        else if (element.CamundaAttr("resource") is not null)
        {
            context.Unsupported(process, element, "scriptTask (camunda:resource)", "A script read from an external resource is not supported: write the JUEL expression inside the script element.");
        }
    }

    // The node is still built so the graph stays whole; the unsupported entry makes the compile fail.
    private static void CheckImplementation(XElement element, ProcessModel process, ReadContext context)
    {
        const string howTo = "The engine runs service tasks only as external tasks: set camunda:type=\"external\" and camunda:topic to a topic with a registered handler.";
        foreach (var attribute in CodeImplementations.Where(a => element.CamundaAttr(a) is not null))
        {
            context.Unsupported(process, element, $"{element.Name.LocalName} (camunda:{attribute})", $"Java classes and expressions cannot run here. {howTo}");
        }
        var type = element.CamundaAttr("type");
        if (type is not null && !string.Equals(type, "external", StringComparison.Ordinal))
        {
            context.Unsupported(process, element, $"{element.Name.LocalName} (camunda:type=\"{type}\")", howTo);
        }
    }
}
