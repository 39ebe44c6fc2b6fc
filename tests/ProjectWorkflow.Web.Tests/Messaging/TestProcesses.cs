using System.Net;
using ProjectWorkflow.Web.Tests.Workflows;

namespace ProjectWorkflow.Web.Tests.Messaging;

/// <summary>Small processes the messaging tests deploy (deploying the same bytes again is a no-op).</summary>
internal static class TestProcesses
{
    public const string Instant = "messaging-instant";
    public const string OneDecision = "messaging-one-decision";
    public const string NudgedTwice = "messaging-nudged-twice";

    private static string Definitions(string id, string body, string messages = "") => $"""
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
                          xmlns:camunda="http://camunda.org/schema/1.0/bpmn"
                          id="{id}-definitions" targetNamespace="https://projectworkflow.example/tests">
          {messages}
          <bpmn:process id="{id}" isExecutable="true">
            {body}
          </bpmn:process>
        </bpmn:definitions>
        """;

    private static readonly Dictionary<string, string> Xml = new()
    {
        [Instant] = Definitions(Instant, """
            <bpmn:startEvent id="start" />
            <bpmn:endEvent id="end" />
            <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="end" />
            """),
        [OneDecision] = Definitions(OneDecision, """
            <bpmn:startEvent id="start" />
            <bpmn:userTask id="decide" camunda:assignee="admin1" />
            <bpmn:endEvent id="end" />
            <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="decide" />
            <bpmn:sequenceFlow id="f2" sourceRef="decide" targetRef="end" />
            """),
        [NudgedTwice] = Definitions(NudgedTwice, """
            <bpmn:startEvent id="start" />
            <bpmn:intermediateCatchEvent id="firstNudge"><bpmn:messageEventDefinition messageRef="nudge" /></bpmn:intermediateCatchEvent>
            <bpmn:intermediateCatchEvent id="secondNudge"><bpmn:messageEventDefinition messageRef="nudge" /></bpmn:intermediateCatchEvent>
            <bpmn:endEvent id="end" />
            <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="firstNudge" />
            <bpmn:sequenceFlow id="f2" sourceRef="firstNudge" targetRef="secondNudge" />
            <bpmn:sequenceFlow id="f3" sourceRef="secondNudge" targetRef="end" />
            """, """<bpmn:message id="nudge" name="test.nudge" />"""),
    };

    public static async Task DeployAsync(HttpClient admin, string key)
    {
        var response = await WorkflowApi.DeployApprovedAsync(admin, Xml[key]);
        Assert.True(response.StatusCode is HttpStatusCode.Created or HttpStatusCode.OK,
            $"Deploying {key} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
    }
}
