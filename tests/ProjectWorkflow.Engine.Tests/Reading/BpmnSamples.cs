using System.Text;

namespace ProjectWorkflow.Engine.Tests;

/// <summary>Small BPMN files written inline, so each test shows the modelling it is about.</summary>
internal static class BpmnSamples
{
    public const string ModelNamespace = "http://www.omg.org/spec/BPMN/20100524/MODEL";

    public static readonly IReadOnlySet<string> Topics = new HashSet<string>(StringComparer.Ordinal) { "subsidy.calculate", "notice.publish" };

    /// <summary>A file with the given <c>bpmn:</c>-prefixed content inside <c>definitions</c>.</summary>
    public static string Definitions(string body) => $"""
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="{ModelNamespace}"
            xmlns:camunda="http://camunda.org/schema/1.0/bpmn"
            xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
            id="Definitions_1" targetNamespace="http://example.com/bpmn">
        {body}
        </bpmn:definitions>
        """;

    /// <summary>A file with one executable process holding <paramref name="body"/>.</summary>
    public static string Process(string body, string id = "Approval") =>
        Definitions($"""
            <bpmn:process id="{id}" name="Approval" isExecutable="true">
            {body}
            </bpmn:process>
            """);

    /// <summary>start → one user task → end: the smallest process that runs.</summary>
    public static string SimpleProcess(string id = "Approval") => Process("""
          <bpmn:startEvent id="Start" />
          <bpmn:sequenceFlow id="F1" sourceRef="Start" targetRef="Review" />
          <bpmn:userTask id="Review" name="Review" />
          <bpmn:sequenceFlow id="F2" sourceRef="Review" targetRef="End" />
          <bpmn:endEvent id="End" />
        """, id);

    /// <summary>Every supported element once, wired the way a real approval would be.</summary>
    public const string FullApproval = """
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
            xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI"
            xmlns:camunda="http://camunda.org/schema/1.0/bpmn"
            xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
            id="Definitions_Full" targetNamespace="http://example.com/bpmn">
          <bpmn:process id="TechUpgrade" name="Tech upgrade" isExecutable="true">
            <bpmn:startEvent id="Start" />
            <bpmn:sequenceFlow id="F1" sourceRef="Start" targetRef="Review" />
            <bpmn:userTask id="Review" name="District review" camunda:assignee="${reviewer}" camunda:candidateUsers="alice, bob"
                camunda:candidateGroups="district-reviewers" camunda:dueDate="P5D" camunda:formKey="review-form" />
            <bpmn:boundaryEvent id="ReviewReminder" attachedToRef="Review" cancelActivity="false">
              <bpmn:timerEventDefinition><bpmn:timeCycle>R3/P1D</bpmn:timeCycle></bpmn:timerEventDefinition>
            </bpmn:boundaryEvent>
            <bpmn:sequenceFlow id="F_remind" sourceRef="ReviewReminder" targetRef="Remind" />
            <bpmn:serviceTask id="Remind" camunda:type="external" camunda:topic="notice.publish" />
            <bpmn:sequenceFlow id="F_reminded" sourceRef="Remind" targetRef="Reminded" />
            <bpmn:endEvent id="Reminded" />
            <bpmn:sequenceFlow id="F2" sourceRef="Review" targetRef="Decision" />
            <bpmn:exclusiveGateway id="Decision" name="Recommended?" default="F_reject" />
            <bpmn:sequenceFlow id="F_ok" sourceRef="Decision" targetRef="Experts">
              <bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">
                ${recommended}
              </bpmn:conditionExpression>
            </bpmn:sequenceFlow>
            <bpmn:sequenceFlow id="F_reject" sourceRef="Decision" targetRef="Rejected" />
            <bpmn:endEvent id="Rejected" />
            <bpmn:userTask id="Experts" name="Expert scoring" camunda:assignee="${expert}">
              <bpmn:multiInstanceLoopCharacteristics camunda:collection="experts" camunda:elementVariable="expert">
                <bpmn:completionCondition>${nrOfCompletedInstances >= 3}</bpmn:completionCondition>
              </bpmn:multiInstanceLoopCharacteristics>
            </bpmn:userTask>
            <bpmn:sequenceFlow id="F3" sourceRef="Experts" targetRef="SiteCheck" />
            <bpmn:subProcess id="SiteCheck" name="Site check">
              <bpmn:startEvent id="SiteStart" />
              <bpmn:sequenceFlow id="S1" sourceRef="SiteStart" targetRef="Visit" />
              <bpmn:userTask id="Visit" camunda:candidateGroups="department" />
              <bpmn:sequenceFlow id="S2" sourceRef="Visit" targetRef="SiteEnd" />
              <bpmn:endEvent id="SiteEnd" />
            </bpmn:subProcess>
            <bpmn:sequenceFlow id="F4" sourceRef="SiteCheck" targetRef="Calculate" />
            <bpmn:serviceTask id="Calculate" camunda:type="external" camunda:topic="subsidy.calculate" />
            <bpmn:sequenceFlow id="F5" sourceRef="Calculate" targetRef="WaitForPayment" />
            <bpmn:intermediateCatchEvent id="WaitForPayment">
              <bpmn:messageEventDefinition messageRef="Message_Paid" />
            </bpmn:intermediateCatchEvent>
            <bpmn:sequenceFlow id="F6" sourceRef="WaitForPayment" targetRef="Accept" />
            <bpmn:callActivity id="Accept" calledElement="acceptance" />
            <bpmn:sequenceFlow id="F7" sourceRef="Accept" targetRef="Done" />
            <bpmn:endEvent id="Done"><bpmn:terminateEventDefinition /></bpmn:endEvent>
            <bpmn:textAnnotation id="Note"><bpmn:text>Reviewers have five days.</bpmn:text></bpmn:textAnnotation>
            <bpmn:association id="NoteLink" sourceRef="Review" targetRef="Note" />
          </bpmn:process>
          <bpmn:message id="Message_Paid" name="payment.confirmed" />
          <bpmndi:BPMNDiagram id="Diagram">
            <bpmndi:BPMNPlane id="Plane" bpmnElement="TechUpgrade" />
          </bpmndi:BPMNDiagram>
        </bpmn:definitions>
        """;

    public static byte[] Utf8(string xml) => Encoding.UTF8.GetBytes(xml);

    /// <summary>The 1-based line of the first line containing <paramref name="marker"/>.</summary>
    public static int LineOf(string xml, string marker)
    {
        var lines = xml.Split('\n');
        var index = Array.FindIndex(lines, line => line.Contains(marker, StringComparison.Ordinal));
        Assert.True(index >= 0, $"marker '{marker}' not in sample");
        return index + 1;
    }
}
