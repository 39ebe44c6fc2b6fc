namespace ProjectWorkflow.Engine.Tests.Runtime;

/// <summary>Wraps the elements of a small test process in a BPMN 2.0 file with the Camunda namespace.</summary>
internal static class Bpmn
{
    public static string Process(string id, string elements, string messages = "") => BpmnSamples.Definitions($"""
        {messages}
          <bpmn:process id="{id}" isExecutable="true">
        {elements}
          </bpmn:process>
        """);

    public static string Flow(string id, string from, string to, string? condition = null) => condition is null
        ? $"""<bpmn:sequenceFlow id="{id}" sourceRef="{from}" targetRef="{to}" />"""
        : $"""<bpmn:sequenceFlow id="{id}" sourceRef="{from}" targetRef="{to}"><bpmn:conditionExpression xsi:type="bpmn:tFormalExpression"><![CDATA[{condition}]]></bpmn:conditionExpression></bpmn:sequenceFlow>""";
}
