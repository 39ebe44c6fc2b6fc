using ProjectWorkflow.Engine.Runtime;
using static ProjectWorkflow.Engine.Tests.Runtime.Bpmn;

namespace ProjectWorkflow.Engine.Tests.Runtime;

/// <summary>
/// Camunda's external tasks, engine side: with external workers enabled, a service task whose topic has no handler here
/// waits for a worker; the worker locks it, then completes it, reports a failure (retries, retry timeout, an incident at
/// none left), raises a BPMN error, extends or gives up its lock; an expired lock lets another worker take the task.
/// </summary>
public class ExternalTaskTests
{
    private const string Errors = """<bpmn:error id="err_rejected" errorCode="REJECTED" />""";

    private static Harness Workers() => new(new WorkflowEngineOptions { ExternalWorkers = true });

    private static string Payment(string extra = "") => Process("pay", """
        <bpmn:startEvent id="start" />
        <bpmn:serviceTask id="transfer" camunda:type="external" camunda:topic="bank.transfer">
          <bpmn:extensionElements><camunda:inputOutput><camunda:inputParameter name="amountYuan">${amountFen / 100}</camunda:inputParameter></camunda:inputOutput></bpmn:extensionElements>
        </bpmn:serviceTask>
        <bpmn:userTask id="done" />
        """ + extra + Flow("f1", "start", "transfer") + Flow("f2", "transfer", "done"), Errors);

    private static Bookmark Waiting(ProcessInstance instance) => Assert.Single(instance.Bookmarks, b => b.Kind == BookmarkKind.ExternalTask);

    private static async Task<LockedExternalTask?> Lock(Harness h, ProcessInstance instance, string worker, TimeSpan? duration = null)
    {
        LockedExternalTask? locked = null;
        await h.Act(Actor.System, async s => locked = await s.LockExternalTaskAsync(instance.Id, Waiting(instance).Id, worker, duration ?? TimeSpan.FromMinutes(5)));
        return locked;
    }

    [Fact]
    public void WithoutExternalWorkers_ATopicWithoutAHandlerIsRefusedAtDeploy()
    {
        var result = new Harness().Engine.Compile(System.Text.Encoding.UTF8.GetBytes(Payment()));

        Assert.Contains(result.Problems, p => p.ElementId == "transfer");
    }

    [Fact]
    public async Task AWorkerLocksTheTask_SeesItsVariables_AndCompletingItMovesTheProcessOn()
    {
        var h = Workers();
        var instance = await h.Start(h.Deploy(Payment()), new { amountFen = 150000 }, businessKey: "P-1");
        Assert.Equal("bank.transfer", Waiting(instance).MessageName);

        var locked = await Lock(h, instance, "worker-1");

        Assert.NotNull(locked);
        Assert.Equal("P-1", locked.BusinessKey);
        Assert.Equal(1500, locked.Variables["amountYuan"]!.GetValue<decimal>());
        await h.Act(Actor.System, s => s.CompleteExternalTaskAsync(instance.Id, locked.Id, "worker-1", Harness.ToJson(new { bankReference = "B-9" }), null));

        Assert.Equal(["done"], Harness.Active(instance));
        Assert.Equal("B-9", instance.Variables["bankReference"]!.GetValue<string>());
        Assert.Equal(["transfer"], h.Events(instance, "externalTaskCompleted"));
    }

