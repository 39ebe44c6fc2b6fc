using ProjectWorkflow.Engine.Runtime;
using static ProjectWorkflow.Engine.Tests.Runtime.Bpmn;

namespace ProjectWorkflow.Engine.Tests.Runtime;

/// <summary>
/// BPMN 2.0 §10.5.2 conditional events, as Camunda 7 runs them: a catch event goes on as soon as its condition is true
/// (at once when it already is), evaluated again whenever variables change; a non-interrupting boundary fires once per
/// change that leaves it true, an interrupting one stops its activity.
/// </summary>
public class ConditionalEventTests
{
    private static string Condition(string text) =>
        $"""<bpmn:conditionalEventDefinition><bpmn:condition xsi:type="bpmn:tFormalExpression"><![CDATA[{text}]]></bpmn:condition></bpmn:conditionalEventDefinition>""";

    [Fact]
    public async Task ACatchEvent_WaitsUntilTheVariablesMakeItsConditionTrue()
    {
        var h = new Harness();
        var definition = h.Deploy(Process("wait", $"""
            <bpmn:startEvent id="start" />
            <bpmn:intermediateCatchEvent id="budgetReady">{Condition("${budgetFen >= 100000}")}</bpmn:intermediateCatchEvent>
            <bpmn:userTask id="allocate" />
            """ + Flow("f1", "start", "budgetReady") + Flow("f2", "budgetReady", "allocate")));

        var waiting = await h.Start(definition); // budgetFen is not set yet: not met
        var ready = await h.Start(definition, new { budgetFen = 200000 });

        Assert.Equal(["budgetReady"], Harness.Active(waiting));
        Assert.Equal(["allocate"], Harness.Active(ready));

        await h.Act(Actor.System, s => s.SetVariablesAsync(waiting.Id, Harness.ToJson(new { budgetFen = 50000 })!));
        Assert.Equal(["budgetReady"], Harness.Active(waiting));

        await h.Act(Actor.System, s => s.SetVariablesAsync(waiting.Id, Harness.ToJson(new { budgetFen = 150000 })!));
        Assert.Equal(["allocate"], Harness.Active(waiting));
        Assert.Equal(["budgetReady"], h.Events(waiting, "conditionMet"));
    }

    [Fact]
    public async Task BoundaryConditions_OnATask_NonInterruptingOncePerChange_InterruptingStopsIt()
    {
        var h = new Harness();
        var instance = await h.Start(h.Deploy(Process("watch", $"""
            <bpmn:startEvent id="start" />
            <bpmn:userTask id="review" />
            <bpmn:boundaryEvent id="large" attachedToRef="review" cancelActivity="false">{Condition("${amountFen > 1000}")}</bpmn:boundaryEvent>
            <bpmn:boundaryEvent id="withdrawn" attachedToRef="review">{Condition("${withdrawn}")}</bpmn:boundaryEvent>
            <bpmn:userTask id="secondOpinion" />
            <bpmn:userTask id="archive" />
            """ + Flow("f1", "start", "review") + Flow("f2", "large", "secondOpinion") + Flow("f3", "withdrawn", "archive"))),
            new { amountFen = 500, withdrawn = false });
        Assert.Equal(["review"], Harness.Active(instance));

        await h.Act(Actor.System, s => s.SetVariablesAsync(instance.Id, Harness.ToJson(new { amountFen = 5000 })!));
        await h.Act(Actor.System, s => s.SetVariablesAsync(instance.Id, Harness.ToJson(new { note = "unrelated" })!));
        Assert.Equal(2, instance.Tasks.Count(t => t.ElementId == "secondOpinion")); // each change that leaves it true

        await h.Act(Actor.System, s => s.SetVariablesAsync(instance.Id, Harness.ToJson(new { withdrawn = true })!));

        Assert.DoesNotContain(instance.Tasks, t => t.ElementId == "review");
        Assert.Contains(instance.Tasks, t => t.ElementId == "archive");
        Assert.Equal(["review"], h.Events(instance, "interrupted"));
    }
}
