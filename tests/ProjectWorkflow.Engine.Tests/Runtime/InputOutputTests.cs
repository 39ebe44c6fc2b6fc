using ProjectWorkflow.Engine.Runtime;
using ProjectWorkflow.Engine.ServiceTasks;
using static ProjectWorkflow.Engine.Tests.Runtime.Bpmn;

namespace ProjectWorkflow.Engine.Tests.Runtime;

/// <summary>
/// camunda:inputOutput as Camunda 7 runs it: input parameters are the activity's own variables while it runs (gone
/// after), output parameters set process variables as it completes; values are text, expressions, lists and maps.
/// </summary>
public class InputOutputTests
{
    private sealed class Recording : IServiceTaskHandler
    {
        public List<string> Seen { get; } = [];

        public ValueTask ExecuteAsync(ServiceTaskContext context, CancellationToken cancellationToken)
        {
            Seen.Add($"{context.GetText("recipient")}:{context.GetVariable("amountYuan")}");
            context.SetVariable("receipt", System.Text.Json.Nodes.JsonValue.Create("R-1"));
            return ValueTask.CompletedTask;
        }
    }

    [Fact]
    public async Task AServiceTasksInputs_AreSeenByItsHandler_AndItsOutputsSetProcessVariables()
    {
        var h = new Harness();
        var handler = new Recording();
        h.Handlers.Register("notice.publish", handler);
        var instance = await h.Start(h.Deploy(Process("notify", """
            <bpmn:startEvent id="start" />
            <bpmn:serviceTask id="publish" camunda:type="external" camunda:topic="notice.publish">
              <bpmn:extensionElements>
                <camunda:inputOutput>
                  <camunda:inputParameter name="recipient">${applicant.name}</camunda:inputParameter>
                  <camunda:inputParameter name="amountYuan">${amountFen / 100}</camunda:inputParameter>
                  <camunda:outputParameter name="noticeReceipt">${receipt}</camunda:outputParameter>
                  <camunda:outputParameter name="sentTo">to ${recipient}</camunda:outputParameter>
                </camunda:inputOutput>
              </bpmn:extensionElements>
            </bpmn:serviceTask>
            <bpmn:userTask id="done" />
            """ + Flow("f1", "start", "publish") + Flow("f2", "publish", "done"))),
            new { applicant = new { name = "Acme" }, amountFen = 150000 });

        Assert.Equal(["Acme:1500"], handler.Seen);
        Assert.Equal("R-1", instance.Variables["noticeReceipt"]!.GetValue<string>());
        Assert.Equal("to Acme", instance.Variables["sentTo"]!.GetValue<string>());
        // The inputs were the task's own: the process does not keep them.
        Assert.False(instance.Variables.ContainsKey("recipient"));
        Assert.False(instance.Variables.ContainsKey("amountYuan"));
    }

    [Fact]
    public async Task AUserTasksInput_DecidesItsAssignee_AndAnOutputRenamesWhatTheCompletionSet()
    {
        var h = new Harness();
        var instance = await h.Start(h.Deploy(Process("review", """
            <bpmn:startEvent id="start" />
            <bpmn:userTask id="check" camunda:assignee="${reviewer}">
              <bpmn:extensionElements>
                <camunda:inputOutput>
                  <camunda:inputParameter name="reviewer">bob</camunda:inputParameter>
                  <camunda:outputParameter name="checkOutcome">${decision}</camunda:outputParameter>
                </camunda:inputOutput>
              </bpmn:extensionElements>
            </bpmn:userTask>
            <bpmn:userTask id="next" />
            """ + Flow("f1", "start", "check") + Flow("f2", "check", "next"))));

        Assert.Equal("bob", h.Task(instance, "check").Assignee);
        await h.Complete(instance, "check", Harness.Bob, new { decision = "approve" });

        Assert.Equal("approve", instance.Variables["checkOutcome"]!.GetValue<string>());
        Assert.False(instance.Variables.ContainsKey("reviewer"));
        Assert.Equal(["next"], Harness.Active(instance));
    }

    [Fact]
    public async Task ASubProcessesInputs_AreSeenInsideIt_AsListsAndMaps()
    {
        var h = new Harness();
        var instance = await h.Start(h.Deploy(Process("route", """
            <bpmn:startEvent id="start" />
            <bpmn:subProcess id="checks">
              <bpmn:extensionElements>
                <camunda:inputOutput>
                  <camunda:inputParameter name="limits">
                    <camunda:map>
                      <camunda:entry key="small">${100}</camunda:entry>
                      <camunda:entry key="districts"><camunda:list><camunda:value>pudong</camunda:value><camunda:value>${district}</camunda:value></camunda:list></camunda:entry>
                    </camunda:map>
                  </camunda:inputParameter>
                  <camunda:outputParameter name="checkedDistricts">${limits.districts}</camunda:outputParameter>
                </camunda:inputOutput>
              </bpmn:extensionElements>
              <bpmn:startEvent id="cs" />
              <bpmn:exclusiveGateway id="size" default="big" />
              <bpmn:userTask id="quick" />
              <bpmn:userTask id="thorough" />
            """ + Flow("c1", "cs", "size") + Flow("small", "size", "quick", "${amount <= limits.small}") + Flow("big", "size", "thorough") + """
            </bpmn:subProcess>
            <bpmn:userTask id="after" />
            """ + Flow("f1", "start", "checks") + Flow("f2", "checks", "after"))), new { amount = 80, district = "minhang" });

        Assert.Equal(["quick"], Harness.Active(instance));
        await h.Complete(instance, "quick", Harness.Alice);

        Assert.Equal(["after"], Harness.Active(instance));
        Assert.Equal("""["pudong","minhang"]""", instance.Variables["checkedDistricts"]!.ToJsonString());
        Assert.False(instance.Variables.ContainsKey("limits"));
    }

    [Fact]
    public void AParameterScriptInJavaScript_IsRefusedNamingTheTask()
    {
        var result = new Harness().Engine.Compile(System.Text.Encoding.UTF8.GetBytes(Process("p", """
            <bpmn:startEvent id="start" />
            <bpmn:userTask id="t">
              <bpmn:extensionElements>
                <camunda:inputOutput>
                  <camunda:inputParameter name="x"><camunda:script scriptFormat="javascript">1 + 1</camunda:script></camunda:inputParameter>
                </camunda:inputOutput>
              </bpmn:extensionElements>
            </bpmn:userTask>
            """ + Flow("f1", "start", "t"))));

        Assert.Contains(result.Problems, p => p.ElementId == "t" && p.Message.Contains("JUEL", StringComparison.Ordinal));
    }

    [Fact]
    public void AnInputOutputOnAGateway_IsRefusedNamingIt()
    {
        var result = new Harness().Engine.Compile(System.Text.Encoding.UTF8.GetBytes(Process("p", """
            <bpmn:startEvent id="start" />
            <bpmn:parallelGateway id="g">
              <bpmn:extensionElements><camunda:inputOutput><camunda:inputParameter name="x">1</camunda:inputParameter></camunda:inputOutput></bpmn:extensionElements>
            </bpmn:parallelGateway>
            <bpmn:userTask id="t" />
            """ + Flow("f1", "start", "g") + Flow("f2", "g", "t"))));

        Assert.Contains(result.Problems, p => p.ElementId == "g");
    }
}
