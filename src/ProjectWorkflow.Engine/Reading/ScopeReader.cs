using System.Xml.Linq;
using ProjectWorkflow.Engine.Model;

namespace ProjectWorkflow.Engine.Reading;

/// <summary>
/// Reads the children of a process or embedded sub-process into its scope: nodes and flows
/// that run, elements kept for the drawing, and everything else recorded as unsupported.
/// </summary>
internal static class ScopeReader
{
    /// <summary>Condition languages that mean the JUEL <c>${...}</c> expressions the engine evaluates.</summary>
    private static readonly HashSet<string> ExpressionLanguages = new(StringComparer.OrdinalIgnoreCase)
    {
        "juel", "http://java.sun.com/products/jsp/",
    };

    public static void Read(XElement container, FlowScope scope, ProcessModel process, ReadContext context)
    {
        foreach (var child in container.BpmnChildren())
        {
            var kind = child.Name.LocalName;
            if (kind == "sequenceFlow") ReadFlow(child, scope, process, context);
            else if (EventReader.IsEvent(kind)) Add(child, scope, process, context, id => EventReader.Read(child, id, process, context));
            else if (ActivityReader.IsActivity(kind)) Add(child, scope, process, context, id => ActivityReader.Read(child, id, process, context));
            else if (kind is "exclusiveGateway" or "inclusiveGateway" or "parallelGateway" or "eventBasedGateway") Add(child, scope, process, context, id => Gateway(child, id));
            else if (kind is "subProcess" or "transaction") ReadSubProcess(child, scope, process, context);
            else if (kind == "association") ReadAssociation(child, process, context);
            else if (kind == "laneSet") ReadLanes(child, process, context);
            else if (ElementKinds.IsIgnored(kind)) continue;
            else if (ElementKinds.IsDescriptive(kind)) context.Descriptive(process, child);
            else
            {
                context.Note(child, process);
                context.Unsupported(process, child, kind, ElementKinds.UnsupportedReason(kind));
            }
        }
    }

    private static FlowNode? Add(XElement element, FlowScope scope, ProcessModel process, ReadContext context, Func<string, FlowNode?> create)
    {
        if (!context.Claim(element, process, out var id)) return null;
        var node = create(id);
        if (node is null) return null;
        CamundaHooks.Check(element, node.Kind, process, context);
        CamundaHooks.ReadAsync(element, node, process, context);
        if (node is Activity or SubProcess) CamundaHooks.ReadInputOutput(element, node, process, context);
        if (node is Activity or SubProcess) node.IsForCompensation = element.IsTrue("isForCompensation", whenAbsent: false);
        if (node is not SubProcess) KeepDescriptiveChildren(element, process, context);
        node.Scope = scope;
        scope.Nodes.Add(node);
        process.NodesById.Add(id, node);
        return node;
    }

    // Data associations, I/O specifications and performers drawn on a task; a sub-process's
    // children are read as its own scope instead.
    private static void KeepDescriptiveChildren(XElement element, ProcessModel process, ReadContext context)
    {
        foreach (var child in element.BpmnChildren().Where(c => ElementKinds.IsDescriptive(c.Name.LocalName)))
        {
            context.Descriptive(process, child);
        }
    }

    private static Gateway Gateway(XElement element, string id)
    {
        var line = element.Line();
        var name = element.Attr("name");
        var defaultFlow = element.Attr("default");
        return element.Name.LocalName switch
        {
            "exclusiveGateway" => new ExclusiveGateway(id, line) { Name = name, DefaultFlowId = defaultFlow },
            "inclusiveGateway" => new InclusiveGateway(id, line) { Name = name, DefaultFlowId = defaultFlow },
            "eventBasedGateway" => new EventBasedGateway(id, line) { Name = name },
            _ => new ParallelGateway(id, line) { Name = name },
        };
    }

    private static void ReadSubProcess(XElement element, FlowScope scope, ProcessModel process, ReadContext context)
    {
        var node = Add(element, scope, process, context, id => new SubProcess(id, element.Line(), element.Name.LocalName)
        {
            Name = element.Attr("name"),
            TriggeredByEvent = element.IsTrue("triggeredByEvent", whenAbsent: false),
            MultiInstance = ActivityReader.ReadLoop(element, element.Name.LocalName, process, context),
        });
        if (node is SubProcess subProcess) Read(element, subProcess, process, context);
    }

    // Kept for the drawing like any artefact, and remembered: a compensation boundary event names its handler by one.
    private static void ReadAssociation(XElement element, ProcessModel process, ReadContext context)
    {
        context.Descriptive(process, element);
        if (element.Attr("sourceRef") is { } source && element.Attr("targetRef") is { } target)
            process.Associations.Add(new Association(element.Attr("id"), source, target, element.Line()));
    }

    private static void ReadFlow(XElement element, FlowScope scope, ProcessModel process, ReadContext context)
    {
        string id;
        if (element.Attr("id") is null) id = context.GenerateFlowId(element.Attr("sourceRef"), element.Attr("targetRef"));
        else if (!context.Claim(element, process, out id)) return;
        var condition = element.Element(BpmnNamespaces.Model + "conditionExpression");
        var text = condition?.Value.Trim();
        if (string.IsNullOrEmpty(text)) text = null;

        var language = condition?.Attr("language");
        if (text is not null && language is not null && !ExpressionLanguages.Contains(language))
        {
            context.Unsupported(process, element, $"sequenceFlow (condition language '{language}')",
                $"Conditions are evaluated as ${{...}} expressions; a condition in '{language}' cannot be evaluated. Remove the language attribute and write the condition as ${{...}}.");
        }

        var flow = new SequenceFlow(id, element.Attr("sourceRef") ?? "", element.Attr("targetRef") ?? "", element.Line())
        {
            Name = element.Attr("name"),
            ConditionText = text,
        };
        CamundaHooks.Check(element, "sequenceFlow", process, context);
        scope.Flows.Add(flow);
        process.FlowsById.Add(id, flow);
    }

    private static void ReadLanes(XElement laneSet, ProcessModel process, ReadContext context)
    {
        context.Descriptive(process, laneSet);
        foreach (var lane in laneSet.BpmnChildren().Where(e => e.Name.LocalName == "lane"))
        {
            context.Descriptive(process, lane);
            foreach (var childSet in lane.BpmnChildren().Where(e => e.Name.LocalName == "childLaneSet"))
            {
                ReadLanes(childSet, process, context);
            }
        }
    }
}
