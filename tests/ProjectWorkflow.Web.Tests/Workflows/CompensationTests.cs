using System.Net;
using ProjectWorkflow.Web.Tests.Fixtures;
using static ProjectWorkflow.Web.Tests.Workflows.WorkflowApi;

namespace ProjectWorkflow.Web.Tests.Workflows;

/// <summary>
/// A transaction deployed through the API remembers, in the database between commands, what it can undo: its cancel end
/// event waits there for the compensation handler (a person's task), then leaves by the cancel boundary event.
/// </summary>
[Collection(PortalAppCollection.Name)]
public sealed class CompensationTests(PortalApp app)
{
    [Fact]
    public async Task ACancelledTransaction_WaitsForItsCompensatingTask_AfterBeingStoredAndReloaded_ThenLeavesByTheCancelBoundary()
    {
        using var admin = await app.CreateClientForAsync("admin1");
        var key = $"reservation-{Guid.NewGuid():N}";
        var deployed = await DeployAsync(admin, $$"""
            <?xml version="1.0" encoding="UTF-8"?>
            <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="d" targetNamespace="t">
              <process id="{{key}}" isExecutable="true">
                <startEvent id="start" />
                <transaction id="reservation">
                  <startEvent id="ts" />
                  <userTask id="reserve" camunda:assignee="admin1" />
                  <boundaryEvent id="reserveUndo" attachedToRef="reserve"><compensateEventDefinition /></boundaryEvent>
                  <userTask id="release" camunda:assignee="admin1" isForCompensation="true" />
                  <association id="a1" sourceRef="reserveUndo" targetRef="release" />
                  <userTask id="confirm" camunda:assignee="admin1" />
                  <exclusiveGateway id="confirmed" default="yes" />
                  <endEvent id="reserved" />
                  <endEvent id="cancelled"><cancelEventDefinition /></endEvent>
                  <sequenceFlow id="t1" sourceRef="ts" targetRef="reserve" />
                  <sequenceFlow id="t2" sourceRef="reserve" targetRef="confirm" />
                  <sequenceFlow id="t3" sourceRef="confirm" targetRef="confirmed" />
                  <sequenceFlow id="yes" sourceRef="confirmed" targetRef="reserved" />
                  <sequenceFlow id="no" sourceRef="confirmed" targetRef="cancelled"><conditionExpression>${!ok}</conditionExpression></sequenceFlow>
                </transaction>
                <boundaryEvent id="onCancel" attachedToRef="reservation"><cancelEventDefinition /></boundaryEvent>
                <endEvent id="done" />
                <endEvent id="undone" />
                <sequenceFlow id="f1" sourceRef="start" targetRef="reservation" />
                <sequenceFlow id="f2" sourceRef="reservation" targetRef="done" />
                <sequenceFlow id="f3" sourceRef="onCancel" targetRef="undone" />
              </process>
            </definitions>
            """);
        Assert.True(deployed.StatusCode == HttpStatusCode.Created, await deployed.Content.ReadAsStringAsync());
        var id = await StartAsync(admin, key);

        await OkAsync(admin, $"/api/tasks/{await OnlyTaskAsync(admin, "mine", id, "reserve")}/complete", new { variables = new { } });
        await OkAsync(admin, $"/api/tasks/{await OnlyTaskAsync(admin, "mine", id, "confirm")}/complete", new { variables = new { ok = false } });

        Assert.Equal("running", (await InstanceAsync(admin, id)).GetProperty("status").GetString());
        await OkAsync(admin, $"/api/tasks/{await OnlyTaskAsync(admin, "mine", id, "release")}/complete", new { variables = new { } });

        var instance = await InstanceAsync(admin, id);
        Assert.Equal("completed", instance.GetProperty("status").GetString());
        var completed = instance.GetProperty("completedElementIds").EnumerateArray().Select(e => e.GetString()).ToList();
        Assert.Contains("undone", completed);
        Assert.DoesNotContain("done", completed);
        var journal = (await JournalAsync(admin, id)).Select(j => j.GetProperty("event").GetString()).ToList();
        Assert.Contains("cancelCaught", journal);
        Assert.Contains("compensated", journal);
    }
}
