using ProjectWorkflow.Engine.Runtime;
using static ProjectWorkflow.Engine.Tests.Runtime.Bpmn;

namespace ProjectWorkflow.Engine.Tests.Runtime;

/// <summary>
/// BPMN 2.0 §10.5.5 signals, as Camunda 7 runs them: a throw is broadcast in the same command to every instance with an
/// event waiting for the name (the thrower too) and starts every process with a signal start event of that name.
/// </summary>
public class SignalTests
{
    private const string Signals = """<bpmn:signal id="sig_closed" name="window.closed" /><bpmn:signal id="sig_round" name="round-${round}" />""";

    private static string Waiter(string key) => Process(key, """
        <bpmn:startEvent id="start" />
        <bpmn:userTask id="prepare" />
        <bpmn:boundaryEvent id="closedWhilePreparing" attachedToRef="prepare"><bpmn:signalEventDefinition signalRef="sig_closed" /></bpmn:boundaryEvent>
        <bpmn:intermediateCatchEvent id="waitForClose"><bpmn:signalEventDefinition signalRef="sig_closed" /></bpmn:intermediateCatchEvent>
        <bpmn:userTask id="late" />
        <bpmn:userTask id="review" />
        """ + Flow("f1", "start", "prepare") + Flow("f2", "prepare", "waitForClose") + Flow("f3", "waitForClose", "review") + Flow("f4", "closedWhilePreparing", "late"), Signals);

    [Fact]
    public async Task AThrowEvent_ReachesEveryWaitingInstance_CatchEventsAndBoundaries_AndStartsSignalStartProcesses()
    {
        var h = new Harness();
        var waiter = h.Deploy(Waiter("apply"));
        h.Deploy(Process("tally", """
            <bpmn:startEvent id="onClose"><bpmn:signalEventDefinition signalRef="sig_closed" /></bpmn:startEvent>
            <bpmn:userTask id="count" />
            """ + Flow("f1", "onClose", "count"), Signals));
        var closer = h.Deploy(Process("close", """
            <bpmn:startEvent id="start" />
            <bpmn:intermediateThrowEvent id="announce"><bpmn:signalEventDefinition signalRef="sig_closed" /></bpmn:intermediateThrowEvent>
            <bpmn:endEvent id="end" />
            """ + Flow("f1", "start", "announce") + Flow("f2", "announce", "end"), Signals));

        var stillPreparing = await h.Start(waiter);
        var ready = await h.Start(waiter);
        await h.Complete(ready, "prepare", Harness.Alice);
        Assert.Equal(["waitForClose"], Harness.Active(ready));

        var throwing = await h.Start(closer);

        Assert.Equal(InstanceStatus.Completed, throwing.Status);
        Assert.Equal(["late"], Harness.Active(stillPreparing));
        Assert.Equal(["review"], Harness.Active(ready));
        var tally = Assert.Single(h.Store.Instances, i => i.DefinitionKey == "tally");
        Assert.Equal(["count"], Harness.Active(tally));
        Assert.Equal(["announce"], h.Events(throwing, "signalThrown"));
    }

    [Fact]
    public async Task ABroadcastFromOutside_WithVariables_AndASignalEndEvent_AndANameByExpression()
    {
        var h = new Harness();
        var waiter = h.Deploy(Process("wait", """
            <bpmn:startEvent id="start" />
            <bpmn:parallelGateway id="fork" />
            <bpmn:intermediateCatchEvent id="byRound"><bpmn:signalEventDefinition signalRef="sig_round" /></bpmn:intermediateCatchEvent>
            <bpmn:endEvent id="shout"><bpmn:signalEventDefinition signalRef="sig_closed" /></bpmn:endEvent>
            <bpmn:intermediateCatchEvent id="own"><bpmn:signalEventDefinition signalRef="sig_closed" /></bpmn:intermediateCatchEvent>
            <bpmn:userTask id="afterRound" />
            <bpmn:userTask id="heardItself" />
            """ + Flow("f1", "start", "fork") + Flow("f2", "fork", "byRound") + Flow("f3", "fork", "own") + Flow("f4", "byRound", "shout")
                + Flow("f5", "own", "heardItself") + Flow("f6", "byRound", "afterRound"), Signals));
        var instance = await h.Start(waiter, new { round = 3 });
        Assert.Equal(["byRound", "own"], Harness.Active(instance));

        var reached = 0;
        await h.Act(Actor.System, async s => reached = await s.BroadcastSignalAsync("round-2", null));
        Assert.Equal(0, reached);

        await h.Act(Actor.System, async s => reached = await s.BroadcastSignalAsync("round-3", Harness.ToJson(new { closedBy = "admin" })));

        Assert.Equal(1, reached);
        Assert.Equal("admin", instance.Variables["closedBy"]!.GetValue<string>());
        // The end event's signal reached this very instance's other branch, in the same command.
        Assert.Equal(["afterRound", "heardItself"], Harness.Active(instance));
    }

    [Fact]
    public async Task ANonInterruptingSignalBoundary_FiresEachTime()
    {
        var h = new Harness();
        var instance = await h.Start(h.Deploy(Process("nudge", """
            <bpmn:startEvent id="start" />
            <bpmn:userTask id="prepare" />
            <bpmn:boundaryEvent id="reminded" attachedToRef="prepare" cancelActivity="false"><bpmn:signalEventDefinition signalRef="sig_closed" /></bpmn:boundaryEvent>
            <bpmn:userTask id="note" />
            """ + Flow("f1", "start", "prepare") + Flow("f2", "reminded", "note"), Signals)));

        await h.Act(Actor.System, s => s.BroadcastSignalAsync("window.closed", null));
        await h.Act(Actor.System, s => s.BroadcastSignalAsync("window.closed", null));

        Assert.Equal(2, instance.Tasks.Count(t => t.ElementId == "note"));
        Assert.Single(instance.Tasks, t => t.ElementId == "prepare");
    }
}
