using ProjectWorkflow.Engine.Runtime;
using static ProjectWorkflow.Engine.Tests.Runtime.Bpmn;

namespace ProjectWorkflow.Engine.Tests.Runtime;

/// <summary>BPMN 2.0 §10.5: timer and message catch events, boundary events.</summary>
public class TimerAndMessageTests
{
    private const string Messages = """<bpmn:message id="msg_paid" name="payment.confirmed" />""";

    [Fact]
    public async Task IntermediateTimer_WaitsItsDuration()
    {
        var h = new Harness();
        var definition = h.Deploy(Process("wait", """
            <bpmn:startEvent id="start" />
            <bpmn:intermediateCatchEvent id="notice"><bpmn:timerEventDefinition><bpmn:timeDuration>P5D</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:intermediateCatchEvent>
            <bpmn:endEvent id="end" />
            """ + Flow("f1", "start", "notice") + Flow("f2", "notice", "end")));

        var instance = await h.Start(definition);
        var timer = Assert.Single(instance.Bookmarks);
        Assert.Equal(h.Time.GetUtcNow().AddDays(5), timer.DueAt);
        Assert.Contains(h.Effects, e => e is TimerScheduled s && s.BookmarkId == timer.Id);

        await h.Advance(TimeSpan.FromDays(4));
        Assert.Equal(InstanceStatus.Running, instance.Status);

        await h.Advance(TimeSpan.FromDays(1));
        Assert.Equal(InstanceStatus.Completed, instance.Status);
    }

    [Fact]
    public async Task TimerFiredTwice_FiresOnce_AndANotYetDueTimerDoesNothing()
    {
        var h = new Harness();
        var definition = h.Deploy(Process("once", """
            <bpmn:startEvent id="start" />
            <bpmn:intermediateCatchEvent id="wait"><bpmn:timerEventDefinition><bpmn:timeDuration>PT1H</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:intermediateCatchEvent>
            <bpmn:userTask id="after" />
            <bpmn:endEvent id="end" />
            """ + Flow("f1", "start", "wait") + Flow("f2", "wait", "after") + Flow("f3", "after", "end")));
        var instance = await h.Start(definition);
        var timer = instance.Bookmarks[0].Id;

        var early = true;
        await h.Act(Actor.System, async s => early = await s.FireTimerAsync(instance.Id, timer));
        Assert.False(early);

        h.Time.Advance(TimeSpan.FromHours(1));
        var first = false;
        var second = true;
        await h.Act(Actor.System, async s => first = await s.FireTimerAsync(instance.Id, timer));
        await h.Act(Actor.System, async s => second = await s.FireTimerAsync(instance.Id, timer));

        Assert.True(first);
        Assert.False(second);
        Assert.Single(instance.Tasks);
    }

    [Fact]
    public async Task InterruptingBoundaryTimer_CancelsTheTask_AndTakesItsOwnPath()
    {
        var h = new Harness();
        var definition = h.Deploy(Process("supplementDeadline", """
            <bpmn:startEvent id="start" />
            <bpmn:userTask id="supplement" camunda:assignee="applicant" />
            <bpmn:boundaryEvent id="deadline" attachedToRef="supplement"><bpmn:timerEventDefinition><bpmn:timeDuration>P10D</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:boundaryEvent>
            <bpmn:endEvent id="done" />
            <bpmn:endEvent id="lapsed" />
            """ + Flow("f1", "start", "supplement") + Flow("f2", "supplement", "done") + Flow("f3", "deadline", "lapsed")));
        var instance = await h.Start(definition);

        await h.Advance(TimeSpan.FromDays(10));

        Assert.Equal(InstanceStatus.Completed, instance.Status);
        Assert.Contains("lapsed", instance.CompletedElementIds);
        Assert.DoesNotContain("done", instance.CompletedElementIds);
        Assert.Contains(h.Effects, e => e is TaskCancelled { ElementId: "supplement" });
    }

