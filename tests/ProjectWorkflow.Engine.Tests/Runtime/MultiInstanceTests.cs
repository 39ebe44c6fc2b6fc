using ProjectWorkflow.Engine.Runtime;
using static ProjectWorkflow.Engine.Tests.Runtime.Bpmn;

namespace ProjectWorkflow.Engine.Tests.Runtime;

/// <summary>BPMN 2.0 §13.2.7: multi-instance user tasks, parallel and sequential.</summary>
public class MultiInstanceTests
{
    private static string Panel(bool sequential, string? completion = null) => Process("panel", $$"""
        <bpmn:startEvent id="start" />
        <bpmn:userTask id="score" camunda:assignee="${expert}">
          <bpmn:multiInstanceLoopCharacteristics isSequential="{{(sequential ? "true" : "false")}}" camunda:collection="experts" camunda:elementVariable="expert">
            {{(completion is null ? "" : $"<bpmn:completionCondition>{completion}</bpmn:completionCondition>")}}
          </bpmn:multiInstanceLoopCharacteristics>
        </bpmn:userTask>
        <bpmn:userTask id="decide" />
        <bpmn:endEvent id="end" />
        """ + Flow("f1", "start", "score") + Flow("f2", "score", "decide") + Flow("f3", "decide", "end"));

    private static readonly object Experts = new { experts = new[] { "alice", "bob", "dave" } };

    [Fact]
    public async Task Parallel_CreatesOneTaskPerItem_AssignedByElementVariable()
    {
        var h = new Harness();
        var instance = await h.Start(h.Deploy(Panel(sequential: false)), Experts);

        Assert.Equal(["alice", "bob", "dave"], instance.Tasks.Select(t => t.Assignee).Order());
        Assert.Equal([0, 1, 2], instance.Tasks.Select(t => t.LoopCounter!.Value).Order());

        await h.Act(Harness.Alice, s => s.CompleteAsync(instance.Tasks.Single(t => t.Assignee == "alice").Id, null));
        await h.Act(Harness.Bob, s => s.CompleteAsync(instance.Tasks.Single(t => t.Assignee == "bob").Id, null));
        Assert.Single(instance.Tasks, t => t.ElementId == "score");

        await h.Act(Harness.Dave, s => s.CompleteAsync(instance.Tasks.Single(t => t.Assignee == "dave").Id, null));
        Assert.Equal(["decide"], Harness.Active(instance));
    }

    [Theory]
    [InlineData("${nrOfCompletedInstances >= 2}")]
    [InlineData("${numberOfCompletedInstances / numberOfInstances >= 0.6}")]
    public async Task CompletionCondition_EndsTheLoopEarly_AndCancelsTheRest(string condition)
    {
        var h = new Harness();
        var instance = await h.Start(h.Deploy(Panel(sequential: false, condition)), Experts);

        await h.Act(Harness.Alice, s => s.CompleteAsync(instance.Tasks.Single(t => t.Assignee == "alice").Id, null));
        await h.Act(Harness.Bob, s => s.CompleteAsync(instance.Tasks.Single(t => t.Assignee == "bob").Id, null));

        Assert.Equal(["decide"], Harness.Active(instance));
        Assert.Contains(h.Effects, e => e is TaskCancelled { ElementId: "score" });
    }

    [Fact]
    public async Task Sequential_RunsOneAfterAnotherInOrder()
    {
        var h = new Harness();
        var instance = await h.Start(h.Deploy(Panel(sequential: true)), Experts);

        foreach (var expert in new[] { "alice", "bob", "dave" })
        {
            var task = Assert.Single(instance.Tasks);
            Assert.Equal(expert, task.Assignee);
            await h.Act(Actor.User(expert), s => s.CompleteAsync(task.Id, null));
        }
        Assert.Equal(["decide"], Harness.Active(instance));
    }

    [Fact]
    public async Task EmptyCollection_SkipsTheActivity()
    {
        var h = new Harness();
        var instance = await h.Start(h.Deploy(Panel(sequential: false)), new { experts = Array.Empty<string>() });
        Assert.Equal(["decide"], Harness.Active(instance));
    }

    [Fact]
    public async Task LoopCardinality_CountsInstances()
    {
        var h = new Harness();
        var definition = h.Deploy(Process("cardinality", """
            <bpmn:startEvent id="start" />
            <bpmn:userTask id="sign" camunda:candidateGroups="expert">
              <bpmn:multiInstanceLoopCharacteristics><bpmn:loopCardinality>${panelSize}</bpmn:loopCardinality></bpmn:multiInstanceLoopCharacteristics>
            </bpmn:userTask>
            <bpmn:endEvent id="end" />
            """ + Flow("f1", "start", "sign") + Flow("f2", "sign", "end")));
        var instance = await h.Start(definition, new { panelSize = 5 });
        Assert.Equal(5, instance.Tasks.Count);
    }

    [Fact]
    public async Task StandardLoopDataInputRef_AndInputDataItem_WorkAsCamundaCollectionAndElementVariable()
    {
        var h = new Harness();
        var definition = h.Deploy(Process("standard", """
            <bpmn:startEvent id="start" />
            <bpmn:userTask id="score" name="Score ${loopCounter}" camunda:assignee="${expert}">
              <bpmn:multiInstanceLoopCharacteristics>
                <bpmn:loopDataInputRef>experts</bpmn:loopDataInputRef>
                <bpmn:inputDataItem name="expert" />
              </bpmn:multiInstanceLoopCharacteristics>
            </bpmn:userTask>
            <bpmn:endEvent id="end" />
            """ + Flow("f1", "start", "score") + Flow("f2", "score", "end")));

        var instance = await h.Start(definition, Experts);

        Assert.Equal(["alice", "bob", "dave"], instance.Tasks.Select(t => t.Assignee).Order());
        Assert.Equal(["Score 0", "Score 1", "Score 2"], instance.Tasks.Select(t => t.Name).Order());
    }
}
