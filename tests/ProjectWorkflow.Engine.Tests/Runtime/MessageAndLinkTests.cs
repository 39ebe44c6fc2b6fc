using ProjectWorkflow.Engine.Runtime;
using static ProjectWorkflow.Engine.Tests.Runtime.Bpmn;

namespace ProjectWorkflow.Engine.Tests.Runtime;

/// <summary>
/// BPMN 2.0 §10.3 and §10.5: plain and manual tasks pass through, receive tasks wait for their message, send tasks and
/// message throw/end events send theirs (an effect the host puts in its outbox), event-based gateways take the first
/// event, and link events join two places of one (sub-)process.
/// </summary>
public class MessageAndLinkTests
{
    private const string Messages = """
        <bpmn:message id="msg_paid" name="payment.confirmed" />
        <bpmn:message id="msg_withdrawn" name="application.withdrawn" />
        <bpmn:message id="msg_notice" name="notice-${round}" />
        """;

    [Fact]
    public async Task APlainTaskAndAManualTask_PassThrough()
    {
        var h = new Harness();
        var instance = await h.Start(h.Deploy(Process("plain", """
            <bpmn:startEvent id="start" />
            <bpmn:task id="note" />
            <bpmn:manualTask id="file" />
            <bpmn:userTask id="review" />
            """ + Flow("f1", "start", "note") + Flow("f2", "note", "file") + Flow("f3", "file", "review"))));

        Assert.Equal(["review"], Harness.Active(instance));
        Assert.Equal(["start", "note", "file", "review"], h.Events(instance, "entered"));
    }

    [Fact]
    public async Task AReceiveTask_WaitsForItsMessage_UnderTheBusinessKey_WithABoundaryWatchingIt()
    {
        var h = new Harness();
        var definition = h.Deploy(Process("pay", """
            <bpmn:startEvent id="start" />
            <bpmn:receiveTask id="awaitPayment" messageRef="msg_paid" />
            <bpmn:boundaryEvent id="late" attachedToRef="awaitPayment"><bpmn:timerEventDefinition><bpmn:timeDuration>P10D</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:boundaryEvent>
            <bpmn:userTask id="archive" />
            <bpmn:userTask id="chase" />
            """ + Flow("f1", "start", "awaitPayment") + Flow("f2", "awaitPayment", "archive") + Flow("f3", "late", "chase"), Messages));
        var first = await h.Start(definition, businessKey: "P-1");
        var second = await h.Start(definition, businessKey: "P-2");

        Assert.Equal(1, await h.Send("payment.confirmed", "P-1", new { paidFen = 1200 }));

        Assert.Equal(["archive"], Harness.Active(first));
        Assert.Equal(1200, first.Variables["paidFen"]!.GetValue<int>());
        Assert.Empty(first.Bookmarks); // its boundary timer stopped with it
        Assert.Equal(["awaitPayment"], Harness.Active(second));

        await h.Advance(TimeSpan.FromDays(11));
        Assert.Equal(["chase"], Harness.Active(second));
        Assert.Equal(0, await h.Send("payment.confirmed", "P-2"));
    }

    [Fact]
    public async Task ASendTask_AMessageThrowEvent_AndAMessageEndEvent_EachSendTheirMessage_UnderTheBusinessKey()
    {
        var h = new Harness();
        var instance = await h.Start(h.Deploy(Process("notify", """
            <bpmn:startEvent id="start" />
            <bpmn:sendTask id="tellBank" messageRef="msg_paid" />
            <bpmn:intermediateThrowEvent id="announce"><bpmn:messageEventDefinition messageRef="msg_notice" /></bpmn:intermediateThrowEvent>
            <bpmn:intermediateThrowEvent id="milestone" />
            <bpmn:endEvent id="done"><bpmn:messageEventDefinition messageRef="msg_withdrawn" /></bpmn:endEvent>
            """ + Flow("f1", "start", "tellBank") + Flow("f2", "tellBank", "announce") + Flow("f3", "announce", "milestone") + Flow("f4", "milestone", "done"), Messages)),
            new { round = 2 }, businessKey: "P-9");

        Assert.Equal(InstanceStatus.Completed, instance.Status);
        var sent = h.Effects.OfType<MessageSent>().ToList();
        Assert.Equal(["payment.confirmed", "notice-2", "application.withdrawn"], sent.Select(m => m.MessageName));
        Assert.All(sent, m => Assert.Equal("P-9", m.BusinessKey));
        Assert.Equal(["tellBank", "announce", "done"], h.Events(instance, "messageSent"));
    }

