using ProjectWorkflow.Engine.Runtime;
using ProjectWorkflow.Engine.ServiceTasks;
using static ProjectWorkflow.Engine.Tests.Runtime.Bpmn;

namespace ProjectWorkflow.Engine.Tests.Runtime;

/// <summary>
/// BPMN 2.0 §10.3.5 event sub-processes, as Camunda 7 runs them: while their scope (the process or a sub-process) runs,
/// their start event waits — a timer, message, signal or condition, or an error or escalation thrown inside the scope.
/// An interrupting one stops the rest of its scope, which then ends when it ends; a non-interrupting one runs beside
/// the rest, once per event.
/// </summary>
public class EventSubProcessTests
{
    private const string Definitions = """
        <bpmn:message id="msg_query" name="applicant.query" />
        <bpmn:signal id="sig_closed" name="window.closed" />
        <bpmn:error id="err_rejected" errorCode="REJECTED" />
        <bpmn:escalation id="esc_late" escalationCode="LATE" />
        """;

    private static string EventSubProcess(string id, string startDefinition, bool interrupting = true, string task = "react") => $"""
        <bpmn:subProcess id="{id}" triggeredByEvent="true">
          <bpmn:startEvent id="{id}_start" isInterrupting="{(interrupting ? "true" : "false")}">{startDefinition}</bpmn:startEvent>
          <bpmn:userTask id="{task}" />
          <bpmn:endEvent id="{id}_end" />
          {Flow($"{id}_f1", $"{id}_start", task)}
          {Flow($"{id}_f2", task, $"{id}_end")}
        </bpmn:subProcess>
        """;

    /// <summary>A process: start → review → end, with the event sub-processes given.</summary>
    private static string Review(string eventSubProcesses) => Process("application", $"""
        <bpmn:startEvent id="start" />
        <bpmn:userTask id="review" />
        <bpmn:endEvent id="end" />
        {eventSubProcesses}
        """ + Flow("f1", "start", "review") + Flow("f2", "review", "end"), Definitions);

    [Fact]
    public async Task AnInterruptingTimerEventSubProcess_StopsTheReview_AndTheInstanceEndsWithIt()
    {
        var h = new Harness();
        var instance = await h.Start(h.Deploy(Review(EventSubProcess("overdue",
            """<bpmn:timerEventDefinition><bpmn:timeDuration>P10D</bpmn:timeDuration></bpmn:timerEventDefinition>""", task: "chase"))));
        Assert.Equal(["review"], Harness.Active(instance));

        await h.Advance(TimeSpan.FromDays(10));

        Assert.Equal(["chase"], Harness.Active(instance));
        Assert.Equal(["review"], h.Events(instance, "interrupted"));
        await h.Complete(instance, "chase", Harness.Alice);
        Assert.Equal(InstanceStatus.Completed, instance.Status);
    }

    [Fact]
    public async Task ANonInterruptingMessageEventSubProcess_RunsOncePerMessage_BesideTheReview()
    {
        var h = new Harness();
        var instance = await h.Start(h.Deploy(Review(EventSubProcess("query",
            """<bpmn:messageEventDefinition messageRef="msg_query" />""", interrupting: false, task: "answer"))), businessKey: "A-1");

        Assert.Equal(1, await h.Send("applicant.query", "A-1"));
        Assert.Equal(1, await h.Send("applicant.query", "A-1"));

        Assert.Equal(2, instance.Tasks.Count(t => t.ElementId == "answer"));
        Assert.Single(instance.Tasks, t => t.ElementId == "review");
        Assert.Empty(h.Events(instance, "interrupted"));

        // The review finishes first: the instance waits for the answers still open, then completes.
        await h.Complete(instance, "review", Harness.Alice);
        Assert.Equal(InstanceStatus.Running, instance.Status);
        foreach (var answer in instance.Tasks.Where(t => t.ElementId == "answer").ToList())
            await h.Act(Harness.Alice, s => s.CompleteAsync(answer.Id, null));
        Assert.Equal(InstanceStatus.Completed, instance.Status);
        Assert.Empty(instance.Bookmarks);
    }

