using ProjectWorkflow.Engine.Runtime;
using static ProjectWorkflow.Engine.Tests.Runtime.Bpmn;

namespace ProjectWorkflow.Engine.Tests.Runtime;

/// <summary>
/// BPMN 2.0 §10.5.4 escalations, as Camunda 7 runs them: thrown by an intermediate throw or end event, caught by the
/// nearest escalation boundary event with the code (or without one) on an enclosing sub-process or the calling call
/// activity; interrupting or not; caught nowhere, nothing happens.
/// </summary>
public class EscalationTests
{
    private const string Escalations = """<bpmn:escalation id="esc_late" escalationCode="LATE" /><bpmn:escalation id="esc_other" escalationCode="OTHER" />""";

    private static string Checks(string boundary, string inner) => Process("check", $"""
        <bpmn:startEvent id="start" />
        <bpmn:subProcess id="checks">
          <bpmn:startEvent id="ss" />
          {inner}
        </bpmn:subProcess>
        {boundary}
        <bpmn:userTask id="manager" />
        <bpmn:userTask id="after" />
        """ + Flow("f1", "start", "checks") + Flow("f2", "checks", "after") + Flow("f3", "escalated", "manager"), Escalations);

    [Fact]
    public async Task ANonInterruptingBoundary_SendsATokenOut_AndTheThrowerGoesOn()
    {
        var h = new Harness();
        var instance = await h.Start(h.Deploy(Checks(
            """<bpmn:boundaryEvent id="escalated" attachedToRef="checks" cancelActivity="false"><bpmn:escalationEventDefinition escalationRef="esc_late" /></bpmn:boundaryEvent>""",
            """
            <bpmn:intermediateThrowEvent id="tooLate"><bpmn:escalationEventDefinition escalationRef="esc_late" /></bpmn:intermediateThrowEvent>
            <bpmn:userTask id="visit" />
            """ + Flow("s1", "ss", "tooLate") + Flow("s2", "tooLate", "visit"))));

        Assert.Equal(["manager", "visit"], Harness.Active(instance));
        Assert.Equal(["tooLate"], h.Events(instance, "escalationThrown"));
        Assert.Equal(["escalated"], h.Events(instance, "escalationCaught"));
    }

    [Fact]
    public async Task AnEscalationEndEvent_CaughtByAnInterruptingCatchAll_StopsTheSubProcess()
    {
        var h = new Harness();
        var instance = await h.Start(h.Deploy(Checks(
            """<bpmn:boundaryEvent id="escalated" attachedToRef="checks"><bpmn:escalationEventDefinition /></bpmn:boundaryEvent>""",
            """
            <bpmn:parallelGateway id="fork" />
            <bpmn:userTask id="visit" />
            <bpmn:endEvent id="giveUp"><bpmn:escalationEventDefinition escalationRef="esc_other" /></bpmn:endEvent>
            """ + Flow("s1", "ss", "fork") + Flow("s2", "fork", "visit") + Flow("s3", "fork", "giveUp"))));

        Assert.Equal(["manager"], Harness.Active(instance));
        Assert.Equal(["checks"], h.Events(instance, "interrupted"));
    }

    [Fact]
    public async Task AnEscalationCaughtNowhere_ChangesNothing()
    {
        var h = new Harness();
        var instance = await h.Start(h.Deploy(Checks(
            """<bpmn:boundaryEvent id="escalated" attachedToRef="checks"><bpmn:escalationEventDefinition escalationRef="esc_other" /></bpmn:boundaryEvent>""",
            """
            <bpmn:intermediateThrowEvent id="tooLate"><bpmn:escalationEventDefinition escalationRef="esc_late" /></bpmn:intermediateThrowEvent>
            <bpmn:userTask id="visit" />
            """ + Flow("s1", "ss", "tooLate") + Flow("s2", "tooLate", "visit"))));

        Assert.Equal(["visit"], Harness.Active(instance));
        Assert.Equal(["tooLate"], h.Events(instance, "escalationUncaught"));
    }

    [Fact]
    public async Task AnEscalationFromACalledProcess_ReachesTheCallActivitysBoundary()
    {
        var h = new Harness();
        h.Deploy(Process("inspection", """
            <bpmn:startEvent id="s" />
            <bpmn:intermediateThrowEvent id="raise"><bpmn:escalationEventDefinition escalationRef="esc_late" /></bpmn:intermediateThrowEvent>
            <bpmn:userTask id="inspect" />
            """ + Flow("f1", "s", "raise") + Flow("f2", "raise", "inspect"), Escalations));
        var parent = await h.Start(h.Deploy(Process("main", """
            <bpmn:startEvent id="start" />
            <bpmn:callActivity id="callInspection" calledElement="inspection" />
            <bpmn:boundaryEvent id="escalated" attachedToRef="callInspection" cancelActivity="false"><bpmn:escalationEventDefinition escalationRef="esc_late" /></bpmn:boundaryEvent>
            <bpmn:userTask id="manager" />
            """ + Flow("f1", "start", "callInspection") + Flow("f2", "escalated", "manager"), Escalations)));

        Assert.Equal(["callInspection", "manager"], Harness.Active(parent));
        var child = Assert.Single(h.Store.Instances, i => i.DefinitionKey == "inspection");
        Assert.Equal(["inspect"], Harness.Active(child));
    }
}
