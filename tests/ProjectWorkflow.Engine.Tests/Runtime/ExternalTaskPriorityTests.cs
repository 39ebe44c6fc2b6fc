using ProjectWorkflow.Engine.Runtime;
using static ProjectWorkflow.Engine.Tests.Runtime.Bpmn;

namespace ProjectWorkflow.Engine.Tests.Runtime;

/// <summary>
/// An external task's priority (<c>camunda:taskPriority</c> on the task or the process, a number or an expression) and
/// an operator's retries, as Camunda keeps them: retries set to 0 raise an incident, more resolve it and the workers may
/// fetch the task again.
/// </summary>
public class ExternalTaskPriorityTests
{
    private static Harness Workers() => new(new WorkflowEngineOptions { ExternalWorkers = true });

    private static string Check(string taskPriority, string processPriority = "") => BpmnSamples.Definitions($"""
          <bpmn:process id="check" isExecutable="true" {processPriority}>
            <bpmn:startEvent id="start" />
            <bpmn:serviceTask id="registry" camunda:type="external" camunda:topic="registry.check" {taskPriority} />
            <bpmn:endEvent id="end" />
            {Flow("f1", "start", "registry")}{Flow("f2", "registry", "end")}
          </bpmn:process>
        """);

    private static Bookmark Waiting(ProcessInstance instance) => Assert.Single(instance.Bookmarks, b => b.Kind == BookmarkKind.ExternalTask);

    [Theory]
    [InlineData("""camunda:taskPriority="${urgency * 10}" """, "", 30L)]
    [InlineData("""camunda:taskPriority="7" """, """camunda:taskPriority="2" """, 7L)]
    [InlineData("", """camunda:taskPriority="2" """, 2L)]
    [InlineData("", "", null)]
    public async Task TheTaskPriority_IsTheTasksOwn_OrTheProcesss_EvaluatedWhenTheTaskIsCreated(string task, string process, long? expected)
    {
        var h = Workers();
        var instance = await h.Start(h.Deploy(Check(task, process)), new { urgency = 3 });

        Assert.Equal(expected, Waiting(instance).Priority);
    }

    [Fact]
    public void APriorityThatIsNotAWholeNumber_IsRefusedAtDeploy()
    {
        var result = Workers().Engine.Compile(System.Text.Encoding.UTF8.GetBytes(Check("""camunda:taskPriority="high" """)));

        Assert.Contains(result.Problems, p => p.ElementId == "registry" && p.Message.Contains("not a whole number", StringComparison.Ordinal));
    }

    [Fact]
    public async Task RetriesSetToZero_RaiseAnIncident_AndSetAgain_ResolveIt()
    {
        var h = Workers();
        var instance = await h.Start(h.Deploy(Check("")));
        var task = Waiting(instance);

        await h.Act(Actor.System, s => s.SetExternalTaskRetriesAsync(instance.Id, task.Id, 0));
        Assert.Equal(InstanceStatus.Faulted, instance.Status);
        Assert.Single(instance.Incidents, i => i.Kind == "failedExternalTask");
        LockedExternalTask? refused = null;
        await h.Act(Actor.System, async s => refused = await s.LockExternalTaskAsync(instance.Id, task.Id, "w", TimeSpan.FromMinutes(1)));
        Assert.Null(refused);

        await h.Act(Actor.System, s => s.SetExternalTaskRetriesAsync(instance.Id, task.Id, 3));
        Assert.Equal(InstanceStatus.Running, instance.Status);
        Assert.Empty(instance.Incidents);
        LockedExternalTask? locked = null;
        await h.Act(Actor.System, async s => locked = await s.LockExternalTaskAsync(instance.Id, task.Id, "w", TimeSpan.FromMinutes(1)));
        Assert.NotNull(locked);
        Assert.Equal(3, locked.Retries);

        await h.Act(Actor.System, s => s.SetExternalTaskPriorityAsync(instance.Id, task.Id, 42));
        Assert.Equal(42, Waiting(instance).Priority);
    }
}