    [Fact]
    public async Task BoundaryTimer_IsDropped_WhenTheTaskCompletesFirst()
    {
        var h = new Harness();
        var definition = h.Deploy(Process("race", """
            <bpmn:startEvent id="start" />
            <bpmn:userTask id="review" camunda:assignee="alice" />
            <bpmn:boundaryEvent id="late" attachedToRef="review"><bpmn:timerEventDefinition><bpmn:timeDuration>P1D</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:boundaryEvent>
            <bpmn:endEvent id="end" />
            <bpmn:endEvent id="escalated" />
            """ + Flow("f1", "start", "review") + Flow("f2", "review", "end") + Flow("f3", "late", "escalated")));
        var instance = await h.Start(definition);
        var timer = instance.Bookmarks[0].Id;

        await h.Complete(instance, "review", Harness.Alice);
        await h.Advance(TimeSpan.FromDays(2));

        Assert.Empty(instance.Bookmarks);
        Assert.DoesNotContain("escalated", instance.CompletedElementIds);
        Assert.Contains(h.Effects, e => e is TimerCancelled c && c.BookmarkId == timer);
    }

    [Fact]
    public async Task NonInterruptingCycle_RemindsThreeTimes_WhileTheTaskStays()
    {
        var h = new Harness();
        var sent = 0;
        h.Handlers.Register("notify", (_, _) => { sent++; return ValueTask.CompletedTask; });
        var definition = h.Deploy(Process("remind", """
            <bpmn:startEvent id="start" />
            <bpmn:userTask id="report" camunda:assignee="applicant" />
            <bpmn:boundaryEvent id="reminder" attachedToRef="report" cancelActivity="false"><bpmn:timerEventDefinition><bpmn:timeCycle>R3/P1D</bpmn:timeCycle></bpmn:timerEventDefinition></bpmn:boundaryEvent>
            <bpmn:serviceTask id="notify" camunda:type="external" camunda:topic="notify" />
            <bpmn:endEvent id="reminded" />
            <bpmn:endEvent id="end" />
            """ + Flow("f1", "start", "report") + Flow("f2", "report", "end") + Flow("f3", "reminder", "notify") + Flow("f4", "notify", "reminded")));
        var instance = await h.Start(definition);

        for (var day = 0; day < 5; day++) await h.Advance(TimeSpan.FromDays(1));

        Assert.Equal(3, sent);
        Assert.Single(instance.Tasks);
        Assert.Empty(instance.Bookmarks);
        Assert.Equal(InstanceStatus.Running, instance.Status);
    }

    [Fact]
    public async Task MessageCatch_IsCorrelatedByNameAndBusinessKey()
    {
        var h = new Harness();
        var definition = h.Deploy(Process("pay", """
            <bpmn:startEvent id="start" />
            <bpmn:intermediateCatchEvent id="paid"><bpmn:messageEventDefinition messageRef="msg_paid" /></bpmn:intermediateCatchEvent>
            <bpmn:endEvent id="end" />
            """ + Flow("f1", "start", "paid") + Flow("f2", "paid", "end"), Messages));
        var one = await h.Start(definition, businessKey: "APP-1");
        var two = await h.Start(definition, businessKey: "APP-2");

        Assert.Equal(0, await h.Send("payment.confirmed", "APP-3"));
        Assert.Equal(1, await h.Send("payment.confirmed", "APP-2", new { bankReference = "B-77" }));

        Assert.Equal(InstanceStatus.Running, one.Status);
        Assert.Equal(InstanceStatus.Completed, two.Status);
        Assert.Equal("B-77", two.Variables["bankReference"]!.GetValue<string>());
    }

    [Fact]
    public async Task MessageBoundary_InterruptsTheTask()
    {
        var h = new Harness();
        var definition = h.Deploy(Process("withdrawable", """
            <bpmn:startEvent id="start" />
            <bpmn:userTask id="review" />
            <bpmn:boundaryEvent id="cancelled" attachedToRef="review"><bpmn:messageEventDefinition messageRef="msg_paid" /></bpmn:boundaryEvent>
            <bpmn:endEvent id="end" />
            <bpmn:endEvent id="stopped" />
            """ + Flow("f1", "start", "review") + Flow("f2", "review", "end") + Flow("f3", "cancelled", "stopped"), Messages));
        var instance = await h.Start(definition, businessKey: "APP-9");

        Assert.Equal(1, await h.Send("payment.confirmed", "APP-9"));

        Assert.Equal(InstanceStatus.Completed, instance.Status);
        Assert.Contains("stopped", instance.CompletedElementIds);
        Assert.Empty(instance.Tasks);
    }

