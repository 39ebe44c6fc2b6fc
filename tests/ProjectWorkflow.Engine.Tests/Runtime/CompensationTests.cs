using ProjectWorkflow.Engine.Runtime;
using ProjectWorkflow.Engine.ServiceTasks;
using static ProjectWorkflow.Engine.Tests.Runtime.Bpmn;

namespace ProjectWorkflow.Engine.Tests.Runtime;

/// <summary>
/// BPMN 2.0 §10.6 compensation, as Camunda 7 runs it: an activity with a compensation boundary event that completed
/// can be undone by its handler (<c>isForCompensation</c>, linked by an association); a compensation throw or end
/// event undoes the completed activities of its scope — all, the last completed first, or the one it names — and
/// waits for the handlers before its token goes on.
/// </summary>
public class CompensationTests
{
    /// <summary>Every handler call, in order: "book:hotel", "undo:hotel" …</summary>
    private sealed class Ledger : IServiceTaskHandler
    {
        public List<string> Calls { get; } = [];

        public ValueTask ExecuteAsync(ServiceTaskContext context, CancellationToken cancellationToken)
        {
            Calls.Add($"{context.Topic}:{context.ElementId}");
            return ValueTask.CompletedTask;
        }
    }

    private static (Harness, Ledger) Booking()
    {
        var h = new Harness();
        var ledger = new Ledger();
        h.Handlers.Register("book", ledger);
        h.Handlers.Register("undo", ledger);
        return (h, ledger);
    }

    /// <summary>A service task that books <paramref name="id"/>, with its compensation boundary and handler.</summary>
    private static string Undoable(string id) => $"""
        <bpmn:serviceTask id="{id}" camunda:type="external" camunda:topic="book" />
        <bpmn:boundaryEvent id="{id}_comp" attachedToRef="{id}"><bpmn:compensateEventDefinition /></bpmn:boundaryEvent>
        <bpmn:serviceTask id="cancel_{id}" isForCompensation="true" camunda:type="external" camunda:topic="undo" />
        <bpmn:association id="{id}_assoc" associationDirection="One" sourceRef="{id}_comp" targetRef="cancel_{id}" />
        """;

    private const string Throw = """<bpmn:intermediateThrowEvent id="compensate"><bpmn:compensateEventDefinition /></bpmn:intermediateThrowEvent>""";

    [Fact]
    public async Task ACompensationThrowEvent_UndoesEveryCompletedBooking_LastBookedFirst_ThenGoesOn()
    {
        var (h, ledger) = Booking();
        var instance = await h.Start(h.Deploy(Process("trip", $"""
            <bpmn:startEvent id="start" />
            {Undoable("flight")}
            {Undoable("hotel")}
            {Undoable("car")}
            <bpmn:userTask id="decide" />
            {Throw}
            <bpmn:userTask id="apologise" />
            """ + Flow("f1", "start", "flight") + Flow("f2", "flight", "hotel") + Flow("f3", "hotel", "car") + Flow("f4", "car", "decide")
                + Flow("f5", "decide", "compensate") + Flow("f6", "compensate", "apologise"))));
        Assert.Equal(3, instance.Compensations.Count);

        await h.Complete(instance, "decide", Harness.Alice);

        Assert.Equal(["book:flight", "book:hotel", "book:car", "undo:cancel_car", "undo:cancel_hotel", "undo:cancel_flight"], ledger.Calls);
        Assert.Equal(["car", "hotel", "flight"], h.Events(instance, "compensating"));
        Assert.Equal(["compensate"], h.Events(instance, "compensated"));
        Assert.Equal(["apologise"], Harness.Active(instance));
        Assert.Empty(instance.Compensations);
    }

    [Fact]
    public async Task ACompensationEndEvent_NamingOneActivity_UndoesOnlyThatOne()
    {
        var (h, ledger) = Booking();
        var instance = await h.Start(h.Deploy(Process("trip", $"""
            <bpmn:startEvent id="start" />
            {Undoable("flight")}
            {Undoable("hotel")}
            <bpmn:endEvent id="undoHotel"><bpmn:compensateEventDefinition activityRef="hotel" /></bpmn:endEvent>
            """ + Flow("f1", "start", "flight") + Flow("f2", "flight", "hotel") + Flow("f3", "hotel", "undoHotel"))));

        Assert.Equal(["book:flight", "book:hotel", "undo:cancel_hotel"], ledger.Calls);
        Assert.Equal(InstanceStatus.Completed, instance.Status);
    }

