using ProjectWorkflow.Engine.Runtime;
using ProjectWorkflow.Engine.ServiceTasks;
using static ProjectWorkflow.Engine.Tests.Runtime.Bpmn;

namespace ProjectWorkflow.Engine.Tests.Runtime;

/// <summary>
/// BPMN 2.0 §10.3.4 transaction sub-processes, as Camunda 7 runs them: a cancel end event inside stops the
/// transaction's other paths, compensates what the transaction completed (last first), and the token leaves by the
/// transaction's cancel boundary event; a transaction that ends normally leaves by its flow and stays compensable.
/// </summary>
public class TransactionTests
{
    private sealed class Ledger : IServiceTaskHandler
    {
        public List<string> Calls { get; } = [];

        public ValueTask ExecuteAsync(ServiceTaskContext context, CancellationToken cancellationToken)
        {
            Calls.Add($"{context.Topic}:{context.ElementId}");
            return ValueTask.CompletedTask;
        }
    }

    private static string Undoable(string id) => $"""
        <bpmn:serviceTask id="{id}" camunda:type="external" camunda:topic="book" />
        <bpmn:boundaryEvent id="{id}_comp" attachedToRef="{id}"><bpmn:compensateEventDefinition /></bpmn:boundaryEvent>
        <bpmn:serviceTask id="cancel_{id}" isForCompensation="true" camunda:type="external" camunda:topic="undo" />
        <bpmn:association id="{id}_assoc" sourceRef="{id}_comp" targetRef="cancel_{id}" />
        """;

    /// <summary>Book a flight and a hotel in a transaction; the customer confirms (cancel end event) or not.</summary>
    private static string Trip => Process("trip", $"""
        <bpmn:startEvent id="start" />
        <bpmn:transaction id="booking">
          <bpmn:startEvent id="ts" />
          {Undoable("flight")}
          {Undoable("hotel")}
          <bpmn:parallelGateway id="fork" />
          <bpmn:userTask id="confirm" />
          <bpmn:userTask id="insure" />
          <bpmn:exclusiveGateway id="confirmed" default="yes" />
          <bpmn:endEvent id="booked" />
          <bpmn:endEvent id="insured" />
          <bpmn:endEvent id="cancelled"><bpmn:cancelEventDefinition /></bpmn:endEvent>
          {Flow("t1", "ts", "flight")}{Flow("t2", "flight", "hotel")}{Flow("t3", "hotel", "fork")}
          {Flow("t4", "fork", "confirm")}{Flow("t5", "fork", "insure")}{Flow("t6", "insure", "insured")}
          {Flow("t7", "confirm", "confirmed")}{Flow("yes", "confirmed", "booked")}{Flow("no", "confirmed", "cancelled", "${!ok}")}
        </bpmn:transaction>
        <bpmn:boundaryEvent id="onCancel" attachedToRef="booking"><bpmn:cancelEventDefinition /></bpmn:boundaryEvent>
        <bpmn:userTask id="travel" />
        <bpmn:userTask id="offerAnother" />
        <bpmn:endEvent id="end" />
        """ + Flow("f1", "start", "booking") + Flow("f2", "booking", "travel") + Flow("f3", "travel", "end") + Flow("f4", "onCancel", "offerAnother"));

    private static (Harness, Ledger) Harnessed()
    {
        var h = new Harness();
        var ledger = new Ledger();
        h.Handlers.Register("book", ledger);
        h.Handlers.Register("undo", ledger);
        return (h, ledger);
    }

    [Fact]
    public async Task ACancelEndEvent_StopsTheTransaction_UndoesItsBookingsLastFirst_AndLeavesByTheCancelBoundary()
    {
        var (h, ledger) = Harnessed();
        var instance = await h.Start(h.Deploy(Trip));
        Assert.Equal(["confirm", "insure"], Harness.Active(instance));

        await h.Complete(instance, "confirm", Harness.Alice, new { ok = false });

        Assert.Equal(["book:flight", "book:hotel", "undo:cancel_hotel", "undo:cancel_flight"], ledger.Calls);
        Assert.Equal(["offerAnother"], Harness.Active(instance)); // the insurance task was stopped with the transaction
        Assert.Equal(["insure"], h.Events(instance, "interrupted"));
        Assert.Equal(["booking"], h.Events(instance, "cancelled"));
        Assert.Equal(["onCancel"], h.Events(instance, "cancelCaught"));
        Assert.Empty(instance.Compensations);
    }