    [Fact]
    public async Task AnErrorThrownInASubProcess_IsCaughtByItsErrorEventSubProcess_BeforeTheBoundary()
    {
        var h = new Harness();
        h.Handlers.Register("bank.transfer", new Rejecting("REJECTED"));
        var instance = await h.Start(h.Deploy(Process("pay", $"""
            <bpmn:startEvent id="start" />
            <bpmn:subProcess id="payment">
              <bpmn:startEvent id="ps" />
              <bpmn:serviceTask id="transfer" camunda:type="external" camunda:topic="bank.transfer" />
              <bpmn:endEvent id="pe" />
              {Flow("p1", "ps", "transfer")}{Flow("p2", "transfer", "pe")}
              {EventSubProcess("onRejected", """<bpmn:errorEventDefinition errorRef="err_rejected" />""", task: "fixAccount")}
            </bpmn:subProcess>
            <bpmn:boundaryEvent id="failed" attachedToRef="payment"><bpmn:errorEventDefinition /></bpmn:boundaryEvent>
            <bpmn:userTask id="after" />
            <bpmn:userTask id="escalate" />
            """ + Flow("f1", "start", "payment") + Flow("f2", "payment", "after") + Flow("f3", "failed", "escalate"), Definitions)));

        Assert.Equal(["fixAccount"], Harness.Active(instance));
        Assert.Equal(["onRejected_start"], h.Events(instance, "errorCaught"));
        Assert.Empty(instance.Incidents);

        // The event sub-process ends, and with it the sub-process it interrupted: the token leaves by the normal flow.
        await h.Complete(instance, "fixAccount", Harness.Alice);
        Assert.Equal(["after"], Harness.Active(instance));
    }

    [Fact]
    public async Task AnErrorEndEventAtTheProcessLevel_StartsTheCatchAllErrorEventSubProcess()
    {
        var h = new Harness();
        var instance = await h.Start(h.Deploy(Process("check", $"""
            <bpmn:startEvent id="start" />
            <bpmn:parallelGateway id="fork" />
            <bpmn:userTask id="visit" />
            <bpmn:endEvent id="fraud"><bpmn:errorEventDefinition errorRef="err_rejected" /></bpmn:endEvent>
            {EventSubProcess("onAnyError", "<bpmn:errorEventDefinition />", task: "investigate")}
            """ + Flow("f1", "start", "fork") + Flow("f2", "fork", "visit") + Flow("f3", "fork", "fraud"), Definitions)));

        Assert.Equal(["investigate"], Harness.Active(instance));
        Assert.Empty(h.Events(instance, "errorUncaught"));
        await h.Complete(instance, "investigate", Harness.Alice);
        Assert.Equal(InstanceStatus.Completed, instance.Status);
    }

    [Fact]
    public async Task ASignalEventSubProcessOfASubProcess_ListensOnlyWhileItsSubProcessRuns()
    {
        var h = new Harness();
        var instance = await h.Start(h.Deploy(Process("apply", $"""
            <bpmn:startEvent id="start" />
            <bpmn:subProcess id="collect">
              <bpmn:startEvent id="cs" />
              <bpmn:userTask id="fillIn" />
              <bpmn:endEvent id="ce" />
              {Flow("c1", "cs", "fillIn")}{Flow("c2", "fillIn", "ce")}
              {EventSubProcess("closed", """<bpmn:signalEventDefinition signalRef="sig_closed" />""", interrupting: false, task: "notify")}
            </bpmn:subProcess>
            <bpmn:userTask id="assess" />
            """ + Flow("f1", "start", "collect") + Flow("f2", "collect", "assess"), Definitions)));

        await h.Act(Actor.System, s => s.BroadcastSignalAsync("window.closed", null));
        Assert.Equal(["fillIn", "notify"], Harness.Active(instance));

        await h.Complete(instance, "notify", Harness.Alice);
        await h.Complete(instance, "fillIn", Harness.Alice);
        Assert.Equal(["assess"], Harness.Active(instance));

        await h.Act(Actor.System, s => s.BroadcastSignalAsync("window.closed", null));
        Assert.Equal(["assess"], Harness.Active(instance));
    }