    [Fact]
    public async Task AnActivityThatDidNotComplete_IsNotCompensated()
    {
        var (h, ledger) = Booking();
        var instance = await h.Start(h.Deploy(Process("trip", $"""
            <bpmn:startEvent id="start" />
            <bpmn:parallelGateway id="fork" />
            {Undoable("flight")}
            <bpmn:userTask id="visa" />
            <bpmn:boundaryEvent id="visa_comp" attachedToRef="visa"><bpmn:compensateEventDefinition /></bpmn:boundaryEvent>
            <bpmn:userTask id="withdrawVisa" isForCompensation="true" />
            <bpmn:association id="visa_assoc" sourceRef="visa_comp" targetRef="withdrawVisa" />
            {Throw}
            <bpmn:endEvent id="end" />
            """ + Flow("f1", "start", "fork") + Flow("f2", "fork", "flight") + Flow("f3", "fork", "visa") + Flow("f4", "flight", "compensate")
                + Flow("f5", "compensate", "end"))));

        // The visa is still being worked on: only the flight, which completed, is undone.
        Assert.Equal(["book:flight", "undo:cancel_flight"], ledger.Calls);
        Assert.Equal(["visa"], Harness.Active(instance));
    }

    [Fact]
    public async Task AUserTaskHandler_HoldsTheThrowEvent_UntilItIsDone()
    {
        var h = new Harness();
        var instance = await h.Start(h.Deploy(Process("grant", """
            <bpmn:startEvent id="start" />
            <bpmn:userTask id="approve" />
            <bpmn:boundaryEvent id="approve_comp" attachedToRef="approve"><bpmn:compensateEventDefinition /></bpmn:boundaryEvent>
            <bpmn:userTask id="revoke" isForCompensation="true" />
            <bpmn:association id="a1" sourceRef="approve_comp" targetRef="revoke" />
            <bpmn:userTask id="audit" />
            <bpmn:intermediateThrowEvent id="compensate"><bpmn:compensateEventDefinition /></bpmn:intermediateThrowEvent>
            <bpmn:endEvent id="end" />
            """ + Flow("f1", "start", "approve") + Flow("f2", "approve", "audit") + Flow("f3", "audit", "compensate") + Flow("f4", "compensate", "end"))));
        await h.Complete(instance, "approve", Harness.Alice);

        await h.Complete(instance, "audit", Harness.Carol);
        Assert.Equal(["compensate", "revoke"], Harness.Active(instance));
        Assert.Equal(InstanceStatus.Running, instance.Status);

        await h.Complete(instance, "revoke", Harness.Alice);
        Assert.Equal(InstanceStatus.Completed, instance.Status);
    }

    [Fact]
    public async Task ACompletedSubProcessWithoutAHandler_IsUndoneThroughItsInside_InReverseOrder()
    {
        var (h, ledger) = Booking();
        var instance = await h.Start(h.Deploy(Process("trip", $"""
            <bpmn:startEvent id="start" />
            {Undoable("insurance")}
            <bpmn:subProcess id="booking">
              <bpmn:startEvent id="bs" />
              {Undoable("flight")}
              {Undoable("hotel")}
              <bpmn:endEvent id="be" />
              {Flow("b1", "bs", "flight")}{Flow("b2", "flight", "hotel")}{Flow("b3", "hotel", "be")}
            </bpmn:subProcess>
            {Throw}
            <bpmn:endEvent id="end" />
            """ + Flow("f1", "start", "insurance") + Flow("f2", "insurance", "booking") + Flow("f3", "booking", "compensate") + Flow("f4", "compensate", "end"))));

        Assert.Equal(["book:insurance", "book:flight", "book:hotel", "undo:cancel_hotel", "undo:cancel_flight", "undo:cancel_insurance"], ledger.Calls);
        Assert.Equal(InstanceStatus.Completed, instance.Status);
    }

    [Fact]
    public async Task AThrowInsideASubProcess_UndoesOnlyWhatCompletedInThatSubProcess()
    {
        var (h, ledger) = Booking();
        var instance = await h.Start(h.Deploy(Process("trip", $"""
            <bpmn:startEvent id="start" />
            {Undoable("insurance")}
            <bpmn:subProcess id="booking">
              <bpmn:startEvent id="bs" />
              {Undoable("flight")}
              {Throw}
              <bpmn:endEvent id="be" />
              {Flow("b1", "bs", "flight")}{Flow("b2", "flight", "compensate")}{Flow("b3", "compensate", "be")}
            </bpmn:subProcess>
            <bpmn:endEvent id="end" />
            """ + Flow("f1", "start", "insurance") + Flow("f2", "insurance", "booking") + Flow("f3", "booking", "end"))));

        Assert.Equal(["book:insurance", "book:flight", "undo:cancel_flight"], ledger.Calls);
        Assert.Equal(InstanceStatus.Completed, instance.Status);
    }

