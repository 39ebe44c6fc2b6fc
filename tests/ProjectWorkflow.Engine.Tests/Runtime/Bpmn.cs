namespace ProjectWorkflow.Engine.Tests.Runtime;

/// <summary>Wraps the elements of a small test process in a BPMN 2.0 file with the Camunda namespace.</summary>
internal static class Bpmn
{
    public static string Process(string id, string elements, string messages = "") => $"""
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
                          xmlns:camunda="http://camunda.org/schema/1.0/bpmn"
                          xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
                          id="defs_{id}" targetNamespace="http://projectworkflow.test">
          {messages}
          <bpmn:process id="{id}" isExecutable="true">
        {elements}
          </bpmn:process>
        </bpmn:definitions>
        """;

    public static string Flow(string id, string from, string to, string? condition = null) => condition is null
        ? $"""<bpmn:sequenceFlow id="{id}" sourceRef="{from}" targetRef="{to}" />"""
        : $"""<bpmn:sequenceFlow id="{id}" sourceRef="{from}" targetRef="{to}"><bpmn:conditionExpression xsi:type="bpmn:tFormalExpression"><![CDATA[{condition}]]></bpmn:conditionExpression></bpmn:sequenceFlow>""";
}
