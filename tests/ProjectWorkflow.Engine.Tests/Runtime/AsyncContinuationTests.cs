using System.Text.Json.Nodes;
using ProjectWorkflow.Engine.Runtime;
using ProjectWorkflow.Engine.ServiceTasks;
using static ProjectWorkflow.Engine.Tests.Runtime.Bpmn;

namespace ProjectWorkflow.Engine.Tests.Runtime;

/// <summary>
/// Camunda's asynchronous continuations: camunda:asyncBefore / asyncAfter end the command at the node, and a job
/// continues in a transaction of its own; a failing job keeps nothing of its run, is tried again as
/// camunda:failedJobRetryTimeCycle says (three times at once without it), and becomes an incident when no try is left.
/// </summary>
public class AsyncContinuationTests
{
    /// <summary>Fails its first <c>failures</c> calls (after setting a variable, which must not survive), then works.</summary>
    private sealed class Flaky(int failures) : IServiceTaskHandler
    {
        public int Calls { get; private set; }

        public ValueTask ExecuteAsync(ServiceTaskContext context, CancellationToken cancellationToken)
        {
            Calls++;
            context.SetVariable("calledAt", JsonValue.Create(Calls));
            if (Calls <= failures) throw new InvalidOperationException($"the bank did not answer (call {Calls})");
            context.SetVariable("paid", JsonValue.Create(true));
            return ValueTask.CompletedTask;
        }
    }

    private static (Harness Harness, Flaky Handler) WithHandler(int failures)
    {
        var h = new Harness();
        var handler = new Flaky(failures);
        h.Handlers.Register("subsidy.calculate", handler);
        return (h, handler);
    }

    private static string PayProcess(string serviceAttributes = "camunda:asyncBefore=\"true\"", string retryCycle = "") => Process("pay", $"""
        <bpmn:startEvent id="start" />
        <bpmn:userTask id="approve" />
        <bpmn:serviceTask id="transfer" camunda:type="external" camunda:topic="subsidy.calculate" {serviceAttributes}>{(retryCycle.Length == 0 ? "" : $"<bpmn:extensionElements><camunda:failedJobRetryTimeCycle>{retryCycle}</camunda:failedJobRetryTimeCycle></bpmn:extensionElements>")}</bpmn:serviceTask>
        <bpmn:userTask id="confirm" />
        <bpmn:endEvent id="end" />
        """ + Flow("f1", "start", "approve") + Flow("f2", "approve", "transfer") + Flow("f3", "transfer", "confirm") + Flow("f4", "confirm", "end"));

    [Fact]
    public async Task AsyncBefore_EndsTheApprovalAtTheServiceTask_AndTheJobRunsItInItsOwnCommand()
    {
        var (h, handler) = WithHandler(failures: 0);
        var instance = await h.Start(h.Deploy(PayProcess()));

        await h.Complete(instance, "approve", Harness.Alice);

        Assert.Equal(0, handler.Calls);
        Assert.Equal(["transfer"], Harness.Active(instance));
        Assert.Single(Harness.Jobs(instance));
        Assert.Equal(["transfer"], h.Events(instance, "jobCreated"));
        Assert.DoesNotContain("transfer", h.Events(instance, "entered"));
        Assert.Contains(h.Effects, e => e is JobScheduled);

        await h.RunJobs();

        Assert.Equal(1, handler.Calls);
        Assert.Equal(["confirm"], Harness.Active(instance));
        Assert.Empty(Harness.Jobs(instance));
        Assert.True(instance.Variables["paid"]!.GetValue<bool>());
        Assert.Equal(["transfer"], h.Events(instance, "jobExecuted"));
    }

    [Fact]
    public async Task AsyncAfter_OnAUserTask_CompletesTheTask_AndTheJobTakesTheWayOut()
    {
        var (h, handler) = WithHandler(failures: 0);
        var instance = await h.Start(h.Deploy(Process("review", """
            <bpmn:startEvent id="start" />
            <bpmn:userTask id="approve" camunda:asyncAfter="true" />
            <bpmn:boundaryEvent id="late" attachedToRef="approve"><bpmn:timerEventDefinition><bpmn:timeDuration>PT1H</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:boundaryEvent>
            <bpmn:userTask id="confirm" />
            <bpmn:userTask id="chase" />
            """ + Flow("f1", "start", "approve") + Flow("f2", "approve", "confirm") + Flow("f3", "late", "chase"))));

        await h.Complete(instance, "approve", Harness.Alice);

        Assert.Empty(instance.Tasks);
        Assert.Equal(["approve"], Harness.Active(instance));
        Assert.DoesNotContain(instance.Bookmarks, b => b.Kind == BookmarkKind.Timer); // the task is done: its boundary timer stops

        await h.Advance(TimeSpan.FromHours(2));

        Assert.Equal(["confirm"], Harness.Active(instance));
        Assert.Empty(h.Events(instance, "timerFired"));
        Assert.Equal(0, handler.Calls);
    }