    [Fact]
    public async Task AnErrorEventSubProcess_CompensatesTheScopeAroundIt()
    {
        var (h, ledger) = Booking();
        h.Handlers.Register("charge", new Refusing());
        var instance = await h.Start(h.Deploy(Process("trip", $"""
            <bpmn:startEvent id="start" />
            {Undoable("flight")}
            <bpmn:serviceTask id="charge" camunda:type="external" camunda:topic="charge" />
            <bpmn:endEvent id="end" />
            <bpmn:subProcess id="onFailure" triggeredByEvent="true">
              <bpmn:startEvent id="es"><bpmn:errorEventDefinition /></bpmn:startEvent>
              {Throw}
              <bpmn:userTask id="tellCustomer" />
              {Flow("e1", "es", "compensate")}{Flow("e2", "compensate", "tellCustomer")}
            </bpmn:subProcess>
            """ + Flow("f1", "start", "flight") + Flow("f2", "flight", "charge") + Flow("f3", "charge", "end"))));

        Assert.Equal(["book:flight", "undo:cancel_flight"], ledger.Calls);
        Assert.Equal(["tellCustomer"], Harness.Active(instance));
    }

    [Fact]
    public async Task ACompensationEventSubProcess_IsTheSubProcesssHandler_AndUndoesItsInsideItself()
    {
        var (h, ledger) = Booking();
        var instance = await h.Start(h.Deploy(Process("trip", $"""
            <bpmn:startEvent id="start" />
            <bpmn:subProcess id="booking">
              <bpmn:startEvent id="bs" />
              {Undoable("flight")}
              {Undoable("hotel")}
              <bpmn:endEvent id="be" />
              {Flow("b1", "bs", "flight")}{Flow("b2", "flight", "hotel")}{Flow("b3", "hotel", "be")}
              <bpmn:subProcess id="undoBooking" triggeredByEvent="true">
                <bpmn:startEvent id="us"><bpmn:compensateEventDefinition /></bpmn:startEvent>
                <bpmn:intermediateThrowEvent id="undoInside"><bpmn:compensateEventDefinition /></bpmn:intermediateThrowEvent>
                <bpmn:userTask id="tellTraveller" />
                <bpmn:endEvent id="ue" />
                {Flow("u1", "us", "undoInside")}{Flow("u2", "undoInside", "tellTraveller")}{Flow("u3", "tellTraveller", "ue")}
              </bpmn:subProcess>
            </bpmn:subProcess>
            {Throw}
            <bpmn:endEvent id="end" />
            """ + Flow("f1", "start", "booking") + Flow("f2", "booking", "compensate") + Flow("f3", "compensate", "end"))));

        Assert.Equal(["book:flight", "book:hotel", "undo:cancel_hotel", "undo:cancel_flight"], ledger.Calls);
        Assert.Equal(["compensate", "tellTraveller"], Harness.Active(instance));
        Assert.Equal(["booking", "hotel", "flight"], h.Events(instance, "compensating"));

        await h.Complete(instance, "tellTraveller", Harness.Alice);
        Assert.Equal(InstanceStatus.Completed, instance.Status);
        Assert.Empty(instance.Compensations);
    }

    [Fact]
    public async Task EachCompletedInstanceOfAMultiInstanceActivity_IsUndone()
    {
        var (h, ledger) = Booking();
        var instance = await h.Start(h.Deploy(Process("trip", $"""
            <bpmn:startEvent id="start" />
            <bpmn:serviceTask id="seat" camunda:type="external" camunda:topic="book">
              <bpmn:multiInstanceLoopCharacteristics isSequential="true" camunda:collection="{"${passengers}"}" camunda:elementVariable="passenger" />
            </bpmn:serviceTask>
            <bpmn:boundaryEvent id="seat_comp" attachedToRef="seat"><bpmn:compensateEventDefinition /></bpmn:boundaryEvent>
            <bpmn:serviceTask id="releaseSeat" isForCompensation="true" camunda:type="external" camunda:topic="undo" />
            <bpmn:association id="a1" sourceRef="seat_comp" targetRef="releaseSeat" />
            {Throw}
            <bpmn:endEvent id="end" />
            """ + Flow("f1", "start", "seat") + Flow("f2", "seat", "compensate") + Flow("f3", "compensate", "end"))),
            new { passengers = new[] { "Li", "Wang", "Zhao" } });

        Assert.Equal(3, ledger.Calls.Count(c => c == "undo:releaseSeat"));
        Assert.Equal(InstanceStatus.Completed, instance.Status);
    }

