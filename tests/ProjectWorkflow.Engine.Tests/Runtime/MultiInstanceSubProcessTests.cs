using ProjectWorkflow.Engine.Runtime;
using static ProjectWorkflow.Engine.Tests.Runtime.Bpmn;

namespace ProjectWorkflow.Engine.Tests.Runtime;

/// <summary>
/// Multi-instance embedded sub-processes: each instance runs the sub-process's inside with its own element variable and
/// loopCounter; parallel or sequential; a completion condition stops the others; boundary events sit on the whole.
/// </summary>
public class MultiInstanceSubProcessTests
{
    private static string Inspections(string loop, string boundary = "") => Process("round", $$"""
        <bpmn:startEvent id="start" />
        <bpmn:subProcess id="inspection">
          {{loop}}
          <bpmn:startEvent id="is" />
          <bpmn:userTask id="visit" camunda:assignee="${inspector}" />
          <bpmn:userTask id="write" />
          {{Flow("i1", "is", "visit")}}{{Flow("i2", "visit", "write")}}
        </bpmn:subProcess>
        {{boundary}}
        <bpmn:userTask id="report" />
        {{(boundary.Length > 0 ? """<bpmn:userTask id="late" />""" : "")}}
        """ + Flow("f1", "start", "inspection") + Flow("f2", "inspection", "report") + (boundary.Length > 0 ? Flow("f3", "overdue", "late") : ""));

    [Fact]
    public async Task AParallelMultiInstanceSubProcess_RunsItsInsideOncePerItem_EachWithItsOwnElement()
    {
        var h = new Harness();
        var instance = await h.Start(h.Deploy(Inspections(
            """<bpmn:multiInstanceLoopCharacteristics camunda:collection="${inspectors}" camunda:elementVariable="inspector" />""")),
            new { inspectors = new[] { "alice", "bob" } });

        Assert.Equal(["alice", "bob"], instance.Tasks.Where(t => t.ElementId == "visit").Select(t => t.Assignee!).Order().ToArray());

        await h.Act(Harness.Alice, s => s.CompleteAsync(instance.Tasks.Single(t => t.Assignee == "alice").Id, null));
        await h.Act(Harness.Bob, s => s.CompleteAsync(instance.Tasks.Single(t => t.Assignee == "bob").Id, null));
        Assert.Equal(2, instance.Tasks.Count(t => t.ElementId == "write"));
        foreach (var write in instance.Tasks.Where(t => t.ElementId == "write").ToList())
            await h.Act(Harness.Alice, s => s.CompleteAsync(write.Id, null));

        Assert.Equal(["report"], Harness.Active(instance));
        Assert.False(instance.Variables.ContainsKey("inspector"));
    }

    [Fact]
    public async Task ASequentialMultiInstanceSubProcess_StopsWhenItsCompletionConditionHolds()
    {
        var h = new Harness();
        var instance = await h.Start(h.Deploy(Inspections("""
            <bpmn:multiInstanceLoopCharacteristics isSequential="true" camunda:collection="${inspectors}" camunda:elementVariable="inspector">
              <bpmn:completionCondition>${found == true}</bpmn:completionCondition>
            </bpmn:multiInstanceLoopCharacteristics>
            """)), new { inspectors = new[] { "alice", "bob", "carol" }, found = false });

        Assert.Equal("alice", h.Task(instance, "visit").Assignee);
        await h.Complete(instance, "visit", Harness.Alice);
        await h.Complete(instance, "write", Harness.Alice, new { found = true });

        Assert.Equal(["report"], Harness.Active(instance));
        Assert.Contains("inspection", h.Events(instance, "loopCompleted"));
    }

    [Fact]
    public async Task AnInterruptingTimerOnAMultiInstanceSubProcess_StopsEveryInstance()
    {
        var h = new Harness();
        var instance = await h.Start(h.Deploy(Inspections(
            """<bpmn:multiInstanceLoopCharacteristics><bpmn:loopCardinality>3</bpmn:loopCardinality></bpmn:multiInstanceLoopCharacteristics>""",
            """<bpmn:boundaryEvent id="overdue" attachedToRef="inspection"><bpmn:timerEventDefinition><bpmn:timeDuration>P5D</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:boundaryEvent>""")),
            new { inspector = "carol" });
        Assert.Equal(3, instance.Tasks.Count(t => t.ElementId == "visit"));

        await h.Advance(TimeSpan.FromDays(5));

        Assert.Equal(["late"], Harness.Active(instance));
    }
}
