using System.Xml.Linq;
using ProjectWorkflow.Engine.Model;

namespace ProjectWorkflow.Engine.Reading;

/// <summary>
/// State shared while one file is read: the document being filled and every id seen so far,
/// because BPMN ids must be unique across the whole file, not just within a process.
/// </summary>
internal sealed class ReadContext(BpmnDocument document)
{
    private readonly Dictionary<string, (string Kind, int Line)> ids = new(StringComparer.Ordinal);

    public BpmnDocument Document { get; } = document;

    /// <summary>
    /// Takes the element's id for an element that joins the graph. False, with the problem
    /// recorded, when the id is missing or already used: such an element cannot be referenced reliably.
    /// </summary>
    public bool Claim(XElement element, ProcessModel? process, out string id)
    {
        var kind = element.Name.LocalName;
        var found = element.Attr("id");
        id = found ?? "";
        if (found is null)
        {
            Problem(process, null, kind, element.Line(),
                $"This {kind} has no id. Every element of a process needs a unique id so flows and the diagram can refer to it.");
            return false;
        }
        return Register(found, kind, element.Line(), process);
    }

    /// <summary>
    /// An id for a sequence flow the file left without one (Camunda runs those): <c>source-&gt;target</c>, with
    /// <c>#2</c>, <c>#3</c>… for parallel flows. Stable for the same file, and never equal to an id written in a
    /// file, since <c>&gt;</c> cannot appear in an XML id.
    /// </summary>
    public string GenerateFlowId(string? sourceRef, string? targetRef)
    {
        var stem = $"{sourceRef ?? "?"}->{targetRef ?? "?"}";
        var id = stem;
        for (var n = 2; ids.ContainsKey(id); n++) id = $"{stem}#{n}";
        ids.Add(id, ("sequenceFlow", 0));
        return id;
    }

    /// <summary>Notes the id of an element kept outside the graph, so duplicates are still caught.</summary>
    public void Note(XElement element, ProcessModel? process)
    {
        var id = element.Attr("id");
        if (id is not null) Register(id, element.Name.LocalName, element.Line(), process);
    }

    public void Unsupported(ProcessModel? process, XElement element, string kind, string reason) =>
        Document.Unsupported.Add(new UnsupportedElement(process?.Id, element.Attr("id"), kind, element.Line(), reason));

    public void Descriptive(ProcessModel? process, XElement element)
    {
        Note(element, process);
        Document.Descriptive.Add(new DescriptiveElement(process?.Id, element.Attr("id"), element.Name.LocalName, element.Line()));
    }

    /// <summary>Records a structural problem with the process it belongs to, or with the document.</summary>
    public void Problem(ProcessModel? process, string? elementId, string kind, int line, string message) =>
        (process?.ReadProblems ?? Document.ReadProblems).Add(new DefinitionProblem(elementId, kind, line, message));

    private bool Register(string id, string kind, int line, ProcessModel? process)
    {
        if (ids.TryGetValue(id, out var first))
        {
            Problem(process, id, kind, line,
                $"The id '{id}' is used twice: by this {kind} and by the {first.Kind} at line {first.Line}. Ids must be unique in the file.");
            return false;
        }
        ids.Add(id, (kind, line));
        return true;
    }
}