    [Fact]
    public async Task AFailingJob_KeepsNothingOfItsRun_IsTriedThreeTimes_ThenRaisesAnIncident_AndARetryRunsTheJobAgain()
    {
        var (h, handler) = WithHandler(failures: 3);
        var instance = await h.Start(h.Deploy(PayProcess()));
        await h.Complete(instance, "approve", Harness.Alice);

        await h.RunJobs();

        Assert.Equal(1, handler.Calls);
        Assert.False(instance.Variables.ContainsKey("calledAt")); // the failed run's variables are not kept
        Assert.Equal(1, Assert.Single(Harness.Jobs(instance)).Fired);
        Assert.Contains("call 1", Harness.Jobs(instance)[0].LastError);
        Assert.Empty(instance.Incidents);
        Assert.Equal(InstanceStatus.Running, instance.Status);

        await h.RunJobs();
        await h.RunJobs();

        Assert.Equal(3, handler.Calls);
        Assert.Empty(Harness.Jobs(instance));
        var incident = Assert.Single(instance.Incidents);
        Assert.Equal("failedJob", incident.Kind);
        Assert.Equal("transfer", incident.ElementId);
        Assert.Contains("failed 3 times", incident.Message);
        Assert.Equal(InstanceStatus.Faulted, instance.Status);
        Assert.Equal(3, h.Events(instance, "jobFailed").Count);
        Assert.Single(h.Events(instance, "incident")); // the failed tries raised no incident of their own, only the last

        await h.Act(Actor.System, s => s.RetryIncidentAsync(instance.Id, incident.Id, null));

        Assert.Equal(3, handler.Calls); // the retry gives the job back; it runs on its own
        Assert.Single(Harness.Jobs(instance));
        Assert.Equal(InstanceStatus.Running, instance.Status);

        await h.RunJobs();

        Assert.Equal(4, handler.Calls);
        Assert.Equal(["confirm"], Harness.Active(instance));
        Assert.Equal(4, instance.Variables["calledAt"]!.GetValue<int>());
    }

    [Fact]
    public async Task ARetryCycle_SpacesTheTries_AndCountsThem()
    {
        var (h, handler) = WithHandler(failures: 1);
        var instance = await h.Start(h.Deploy(PayProcess(retryCycle: "R2/PT10M")));
        await h.Complete(instance, "approve", Harness.Alice);

        await h.RunJobs();
        Assert.Equal(1, handler.Calls);
        Assert.Equal(h.Time.GetUtcNow().AddMinutes(10), Harness.Jobs(instance)[0].DueAt);

        await h.Advance(TimeSpan.FromMinutes(5));
        Assert.Equal(1, handler.Calls);

        await h.Advance(TimeSpan.FromMinutes(5));
        Assert.Equal(2, handler.Calls);
        Assert.Equal(["confirm"], Harness.Active(instance));
        Assert.Empty(instance.Incidents);
    }

    [Fact]
    public async Task AJobsRun_GoesOnToTheNextWaitState_AndAFailureFurtherOnThrowsAwayEverythingTheRunDid()
    {
        var (h, handler) = WithHandler(failures: 1);
        var instance = await h.Start(h.Deploy(Process("chain", """
            <bpmn:startEvent id="start" camunda:asyncAfter="true" />
            <bpmn:parallelGateway id="fork" />
            <bpmn:userTask id="notify" />
            <bpmn:serviceTask id="transfer" camunda:type="external" camunda:topic="subsidy.calculate" />
            <bpmn:userTask id="confirm" />
            """ + Flow("f1", "start", "fork") + Flow("f2", "fork", "notify") + Flow("f3", "fork", "transfer") + Flow("f4", "transfer", "confirm"))));

        Assert.Equal(["start"], Harness.Active(instance));
        Assert.Empty(instance.Tasks);

        await h.RunJobs();

        Assert.Equal(1, handler.Calls);
        Assert.Empty(instance.Tasks); // 'notify' was created in the failed run and is gone with it
        Assert.Equal(["start"], Harness.Active(instance));
        Assert.DoesNotContain(h.Effects, e => e is TaskCreated);

        await h.RunJobs();

        Assert.Equal(["confirm", "notify"], Harness.Active(instance));
    }

    [Fact]
    public async Task AnInterruptingBoundaryTimer_DropsTheJobOfTheActivityItStops()
    {
        var (h, handler) = WithHandler(failures: 0);
        var instance = await h.Start(h.Deploy(Process("scope", """
            <bpmn:startEvent id="start" />
            <bpmn:subProcess id="work">
              <bpmn:startEvent id="ws" />
              <bpmn:serviceTask id="transfer" camunda:type="external" camunda:topic="subsidy.calculate" camunda:asyncBefore="true">
                <bpmn:extensionElements><camunda:failedJobRetryTimeCycle>R3/PT1H</camunda:failedJobRetryTimeCycle></bpmn:extensionElements>
              </bpmn:serviceTask>
              <bpmn:endEvent id="we" />
            """ + Flow("w1", "ws", "transfer") + Flow("w2", "transfer", "we") + """
            </bpmn:subProcess>
            <bpmn:boundaryEvent id="late" attachedToRef="work"><bpmn:timerEventDefinition><bpmn:timeDuration>PT30M</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:boundaryEvent>
            <bpmn:userTask id="chase" />
            <bpmn:userTask id="done" />
            """ + Flow("f1", "start", "work") + Flow("f2", "work", "done") + Flow("f3", "late", "chase"))));
        Assert.Single(Harness.Jobs(instance));

        // The job is due at once; a host whose job queue is stopped runs it only after the timer.
        h.Time.Advance(TimeSpan.FromMinutes(31));
        var timer = instance.Bookmarks.Single(b => b.Kind == BookmarkKind.Timer);
        await h.Act(Actor.System, s => s.FireTimerAsync(instance.Id, timer.Id));
        var job = instance.Bookmarks.SingleOrDefault(b => b.Kind == BookmarkKind.Job);

        Assert.Null(job);
        Assert.Equal(["chase"], Harness.Active(instance));
        Assert.Equal(0, handler.Calls);
        Assert.Contains(h.Effects, e => e is TimerCancelled);
    }
}
