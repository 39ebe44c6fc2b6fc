using System.Text.Json.Nodes;
using ProjectWorkflow.Engine.Runtime;
using ProjectWorkflow.Engine.ServiceTasks;
using static ProjectWorkflow.Engine.Tests.Runtime.Bpmn;

namespace ProjectWorkflow.Engine.Tests.Runtime;

/// <summary>Multi-instance beyond user tasks: service tasks and call activities, parallel or sequential, with a completion condition.</summary>
public class MultiInstanceActivityTests
{
    private sealed class Recording : IServiceTaskHandler
    {
        public List<string> Seen { get; } = [];

        public ValueTask ExecuteAsync(ServiceTaskContext context, CancellationToken cancellationToken)
        {
            Seen.Add($"{context.GetText("district")}#{context.GetVariable<int>("loopCounter")}");
            return ValueTask.CompletedTask;
        }
    }

    [Fact]
    public async Task AParallelMultiInstanceServiceTask_RunsItsHandlerOncePerItem_EachSeeingItsOwnElement()
    {
        var h = new Harness();
        var handler = new Recording();
        h.Handlers.Register("notice.publish", handler);
        var instance = await h.Start(h.Deploy(Process("notify", """
            <bpmn:startEvent id="start" />
            <bpmn:serviceTask id="publish" camunda:type="external" camunda:topic="notice.publish">
              <bpmn:multiInstanceLoopCharacteristics camunda:collection="${districts}" camunda:elementVariable="district" />
            </bpmn:serviceTask>
            <bpmn:userTask id="done" />
            """ + Flow("f1", "start", "publish") + Flow("f2", "publish", "done"))), new { districts = new[] { "pudong", "minhang", "jingan" } });

        Assert.Equal(["pudong#0", "minhang#1", "jingan#2"], handler.Seen);
        Assert.Equal(["done"], Harness.Active(instance));
        Assert.False(instance.Variables.ContainsKey("district")); // the element variable stays local to each instance
    }

    [Fact]
    public async Task ASequentialMultiInstanceCallActivity_CallsOnceAtATime_UntilItsCompletionConditionHolds()
    {
        var h = new Harness();
        h.Deploy(Process("inspection", """
            <bpmn:startEvent id="s" />
            <bpmn:userTask id="inspect" />
            """ + Flow("f1", "s", "inspect")));
        var parent = await h.Start(h.Deploy(Process("round", """
            <bpmn:startEvent id="start" />
            <bpmn:callActivity id="inspections" calledElement="inspection">
              <bpmn:multiInstanceLoopCharacteristics isSequential="true" camunda:collection="${sites}" camunda:elementVariable="site">
                <bpmn:completionCondition>${passed == true}</bpmn:completionCondition>
              </bpmn:multiInstanceLoopCharacteristics>
            </bpmn:callActivity>
            <bpmn:userTask id="report" />
            """ + Flow("f1", "start", "inspections") + Flow("f2", "inspections", "report"))), new { sites = new[] { "A", "B", "C" }, passed = false });

        var first = Assert.Single(h.Store.Instances, i => i.DefinitionKey == "inspection");
        Assert.Equal("A", first.Variables["site"]!.GetValue<string>());

        await h.Complete(first, "inspect", Harness.Alice, new { passed = false });
        var second = Assert.Single(h.Store.Instances, i => i.DefinitionKey == "inspection" && !i.IsEnded);
        Assert.Equal("B", second.Variables["site"]!.GetValue<string>());

        await h.Complete(second, "inspect", Harness.Alice, new { passed = true });

        Assert.Equal(["report"], Harness.Active(parent));
        Assert.Equal(2, h.Store.Instances.Count(i => i.DefinitionKey == "inspection"));
    }
}