    [Fact]
    public async Task AnEventBasedGateway_TakesTheMessageThatComesFirst_AndTheTimerStops()
    {
        var h = new Harness();
        var definition = h.Deploy(Process("race", """
            <bpmn:startEvent id="start" />
            <bpmn:eventBasedGateway id="which" />
            <bpmn:intermediateCatchEvent id="paid"><bpmn:messageEventDefinition messageRef="msg_paid" /></bpmn:intermediateCatchEvent>
            <bpmn:intermediateCatchEvent id="withdrawn"><bpmn:messageEventDefinition messageRef="msg_withdrawn" /></bpmn:intermediateCatchEvent>
            <bpmn:intermediateCatchEvent id="timeout"><bpmn:timerEventDefinition><bpmn:timeDuration>P30D</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:intermediateCatchEvent>
            <bpmn:userTask id="archive" />
            <bpmn:userTask id="close" />
            <bpmn:userTask id="chase" />
            """ + Flow("f1", "start", "which") + Flow("f2", "which", "paid") + Flow("f3", "which", "withdrawn") + Flow("f4", "which", "timeout")
                + Flow("f5", "paid", "archive") + Flow("f6", "withdrawn", "close") + Flow("f7", "timeout", "chase"), Messages));
        var byMessage = await h.Start(definition, businessKey: "A");
        var byTimer = await h.Start(definition, businessKey: "B");
        Assert.Equal(3, byMessage.Bookmarks.Count);

        Assert.Equal(1, await h.Send("application.withdrawn", "A"));

        Assert.Equal(["close"], Harness.Active(byMessage));
        Assert.Empty(byMessage.Bookmarks);
        Assert.Contains("f3", byMessage.TakenFlowIds);
        Assert.DoesNotContain("f2", byMessage.TakenFlowIds);
        Assert.Equal(0, await h.Send("payment.confirmed", "A"));

        await h.Advance(TimeSpan.FromDays(31));
        Assert.Equal(["chase"], Harness.Active(byTimer));
        Assert.Empty(byTimer.Bookmarks);
        Assert.Equal(["close"], Harness.Active(byMessage));
    }

    [Fact]
    public async Task ALinkThrowEvent_GoesOnAtTheLinkCatchEventOfItsName()
    {
        var h = new Harness();
        var instance = await h.Start(h.Deploy(Process("pages", """
            <bpmn:startEvent id="start" />
            <bpmn:intermediateThrowEvent id="toPage2"><bpmn:linkEventDefinition name="page2" /></bpmn:intermediateThrowEvent>
            <bpmn:intermediateCatchEvent id="fromPage1"><bpmn:linkEventDefinition name="page2" /></bpmn:intermediateCatchEvent>
            <bpmn:userTask id="review" />
            """ + Flow("f1", "start", "toPage2") + Flow("f2", "fromPage1", "review"))));

        Assert.Equal(["review"], Harness.Active(instance));
        Assert.Equal(["start", "toPage2", "fromPage1", "review"], h.Events(instance, "entered"));
    }

    [Fact]
    public async Task AJuelScriptTask_KeepsItsValueInTheResultVariable()
    {
        var h = new Harness();
        var instance = await h.Start(h.Deploy(Process("score", """
            <bpmn:startEvent id="start" />
            <bpmn:scriptTask id="total" scriptFormat="juel" camunda:resultVariable="totalFen"><bpmn:script>${baseFen + bonusFen * 2}</bpmn:script></bpmn:scriptTask>
            <bpmn:scriptTask id="check" scriptFormat="JUEL"><bpmn:script>${baseFen > 0}</bpmn:script></bpmn:scriptTask>
            <bpmn:userTask id="review" />
            """ + Flow("f1", "start", "total") + Flow("f2", "total", "check") + Flow("f3", "check", "review"))), new { baseFen = 1000, bonusFen = 250 });

        Assert.Equal(["review"], Harness.Active(instance));
        Assert.Equal(1500m, instance.Variables["totalFen"]!.GetValue<decimal>());
    }

    [Theory]
    [InlineData("javascript")]
    [InlineData("groovy")]
    public void AScriptTaskInAnotherLanguage_IsRefusedAtDeploy_WithTheReason(string language)
    {
        var result = new Harness().Engine.Compile(System.Text.Encoding.UTF8.GetBytes(Process("score", $"""
            <bpmn:startEvent id="start" />
            <bpmn:scriptTask id="total" scriptFormat="{language}"><bpmn:script>execution.setVariable("x", 1)</bpmn:script></bpmn:scriptTask>
            """ + Flow("f1", "start", "total"))));

        var problem = Assert.Single(result.Problems);
        Assert.Equal(("total", $"scriptTask (scriptFormat '{language}')"), (problem.ElementId, problem.Kind));
        Assert.Contains("only in JUEL", problem.Message);
    }
}