    [Fact]
    public async Task ATransactionThatEndsNormally_LeavesByItsFlow_AndNothingIsUndone()
    {
        var (h, ledger) = Harnessed();
        var instance = await h.Start(h.Deploy(Trip));

        await h.Complete(instance, "confirm", Harness.Alice, new { ok = true });
        await h.Complete(instance, "insure", Harness.Alice);

        Assert.Equal(["book:flight", "book:hotel"], ledger.Calls);
        Assert.Equal(["travel"], Harness.Active(instance));
        Assert.Empty(h.Events(instance, "cancelCaught"));
    }

    [Fact]
    public async Task AUserTaskHandler_HoldsTheCancelUntilItIsDone()
    {
        var h = new Harness();
        var instance = await h.Start(h.Deploy(Process("grant", """
            <bpmn:startEvent id="start" />
            <bpmn:transaction id="tx">
              <bpmn:startEvent id="ts" />
              <bpmn:userTask id="reserve" />
              <bpmn:boundaryEvent id="reserve_comp" attachedToRef="reserve"><bpmn:compensateEventDefinition /></bpmn:boundaryEvent>
              <bpmn:userTask id="release" isForCompensation="true" />
              <bpmn:association id="a1" sourceRef="reserve_comp" targetRef="release" />
              <bpmn:endEvent id="cancel"><bpmn:cancelEventDefinition /></bpmn:endEvent>
              <bpmn:sequenceFlow id="t1" sourceRef="ts" targetRef="reserve" />
              <bpmn:sequenceFlow id="t2" sourceRef="reserve" targetRef="cancel" />
            </bpmn:transaction>
            <bpmn:boundaryEvent id="onCancel" attachedToRef="tx"><bpmn:cancelEventDefinition /></bpmn:boundaryEvent>
            <bpmn:endEvent id="end" />
            <bpmn:endEvent id="cancelledEnd" />
            """ + Flow("f1", "start", "tx") + Flow("f2", "tx", "end") + Flow("f3", "onCancel", "cancelledEnd"))));

        await h.Complete(instance, "reserve", Harness.Alice);
        Assert.Equal(["cancel", "release"], Harness.Active(instance)); // the cancel end event waits for the handler
        Assert.Equal(InstanceStatus.Running, instance.Status);

        await h.Complete(instance, "release", Harness.Alice);
        Assert.Equal(InstanceStatus.Completed, instance.Status);
        Assert.Contains("cancelledEnd", h.Events(instance, "entered"));
        Assert.DoesNotContain("end", h.Events(instance, "entered"));
    }

    [Theory]
    [InlineData("""<bpmn:endEvent id="c"><bpmn:cancelEventDefinition /></bpmn:endEvent><bpmn:sequenceFlow id="x" sourceRef="task" targetRef="c" />""",
        "c", "can only stand directly inside a transaction")]
    [InlineData("""<bpmn:boundaryEvent id="c" attachedToRef="task"><bpmn:cancelEventDefinition /></bpmn:boundaryEvent>""",
        "c", "can only sit on a transaction")]
    [InlineData("""<bpmn:transaction id="tx"><bpmn:startEvent id="ts" /><bpmn:endEvent id="c"><bpmn:cancelEventDefinition /></bpmn:endEvent><bpmn:sequenceFlow id="x" sourceRef="ts" targetRef="c" /></bpmn:transaction><bpmn:sequenceFlow id="y" sourceRef="task" targetRef="tx" />""",
        "c", "has no cancel boundary event")]
    public void ACancelTheEngineCannotRun_IsRefusedNamingTheElement(string extra, string elementId, string reason)
    {
        var result = new Harness().Engine.Compile(System.Text.Encoding.UTF8.GetBytes(Process("bad", $"""
            <bpmn:startEvent id="start" />
            <bpmn:userTask id="task" />
            <bpmn:endEvent id="end" />
            {extra}
            """ + Flow("f1", "start", "task") + Flow("f2", "task", "end"))));

        Assert.False(result.Succeeded);
        var problem = Assert.Single(result.Problems, p => p.ElementId == elementId && p.Message.Contains(reason, StringComparison.Ordinal));
    }
}
