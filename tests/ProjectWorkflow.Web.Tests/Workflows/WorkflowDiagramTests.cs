using System.Xml.Linq;

namespace ProjectWorkflow.Web.Tests.Workflows;

/// <summary>
/// The processes the app deploys are drawn, not only executable: every flow node, boundary event and
/// sequence flow has its shape or edge in the diagram (bpmndi), so bpmn-js and Camunda Modeler show the whole
/// process and no element sits at the origin.
/// </summary>
public sealed class WorkflowDiagramTests
{
    private static readonly XNamespace Bpmn = "http://www.omg.org/spec/BPMN/20100524/MODEL";
    private static readonly XNamespace Di = "http://www.omg.org/spec/BPMN/20100524/DI";
    private static readonly XNamespace Dc = "http://www.omg.org/spec/DD/20100524/DC";
    private static readonly XNamespace OmgDi = "http://www.omg.org/spec/DD/20100524/DI";

    private static readonly HashSet<string> NotDrawn = ["documentation", "extensionElements", "incoming", "outgoing", "multiInstanceLoopCharacteristics",
        "timerEventDefinition", "messageEventDefinition", "terminateEventDefinition", "conditionExpression", "laneSet"];

    public static TheoryData<string> Files() => new(Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "workflows"), "*.bpmn").Select(Path.GetFileName)!);

    [Theory]
    [MemberData(nameof(Files))]
    public void EveryElement_HasItsShapeOrEdge(string file)
    {
        var document = XDocument.Load(Path.Combine(AppContext.BaseDirectory, "workflows", file));
        var process = document.Root!.Element(Bpmn + "process")!;
        var elements = process.Descendants()
            .Where(e => e.Name.Namespace == Bpmn && !NotDrawn.Contains(e.Name.LocalName) && e.Attribute("id") is not null)
            .Where(e => e.Parent!.Name.LocalName is "process" or "subProcess")
            .ToList();
        var plane = document.Descendants(Di + "BPMNPlane").Single();
        Assert.Equal(process.Attribute("id")!.Value, plane.Attribute("bpmnElement")!.Value);

        var shapes = plane.Elements(Di + "BPMNShape").ToDictionary(s => s.Attribute("bpmnElement")!.Value);
        var edges = plane.Elements(Di + "BPMNEdge").ToDictionary(e => e.Attribute("bpmnElement")!.Value);
        var missing = new List<string>();
        foreach (var element in elements)
        {
            var id = element.Attribute("id")!.Value;
            if (element.Name.LocalName == "sequenceFlow")
            {
                if (!edges.TryGetValue(id, out var edge) || edge.Elements(OmgDi + "waypoint").Count() < 2) missing.Add($"edge of {id}");
            }
            else if (!shapes.TryGetValue(id, out var shape) || shape.Element(Dc + "Bounds") is not { } bounds
                     || double.Parse(bounds.Attribute("width")!.Value, System.Globalization.CultureInfo.InvariantCulture) <= 0)
            {
                missing.Add($"shape of {element.Name.LocalName} {id}");
            }
        }
        Assert.True(missing.Count == 0, $"{file} is not fully drawn: {string.Join(", ", missing)}");
        Assert.True(elements.Count > 2, $"{file} names too few elements to be a process");
    }
}