    [Fact]
    public async Task ANonInterruptingEscalationEventSubProcess_LetsTheThrowerGoOn()
    {
        var h = new Harness();
        var instance = await h.Start(h.Deploy(Process("check", $"""
            <bpmn:startEvent id="start" />
            <bpmn:intermediateThrowEvent id="tooLate"><bpmn:escalationEventDefinition escalationRef="esc_late" /></bpmn:intermediateThrowEvent>
            <bpmn:userTask id="visit" />
            {EventSubProcess("onLate", """<bpmn:escalationEventDefinition escalationRef="esc_late" />""", interrupting: false, task: "tellManager")}
            """ + Flow("f1", "start", "tooLate") + Flow("f2", "tooLate", "visit"), Definitions)));

        Assert.Equal(["tellManager", "visit"], Harness.Active(instance));
        Assert.Equal(["onLate_start"], h.Events(instance, "escalationCaught"));
        Assert.Empty(h.Events(instance, "escalationUncaught"));
    }

    [Fact]
    public async Task AnInterruptingEscalationEventSubProcess_StopsTheThrowersScope()
    {
        var h = new Harness();
        var instance = await h.Start(h.Deploy(Process("check", $"""
            <bpmn:startEvent id="start" />
            <bpmn:parallelGateway id="fork" />
            <bpmn:userTask id="visit" />
            <bpmn:intermediateThrowEvent id="tooLate"><bpmn:escalationEventDefinition escalationRef="esc_late" /></bpmn:intermediateThrowEvent>
            <bpmn:userTask id="neverReached" />
            {EventSubProcess("onLate", "<bpmn:escalationEventDefinition />", task: "tellManager")}
            """ + Flow("f1", "start", "fork") + Flow("f2", "fork", "visit") + Flow("f3", "fork", "tooLate") + Flow("f4", "tooLate", "neverReached"), Definitions)));

        Assert.Equal(["tellManager"], Harness.Active(instance));
    }

    [Fact]
    public async Task AConditionalEventSubProcess_StartsWhenAVariableMakesItsConditionTrue()
    {
        var h = new Harness();
        var instance = await h.Start(h.Deploy(Review(EventSubProcess("bigAmount",
            """<bpmn:conditionalEventDefinition><bpmn:condition xsi:type="bpmn:tFormalExpression">${amountFen > 100000}</bpmn:condition></bpmn:conditionalEventDefinition>""",
            interrupting: false, task: "secondOpinion"))), new { amountFen = 500 });
        Assert.Equal(["review"], Harness.Active(instance));

        await h.Act(Actor.System, s => s.SetVariablesAsync(instance.Id, Harness.ToJson(new { amountFen = 200000 })!));

        Assert.Equal(["review", "secondOpinion"], Harness.Active(instance));
    }

    [Fact]
    public async Task AnInterruptingEventSubProcess_StopsTheOtherEventSubProcessesOfItsScope()
    {
        var h = new Harness();
        var instance = await h.Start(h.Deploy(Review(
            EventSubProcess("query", """<bpmn:messageEventDefinition messageRef="msg_query" />""", interrupting: false, task: "answer")
            + EventSubProcess("closed", """<bpmn:signalEventDefinition signalRef="sig_closed" />""", task: "wrapUp"))), businessKey: "A-2");

        await h.Send("applicant.query", "A-2");
        await h.Act(Actor.System, s => s.BroadcastSignalAsync("window.closed", null));

        Assert.Equal(["wrapUp"], Harness.Active(instance));
        Assert.Equal(0, await h.Send("applicant.query", "A-2"));
    }