    [Fact]
    public async Task TwoCatchEventsForOneMessage_AreResumedOnePerDelivery_FirstWaiterFirst()
    {
        var h = new Harness();
        var definition = h.Deploy(Process("twice", """
            <bpmn:startEvent id="start" />
            <bpmn:parallelGateway id="fork" />
            <bpmn:intermediateCatchEvent id="firstPaid"><bpmn:messageEventDefinition messageRef="msg_paid" /></bpmn:intermediateCatchEvent>
            <bpmn:intermediateCatchEvent id="secondPaid"><bpmn:messageEventDefinition messageRef="msg_paid" /></bpmn:intermediateCatchEvent>
            <bpmn:userTask id="afterFirst" />
            <bpmn:userTask id="afterSecond" />
            """ + Flow("f1", "start", "fork") + Flow("f2", "fork", "firstPaid") + Flow("f3", "fork", "secondPaid")
                + Flow("f4", "firstPaid", "afterFirst") + Flow("f5", "secondPaid", "afterSecond"), Messages));
        var instance = await h.Start(definition, businessKey: "APP-4");

        Assert.Equal(1, await h.Send("payment.confirmed", "APP-4"));
        Assert.Equal(["afterFirst", "secondPaid"], Harness.Active(instance));

        Assert.Equal(1, await h.Send("payment.confirmed", "APP-4"));
        Assert.Equal(["afterFirst", "afterSecond"], Harness.Active(instance));
        Assert.Equal(0, await h.Send("payment.confirmed", "APP-4"));
    }

    [Fact]
    public async Task ACronCycleOnABoundary_FiresOnItsCalendar()
    {
        var h = new Harness();
        var definition = h.Deploy(Process("daily", """
            <bpmn:startEvent id="start" />
            <bpmn:userTask id="review" />
            <bpmn:boundaryEvent id="morning" attachedToRef="review" cancelActivity="false"><bpmn:timerEventDefinition><bpmn:timeCycle>0 0 8 ? * MON-FRI</bpmn:timeCycle></bpmn:timerEventDefinition></bpmn:boundaryEvent>
            <bpmn:userTask id="remind" />
            <bpmn:endEvent id="end" />
            """ + Flow("f1", "start", "review") + Flow("f2", "review", "end") + Flow("f3", "morning", "remind")));
        var instance = await h.Start(definition); // Monday 5 January 2026, 09:00

        Assert.Equal(new DateTimeOffset(2026, 1, 6, 8, 0, 0, TimeSpan.Zero), Assert.Single(instance.Bookmarks).DueAt);
        for (var day = 0; day < 7; day++) await h.Advance(TimeSpan.FromDays(1));

        Assert.Equal(5, instance.Tasks.Count(t => t.ElementId == "remind")); // Tuesday to Friday, and Monday again
    }

    [Fact]
    public async Task AMessageStartEvent_StartsAnInstanceThere_WithTheCorrelationKeyAsBusinessKey()
    {
        var h = new Harness();
        var definition = h.Deploy(Process("byLetter", """
            <bpmn:startEvent id="onLetter"><bpmn:messageEventDefinition messageRef="msg_paid" /></bpmn:startEvent>
            <bpmn:startEvent id="byHand" />
            <bpmn:userTask id="book" />
            <bpmn:userTask id="enter" />
            """ + Flow("f1", "onLetter", "book") + Flow("f2", "byHand", "enter"), Messages));

        var start = definition.MessageStart("payment.confirmed")!;
        ProcessInstance? started = null;
        await h.Act(Actor.System, async s => started = await s.StartAsync(definition, Guid.NewGuid(), "APP-8", Harness.ToJson(new { bankReference = "B-1" }), start.Id));

        Assert.Equal("APP-8", started!.BusinessKey);
        Assert.Equal(["book"], Harness.Active(started));
        Assert.Equal("B-1", started.Variables["bankReference"]!.GetValue<string>());
    }
}