    [Fact]
    public async Task ALockedTask_CannotBeTakenOrCompletedByAnotherWorker_UntilTheLockExpires()
    {
        var h = Workers();
        var instance = await h.Start(h.Deploy(Payment()), new { amountFen = 100 });
        var first = await Lock(h, instance, "worker-1", TimeSpan.FromMinutes(1));

        Assert.Null(await Lock(h, instance, "worker-2"));
        await Assert.ThrowsAsync<WorkflowException>(() =>
            h.Act(Actor.System, s => s.CompleteExternalTaskAsync(instance.Id, first!.Id, "worker-2", null, null)));

        // worker-1 dies holding the lock: once it expires, worker-2 takes the task, and worker-1 can no longer complete it.
        h.Time.Advance(TimeSpan.FromMinutes(2));
        Assert.NotNull(await Lock(h, instance, "worker-2"));
        await Assert.ThrowsAsync<WorkflowException>(() =>
            h.Act(Actor.System, s => s.CompleteExternalTaskAsync(instance.Id, first!.Id, "worker-1", null, null)));
        await h.Act(Actor.System, s => s.CompleteExternalTaskAsync(instance.Id, first!.Id, "worker-2", null, null));
        Assert.Equal(["done"], Harness.Active(instance));
    }

    [Fact]
    public async Task AFailureWithRetries_FreesTheTaskAfterItsTimeout_AndAtNoneLeftRaisesAnIncidentThatARetryClears()
    {
        var h = Workers();
        var instance = await h.Start(h.Deploy(Payment()), new { amountFen = 100 });
        var locked = await Lock(h, instance, "worker-1");

        await h.Act(Actor.System, s => s.FailExternalTaskAsync(instance.Id, locked!.Id, "worker-1", "bank offline", 2, TimeSpan.FromMinutes(10)));
        Assert.Null(await Lock(h, instance, "worker-1"));
        h.Time.Advance(TimeSpan.FromMinutes(10));
        var again = await Lock(h, instance, "worker-1");
        Assert.Equal(2, again!.Retries);
        Assert.Equal("bank offline", again.ErrorMessage);

        await h.Act(Actor.System, s => s.FailExternalTaskAsync(instance.Id, again.Id, "worker-1", "bank gone", 0, TimeSpan.Zero));
        var incident = Assert.Single(instance.Incidents);
        Assert.Equal("failedExternalTask", incident.Kind);
        Assert.Equal(InstanceStatus.Faulted, instance.Status);
        Assert.Null(await Lock(h, instance, "worker-1"));

        await h.Act(Harness.Alice, s => s.RetryIncidentAsync(instance.Id, incident.Id, null));
        Assert.Empty(instance.Incidents);
        Assert.NotNull(await Lock(h, instance, "worker-1"));
    }

    [Fact]
    public async Task ABpmnErrorFromTheWorker_IsCaughtByTheBoundaryEvent()
    {
        var h = Workers();
        var instance = await h.Start(h.Deploy(Payment("""
            <bpmn:boundaryEvent id="rejected" attachedToRef="transfer"><bpmn:errorEventDefinition errorRef="err_rejected" /></bpmn:boundaryEvent>
            <bpmn:userTask id="fixAccount" />
            """ + Flow("f3", "rejected", "fixAccount"))), new { amountFen = 100 });
        var locked = await Lock(h, instance, "worker-1");

        await h.Act(Actor.System, s => s.ExternalTaskBpmnErrorAsync(instance.Id, locked!.Id, "worker-1", "REJECTED", "account closed", null));

        Assert.Equal(["fixAccount"], Harness.Active(instance));
        Assert.Empty(instance.Bookmarks);
    }

    [Fact]
    public async Task ExtendingTheLock_KeepsItPastItsFirstExpiry_AndUnlockingLetsAnyoneTakeIt()
    {
        var h = Workers();
        var instance = await h.Start(h.Deploy(Payment()), new { amountFen = 100 });
        var locked = await Lock(h, instance, "worker-1", TimeSpan.FromMinutes(1));

        await h.Act(Actor.System, s => s.ExtendExternalTaskLockAsync(instance.Id, locked!.Id, "worker-1", TimeSpan.FromMinutes(30)));
        h.Time.Advance(TimeSpan.FromMinutes(5));
        Assert.Null(await Lock(h, instance, "worker-2"));

        await h.Act(Actor.System, s => s.UnlockExternalTaskAsync(instance.Id, locked!.Id));
        Assert.NotNull(await Lock(h, instance, "worker-2"));
    }
}