    [Fact]
    public async Task AnInstanceMovedToANewVersion_CompensatesWhatTheNewVersionStillUndoes()
    {
        var (h, ledger) = Booking();
        string Trip(string hotelHandler) => Process("trip", $"""
            <bpmn:startEvent id="start" />
            {Undoable("flight")}
            <bpmn:serviceTask id="hotel" camunda:type="external" camunda:topic="book" />
            <bpmn:boundaryEvent id="hotel_comp" attachedToRef="hotel"><bpmn:compensateEventDefinition /></bpmn:boundaryEvent>
            <bpmn:serviceTask id="{hotelHandler}" isForCompensation="true" camunda:type="external" camunda:topic="undo" />
            <bpmn:association id="hotel_assoc" sourceRef="hotel_comp" targetRef="{hotelHandler}" />
            <bpmn:userTask id="decide" />
            {Throw}
            <bpmn:endEvent id="end" />
            """ + Flow("f1", "start", "flight") + Flow("f2", "flight", "hotel") + Flow("f3", "hotel", "decide") + Flow("f4", "decide", "compensate")
            + Flow("f5", "compensate", "end"));
        var instance = await h.Start(h.Deploy(Trip("cancel_hotel")));
        var v2 = h.Deploy(Trip("refund_hotel"));

        await h.Act(Harness.Carol, s => s.MigrateAsync(instance.Id, v2, null));
        Assert.Equal(["hotel"], h.Events(instance, "compensationDropped"));
        await h.Complete(instance, "decide", Harness.Alice);

        // The hotel's old handler is not in version 2: only the flight is undone.
        Assert.Equal(["book:flight", "book:hotel", "undo:cancel_flight"], ledger.Calls);
        Assert.Equal(InstanceStatus.Completed, instance.Status);
    }

    [Fact]
    public async Task NothingCompleted_TheThrowEventPassesAtOnce()
    {
        var (h, ledger) = Booking();
        var instance = await h.Start(h.Deploy(Process("trip", $"""
            <bpmn:startEvent id="start" />
            {Throw}
            <bpmn:userTask id="next" />
            {Undoable("flight")}
            """ + Flow("f1", "start", "compensate") + Flow("f2", "compensate", "next") + Flow("f3", "next", "flight"))));

        Assert.Empty(ledger.Calls);
        Assert.Equal(["next"], Harness.Active(instance));
    }

    [Theory]
    [InlineData("""<bpmn:boundaryEvent id="b" attachedToRef="task"><bpmn:compensateEventDefinition /></bpmn:boundaryEvent>""",
        "b", "associated with no compensation handler")]
    [InlineData("""<bpmn:boundaryEvent id="b" attachedToRef="task"><bpmn:compensateEventDefinition /></bpmn:boundaryEvent><bpmn:userTask id="h" isForCompensation="true" /><bpmn:association id="a" sourceRef="b" targetRef="h" /><bpmn:sequenceFlow id="x" sourceRef="h" targetRef="end" />""",
        "h", "cannot have incoming or outgoing sequence flows")]
    [InlineData("""<bpmn:intermediateThrowEvent id="t"><bpmn:compensateEventDefinition activityRef="task" /></bpmn:intermediateThrowEvent>""",
        "t", "has no compensation boundary event")]
    [InlineData("""<bpmn:intermediateThrowEvent id="t"><bpmn:compensateEventDefinition waitForCompletion="false" /></bpmn:intermediateThrowEvent>""",
        "t", "does not wait for its handlers")]
    [InlineData("""<bpmn:subProcess id="esp" triggeredByEvent="true"><bpmn:startEvent id="s"><bpmn:compensateEventDefinition /></bpmn:startEvent></bpmn:subProcess>""",
        "s", "at the process level there is none")]
    public void CompensationTheEngineCannotRun_IsRefusedNamingTheElement(string extra, string elementId, string reason)
    {
        var result = new Harness().Engine.Compile(System.Text.Encoding.UTF8.GetBytes(Process("bad", $"""
            <bpmn:startEvent id="start" />
            <bpmn:userTask id="task" />
            <bpmn:endEvent id="end" />
            {extra}
            """ + Flow("f1", "start", "task") + Flow("f2", "task", "end"))));

        Assert.False(result.Succeeded);
        var problem = Assert.Single(result.Problems, p => p.ElementId == elementId && p.Message.Contains(reason, StringComparison.Ordinal));
        Assert.True(problem.Line > 0);
    }

    private sealed class Refusing : IServiceTaskHandler
    {
        public ValueTask ExecuteAsync(ServiceTaskContext context, CancellationToken cancellationToken) =>
            throw new BpmnErrorException("DECLINED", "card declined");
    }
}
