using System.Xml.Linq;
using ProjectWorkflow.Engine.Model;

namespace ProjectWorkflow.Engine.Reading;

/// <summary>
/// Reads the <c>definitions</c> root: messages first (events look their names up), then every
/// process, then the collaboration's pools and what is drawn between them.
/// </summary>
internal static class DocumentReader
{
    /// <summary>Callable elements other than processes; a call activity naming one is refused.</summary>
    private static readonly HashSet<string> GlobalTasks = new(StringComparer.Ordinal)
    {
        "globalTask", "globalUserTask", "globalManualTask", "globalScriptTask", "globalBusinessRuleTask",
    };

    /// <returns>The document, or null (with a problem) when the root is not BPMN 2.0 <c>definitions</c>.</returns>
    public static BpmnDocument? Read(XElement root, List<DefinitionProblem> problems)
    {
        if (root.Name != BpmnNamespaces.Model + "definitions")
        {
            problems.Add(new DefinitionProblem(null, root.Name.LocalName, root.Line(),
                $"This is not a BPMN 2.0 file: its root element is '{root.Name.LocalName}'{InNamespace(root.Name.Namespace)}, "
                + $"but a BPMN 2.0 file starts with 'definitions' in the namespace {BpmnNamespaces.Model.NamespaceName}."));
            return null;
        }

        var document = new BpmnDocument
        {
            DefinitionsId = root.Attr("id"),
            TargetNamespace = root.Attr("targetNamespace"),
            HasDiagram = root.Elements(BpmnNamespaces.Diagram + "BPMNDiagram").Any(),
        };
        var context = new ReadContext(document);

        foreach (var message in root.BpmnChildren().Where(e => e.Name.LocalName == "message"))
        {
            if (context.Claim(message, null, out var id)) document.Messages[id] = message.Attr("name") ?? "";
        }

        foreach (var signal in root.BpmnChildren().Where(e => e.Name.LocalName == "signal"))
        {
            if (context.Claim(signal, null, out var id)) document.Signals[id] = signal.Attr("name") ?? "";
        }

        foreach (var escalation in root.BpmnChildren().Where(e => e.Name.LocalName == "escalation"))
        {
            if (context.Claim(escalation, null, out var id)) document.Escalations[id] = escalation.Attr("escalationCode") ?? "";
        }

        foreach (var error in root.BpmnChildren().Where(e => e.Name.LocalName == "error"))
        {
            if (context.Claim(error, null, out var id)) document.Errors[id] = error.Attr("errorCode") ?? id;
        }

        foreach (var element in root.BpmnChildren())
        {
            var kind = element.Name.LocalName;
            if (kind == "process") ReadProcess(element, context);
            else if (kind == "collaboration") ReadCollaboration(element, context);
            else if (kind == "category") context.Descriptive(null, element);
            else if (kind == "choreography")
            {
                context.Note(element, null);
                context.Unsupported(null, element, kind, "Choreographies describe exchanges between partners and cannot run.");
            }
            else if (GlobalTasks.Contains(kind))
            {
                context.Note(element, null);
                context.Unsupported(null, element, kind, $"A {kind} cannot be called: call activities can only call processes.");
            }
        }
        return document;
    }

    private static void ReadProcess(XElement element, ReadContext context)
    {
        if (!context.Claim(element, null, out var id)) return;
        var process = new ProcessModel(id, element.Line())
        {
            Name = element.Attr("name"),
            // Absent means executable here: the XSD default is false, but Camunda Modeler always
            // writes the attribute, and hand-written files that omit it mean to run.
            IsExecutable = element.IsTrue("isExecutable", whenAbsent: true),
            TaskPriority = element.CamundaAttr("taskPriority"),
        };
        context.Document.Processes.Add(process);
        CamundaHooks.Check(element, "process", process, context);
        ScopeReader.Read(element, process, process, context);
        GraphLinker.Link(process);
        EmbeddedFormReader.Read(element, process);
    }

    private static void ReadCollaboration(XElement collaboration, ReadContext context)
    {
        context.Note(collaboration, null);
        foreach (var child in collaboration.BpmnChildren())
        {
            var kind = child.Name.LocalName;
            if (kind == "participant")
            {
                context.Note(child, null);
                if (child.Attr("id") is { } id) context.Document.Participants[id] = child.Ref("processRef");
            }
            else if (!ElementKinds.IsIgnored(kind))
            {
                // Message flows, annotations, conversations: all drawn between pools, none run.
                context.Descriptive(null, child);
            }
        }
    }

    private static string InNamespace(XNamespace ns) =>
        ns == XNamespace.None ? " with no namespace" : $" in the namespace {ns.NamespaceName}";
}