    [Fact]
    public async Task InAMultiInstanceSubProcess_AnErrorEventSubProcess_InterruptsOnlyTheInstanceThatThrew()
    {
        var h = new Harness();
        var instance = await h.Start(h.Deploy(Process("sites", $$"""
            <bpmn:startEvent id="start" />
            <bpmn:subProcess id="visit">
              <bpmn:multiInstanceLoopCharacteristics camunda:collection="${sites}" camunda:elementVariable="site" />
              <bpmn:startEvent id="vs" />
              <bpmn:exclusiveGateway id="open" default="fine" />
              <bpmn:userTask id="inspect" />
              <bpmn:endEvent id="closed"><bpmn:errorEventDefinition errorRef="err_rejected" /></bpmn:endEvent>
              {{Flow("v1", "vs", "open")}}{{Flow("shut", "open", "closed", "${site == 'B'}")}}{{Flow("fine", "open", "inspect")}}
              {{EventSubProcess("onClosed", """<bpmn:errorEventDefinition errorRef="err_rejected" />""", task: "callOwner")}}
            </bpmn:subProcess>
            <bpmn:userTask id="report" />
            """ + Flow("f1", "start", "visit") + Flow("f2", "visit", "report"), Definitions)), new { sites = new[] { "A", "B" } });

        Assert.Equal(["callOwner", "inspect"], Harness.Active(instance));
        await h.Complete(instance, "callOwner", Harness.Alice);
        await h.Complete(instance, "inspect", Harness.Alice);
        Assert.Equal(["report"], Harness.Active(instance));
    }

    [Fact]
    public async Task ATimerEventSubProcessOfASubProcess_StopsWaitingWhenTheSubProcessEnds()
    {
        var h = new Harness();
        var instance = await h.Start(h.Deploy(Process("apply", $"""
            <bpmn:startEvent id="start" />
            <bpmn:subProcess id="collect">
              <bpmn:startEvent id="cs" />
              <bpmn:userTask id="fillIn" />
              {Flow("c1", "cs", "fillIn")}
              {EventSubProcess("slow", "<bpmn:timerEventDefinition><bpmn:timeDuration>P3D</bpmn:timeDuration></bpmn:timerEventDefinition>", interrupting: false, task: "remind")}
            </bpmn:subProcess>
            <bpmn:userTask id="assess" />
            """ + Flow("f1", "start", "collect") + Flow("f2", "collect", "assess"), Definitions)));
        Assert.Single(instance.Bookmarks, b => b.Kind == BookmarkKind.Timer);

        await h.Complete(instance, "fillIn", Harness.Alice);
        await h.Advance(TimeSpan.FromDays(3));

        Assert.Equal(["assess"], Harness.Active(instance));
        Assert.Empty(instance.Bookmarks);
    }

    [Theory]
    [InlineData("""<bpmn:subProcess id="esp" triggeredByEvent="true"><bpmn:startEvent id="es"><bpmn:errorEventDefinition /></bpmn:startEvent></bpmn:subProcess><bpmn:sequenceFlow id="bad" sourceRef="review" targetRef="esp" />""", "esp")]
    [InlineData("""<bpmn:subProcess id="esp" triggeredByEvent="true"><bpmn:startEvent id="es" isInterrupting="false"><bpmn:errorEventDefinition /></bpmn:startEvent></bpmn:subProcess>""", "es")]
    [InlineData("""<bpmn:subProcess id="esp" triggeredByEvent="true"><bpmn:startEvent id="es" /></bpmn:subProcess>""", "es")]
    public void AnEventSubProcessThatCannotRun_IsRefusedAtDeploy_NamingTheElement(string eventSubProcess, string named)
    {
        var result = new Harness().Engine.Compile(System.Text.Encoding.UTF8.GetBytes(Review(eventSubProcess)));

        Assert.False(result.Succeeded);
        Assert.Contains(result.Problems, p => p.ElementId == named);
    }

    [Fact]
    public void AnErrorStartEventOutsideAnEventSubProcess_IsRefused()
    {
        var result = new Harness().Engine.Compile(System.Text.Encoding.UTF8.GetBytes(Process("p", """
            <bpmn:startEvent id="start" />
            <bpmn:startEvent id="onError"><bpmn:errorEventDefinition /></bpmn:startEvent>
            <bpmn:userTask id="t" />
            """ + Flow("f1", "start", "t") + Flow("f2", "onError", "t"), Definitions)));

        Assert.Contains(result.Problems, p => p.ElementId == "onError");
    }

    private sealed class Rejecting(string code) : IServiceTaskHandler
    {
        public ValueTask ExecuteAsync(ServiceTaskContext context, CancellationToken cancellationToken) =>
            throw new BpmnErrorException(code, "refused");
    }
}
