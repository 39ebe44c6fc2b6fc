using ProjectWorkflow.Engine.Runtime;
using static ProjectWorkflow.Engine.Tests.Runtime.Bpmn;

namespace ProjectWorkflow.Engine.Tests.Runtime;

/// <summary>Instance modification (跳转): an operator cancels tokens and starts others before chosen elements.</summary>
public class ModificationTests
{
    private static string Review => Process("review", """
        <bpmn:startEvent id="start" />
        <bpmn:userTask id="check" camunda:candidateGroups="district-reviewer" />
        <bpmn:exclusiveGateway id="decide" />
        <bpmn:userTask id="approve" camunda:candidateGroups="dept-approver" />
        <bpmn:endEvent id="end" />
        """ + Flow("f1", "start", "check") + Flow("f2", "check", "decide") + Flow("f3", "decide", "approve", "${outcome == 'recommend'}")
            + Flow("f4", "decide", "end", "${outcome == 'reject'}") + Flow("f5", "approve", "end"));

    [Fact]
    public async Task AStuckGateway_IsLeftBehind_AndTheTokenStartsBeforeTheNextTask()
    {
        var h = new Harness();
        var definition = h.Deploy(Review);
        var instance = await h.Start(definition);
        await h.Complete(instance, "check", Harness.Alice, new { outcome = "maybe" });
        Assert.Equal(InstanceStatus.Faulted, instance.Status);

        await h.Act(Harness.Carol, s => s.ModifyAsync(instance.Id, ["decide"], ["approve"], "the reviewer meant recommend"));

        Assert.Equal(InstanceStatus.Running, instance.Status);
        Assert.Empty(instance.Incidents);
        Assert.Equal(["approve"], Harness.Active(instance));
        h.Task(instance, "approve");
        Assert.Contains(h.Journal, j => j.Event == "modified" && j.Detail!.Contains("the reviewer meant recommend") && j.Actor == "carol");
        await h.Complete(instance, "approve", Harness.Carol);
        Assert.Equal(InstanceStatus.Completed, instance.Status);
    }

    [Fact]
    public async Task AWaitingTask_IsCancelled_AndAnEarlierTaskOpensAgain()
    {
        var h = new Harness();
        var instance = await h.Start(h.Deploy(Review));
        await h.Complete(instance, "check", Harness.Alice, new { outcome = "recommend" });
        var approve = h.Task(instance, "approve");

        await h.Act(Harness.Carol, s => s.ModifyAsync(instance.Id, ["approve"], ["check"], "the file must be checked again"));

        Assert.DoesNotContain(instance.Tasks, t => t.Id == approve.Id);
        h.Task(instance, "check");
        Assert.Contains(h.Effects, e => e is TaskCancelled);
    }

    [Fact]
    public async Task AMoveThatNamesNothingThere_OrLeavesNoToken_IsRefused_AndChangesNothing()
    {
        var h = new Harness();
        var instance = await h.Start(h.Deploy(Review));

        var nowhere = await Assert.ThrowsAsync<WorkflowException>(() => h.Act(Harness.Carol, s => s.ModifyAsync(instance.Id, ["approve"], ["nowhere"], "x")));
        Assert.Contains("No token is at 'approve'", nowhere.Message);
        Assert.Contains("no element 'nowhere'", nowhere.Message);
        await Assert.ThrowsAsync<WorkflowException>(() => h.Act(Harness.Carol, s => s.ModifyAsync(instance.Id, ["check"], [], "stop it")));
        await Assert.ThrowsAsync<WorkflowException>(() => h.Act(Harness.Carol, s => s.ModifyAsync(instance.Id, [], ["approve"], " ")));

        h.Task(instance, "check");
        Assert.Equal(["check"], Harness.Active(instance));
    }
}
