using System.Xml.Linq;

namespace ProjectWorkflow.Engine.Reading;

/// <summary>
/// The XML namespaces the reader matches on. Elements are recognised by namespace and local
/// name, never by prefix, because every tool picks its own prefix (bpmn:, bpmn2:, semantic:, none).
/// </summary>
internal static class BpmnNamespaces
{
    public static readonly XNamespace Model = "http://www.omg.org/spec/BPMN/20100524/MODEL";
    public static readonly XNamespace Diagram = "http://www.omg.org/spec/BPMN/20100524/DI";
    public static readonly XNamespace Camunda = "http://camunda.org/schema/1.0/bpmn";

    /// <summary>Forms drawn with the process (the designer's form editor): <c>pwf:form</c> in the process's extensionElements.</summary>
    public static readonly XNamespace Forms = ProjectWorkflow.Engine.Model.EmbeddedForms.Namespace;
}
