using System.Xml;
using System.Xml.Linq;

namespace ProjectWorkflow.Engine.Reading;

internal static class XElementExtensions
{
    /// <summary>The element's line in the file, or 0 when unknown, so problems can point at it.</summary>
    public static int Line(this XElement element) =>
        element is IXmlLineInfo info && info.HasLineInfo() ? info.LineNumber : 0;

    public static bool IsBpmn(this XElement element) => element.Name.Namespace == BpmnNamespaces.Model;

    /// <summary>An unqualified attribute, trimmed; null when absent or blank.</summary>
    public static string? Attr(this XElement element, string name) => Clean(element.Attribute(name)?.Value);

    /// <summary>A <c>camunda:</c> extension attribute, trimmed; null when absent or blank.</summary>
    public static string? CamundaAttr(this XElement element, string name) =>
        Clean(element.Attribute(BpmnNamespaces.Camunda + name)?.Value);

    /// <summary>
    /// A reference attribute. QName-typed references (messageRef, processRef, attachedToRef)
    /// may carry a prefix for the target namespace (<c>tns:Message_1</c>); ids never contain a
    /// colon, so the part after the last colon is the id.
    /// </summary>
    public static string? Ref(this XElement element, string name)
    {
        var value = element.Attr(name);
        if (value is null) return null;
        var colon = value.LastIndexOf(':');
        return colon >= 0 ? Clean(value[(colon + 1)..]) : value;
    }

    /// <summary>The trimmed text of a BPMN child element (e.g. <c>timeDuration</c>); null when absent or blank.</summary>
    public static string? ChildText(this XElement element, string localName) =>
        Clean(element.Element(BpmnNamespaces.Model + localName)?.Value);

    public static IEnumerable<XElement> BpmnChildren(this XElement element) =>
        element.Elements().Where(child => child.IsBpmn());

    public static bool IsTrue(this XElement element, string name, bool whenAbsent)
    {
        var value = element.Attr(name);
        return value is null ? whenAbsent : string.Equals(value, "true", StringComparison.OrdinalIgnoreCase);
    }

    private static string? Clean(string? value)
    {
        var trimmed = value?.Trim();
        return string.IsNullOrEmpty(trimmed) ? null : trimmed;
    }
}
