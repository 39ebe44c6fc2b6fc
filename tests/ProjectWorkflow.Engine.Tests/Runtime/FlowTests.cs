using ProjectWorkflow.Engine.Runtime;
using static ProjectWorkflow.Engine.Tests.Runtime.Bpmn;

namespace ProjectWorkflow.Engine.Tests.Runtime;

/// <summary>BPMN 2.0 §13.2–13.3: tokens, sequence flows, start and end events, service tasks.</summary>
public class FlowTests
{
    [Fact]
    public async Task Token_RunsFromStartThroughServiceTaskToEnd_AndJournalsEachStep()
    {
        var h = new Harness();
        h.Handlers.Register("subsidy.calculate", (ctx, _) =>
        {
            ctx.SetVariable("subsidy", ctx.GetVariable<decimal>("investment") / 10);
            return ValueTask.CompletedTask;
        });
        var definition = h.Deploy(Process("calc", """
            <bpmn:startEvent id="start" />
            <bpmn:serviceTask id="calculate" camunda:type="external" camunda:topic="subsidy.calculate" />
            <bpmn:endEvent id="end" />
            """ + Flow("f1", "start", "calculate") + Flow("f2", "calculate", "end")));

        var instance = await h.Start(definition, new { investment = 1000 });

        Assert.Equal(InstanceStatus.Completed, instance.Status);
        Assert.Equal(100m, instance.Variables["subsidy"]!.GetValue<decimal>());
        Assert.Equal(["start", "calculate", "end"], h.Events(instance, "entered"));
        Assert.Equal(["f1", "f2"], instance.TakenFlowIds);
        Assert.Equal(["start", "calculate", "end"], instance.CompletedElementIds);
        Assert.Empty(instance.Executions);
        Assert.Contains(h.Effects, e => e is InstanceEnded { Status: InstanceStatus.Completed });
    }

    [Fact]
    public async Task UserTask_WaitsForCompletion_ThenMovesOn()
    {
        var h = new Harness();
        var definition = h.Deploy(Process("review", """
            <bpmn:startEvent id="start" />
            <bpmn:userTask id="check" name="Formal check" camunda:candidateGroups="district-reviewer" camunda:formKey="forms/check" camunda:dueDate="P2D" />
            <bpmn:endEvent id="end" />
            """ + Flow("f1", "start", "check") + Flow("f2", "check", "end")));

        var instance = await h.Start(definition);

        Assert.Equal(InstanceStatus.Running, instance.Status);
        var task = h.Task(instance, "check");
        Assert.Equal("Formal check", task.Name);
        Assert.Equal(["district-reviewer"], task.CandidateGroups);
        Assert.Equal("forms/check", task.FormKey);
        Assert.Equal(h.Time.GetUtcNow().AddDays(2), task.DueAt);

        await h.Complete(instance, "check", Harness.Alice, new { passed = true });

        Assert.Equal(InstanceStatus.Completed, instance.Status);
        Assert.True(instance.Variables["passed"]!.GetValue<bool>());
        Assert.Contains(h.Journal, j => j.InstanceId == instance.Id && j is { ElementId: "check", Event: "completed", Actor: "alice" });
    }

    [Fact]
    public async Task ServiceTask_FailingHandler_RaisesIncident_AndRetryResumes()
    {
        var h = new Harness();
        var attempts = 0;
        h.Handlers.Register("budget.reserve", (ctx, _) =>
        {
            if (++attempts == 1) throw new InvalidOperationException("treasury offline");
            ctx.SetVariable("reserved", true);
            return ValueTask.CompletedTask;
        });
        var definition = h.Deploy(Process("reservation", """
            <bpmn:startEvent id="start" />
            <bpmn:serviceTask id="reserve" camunda:type="external" camunda:topic="budget.reserve" />
            <bpmn:endEvent id="end" />
            """ + Flow("f1", "start", "reserve") + Flow("f2", "reserve", "end")));

        var instance = await h.Start(definition);

        Assert.Equal(InstanceStatus.Faulted, instance.Status);
        var incident = Assert.Single(instance.Incidents);
        Assert.Equal("reserve", incident.ElementId);
        Assert.Equal("serviceTask", incident.Kind);
        Assert.Contains("treasury offline", incident.Message);

        await h.Act(Actor.System, s => s.RetryIncidentAsync(instance.Id, incident.Id, null));

        Assert.Equal(InstanceStatus.Completed, instance.Status);
        Assert.Empty(instance.Incidents);
        Assert.Equal(2, attempts);
    }

    [Fact]
    public async Task TerminateEndEvent_EndsEveryBranch_AndCompletesTheInstance_WithTheTerminateJournaled()
    {
        var h = new Harness();
        var definition = h.Deploy(Process("terminate", """
            <bpmn:startEvent id="start" />
            <bpmn:parallelGateway id="fork" />
            <bpmn:userTask id="slow" />
            <bpmn:endEvent id="stop"><bpmn:terminateEventDefinition /></bpmn:endEvent>
            <bpmn:endEvent id="end" />
            """ + Flow("f1", "start", "fork") + Flow("f2", "fork", "slow") + Flow("f3", "fork", "stop") + Flow("f4", "slow", "end")));

        var instance = await h.Start(definition);

        // As in Camunda: the instance is completed; terminated stays for an administrator's 终止.
        Assert.Equal(InstanceStatus.Completed, instance.Status);
        Assert.Equal(["stop"], h.Events(instance, "terminated"));
        Assert.Contains(h.Journal, j => j.InstanceId == instance.Id && j.Event == "completed" && j.Detail == "terminate end event 'stop'");
        Assert.Empty(instance.Tasks);
        Assert.Empty(instance.Executions);
        Assert.Contains(h.Effects, e => e is TaskCancelled { ElementId: "slow" });
    }

    [Fact]
    public async Task SameCommandsOnSameState_GiveTheSameState()
    {
        async Task<string> RunOnce()
        {
            var h = new Harness();
            var definition = h.Deploy(Process("det", """
                <bpmn:startEvent id="start" />
                <bpmn:parallelGateway id="fork" />
                <bpmn:userTask id="a" camunda:assignee="alice" />
                <bpmn:userTask id="b" camunda:assignee="bob" />
                <bpmn:parallelGateway id="join" />
                <bpmn:endEvent id="end" />
                """ + Flow("f1", "start", "fork") + Flow("f2", "fork", "a") + Flow("f3", "fork", "b")
                    + Flow("f4", "a", "join") + Flow("f5", "b", "join") + Flow("f6", "join", "end")));
            ProcessInstance? instance = null;
            await h.Act(Actor.System, async s => instance = await s.StartAsync(definition, new Guid("6f9619ff-8b86-d011-b42d-00c04fc964ff"), "APP-1", null));
            await h.Complete(instance!, "a", Harness.Alice, new { ok = true });
            return System.Text.Json.JsonSerializer.Serialize(instance, RuntimeJson.Options);
        }

        Assert.Equal(await RunOnce(), await RunOnce());
    }

    [Fact]
    public async Task ANodeWithoutOutgoingFlow_EndsItsPath_AndTheLastPathCompletesTheInstance()
    {
        var h = new Harness();
        var definition = h.Deploy(Process("implicitEnd", """
            <bpmn:startEvent id="start" />
            <bpmn:parallelGateway id="fork" />
            <bpmn:userTask id="a" />
            <bpmn:userTask id="b" />
            """ + Flow("f1", "start", "fork") + Flow("f2", "fork", "a") + Flow("f3", "fork", "b")));
        var instance = await h.Start(definition);

        await h.Complete(instance, "a", Harness.Alice);
        Assert.Equal(["b"], Harness.Active(instance));
        await h.Complete(instance, "b", Harness.Alice);

        Assert.Equal(InstanceStatus.Completed, instance.Status);
    }

    [Fact]
    public async Task SequenceFlowsWithoutId_RunUnderAStableGeneratedId()
    {
        var h = new Harness();
        var definition = h.Deploy(Process("anonymous", """
            <bpmn:startEvent id="start" />
            <bpmn:parallelGateway id="fork" />
            <bpmn:userTask id="review" />
            <bpmn:endEvent id="end" />
            <bpmn:sequenceFlow sourceRef="start" targetRef="fork" />
            <bpmn:sequenceFlow sourceRef="fork" targetRef="review" />
            <bpmn:sequenceFlow sourceRef="fork" targetRef="review" />
            <bpmn:sequenceFlow sourceRef="review" targetRef="end" />
            """));

        var instance = await h.Start(definition);

        Assert.Equal(["start->fork", "fork->review", "fork->review#2"], instance.TakenFlowIds);
        Assert.Equal(2, instance.Tasks.Count);
    }
}
