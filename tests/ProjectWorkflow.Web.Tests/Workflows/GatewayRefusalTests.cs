using System.Net;
using System.Text.Json;
using ProjectWorkflow.Web.Tests.Fixtures;
using static ProjectWorkflow.Web.Tests.Workflows.WorkflowApi;

namespace ProjectWorkflow.Web.Tests.Workflows;

/// <summary>
/// A completion that leads to an exclusive gateway none of whose flows can be taken is refused with 422 naming the
/// gateway, as Camunda refuses it: the task stays open and nothing of the command is committed.
/// </summary>
[Collection(PortalAppCollection.Name)]
public sealed class GatewayRefusalTests(PortalApp app)
{
    private static string Process(string key) => $$"""
        <?xml version="1.0" encoding="UTF-8"?>
        <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="d" targetNamespace="t">
          <process id="{{key}}" name="Gateway refusal" isExecutable="true">
            <startEvent id="start" />
            <userTask id="review" />
            <exclusiveGateway id="decide" name="Approved?" />
            <endEvent id="yes" />
            <endEvent id="no" />
            <sequenceFlow id="f1" sourceRef="start" targetRef="review" />
            <sequenceFlow id="f2" sourceRef="review" targetRef="decide" />
            <sequenceFlow id="y" sourceRef="decide" targetRef="yes"><conditionExpression>${approved == true}</conditionExpression></sequenceFlow>
            <sequenceFlow id="n" sourceRef="decide" targetRef="no"><conditionExpression>${approved == false}</conditionExpression></sequenceFlow>
          </process>
        </definitions>
        """;

    [Fact]
    public async Task CompletingIntoAGatewayWithNoWayOut_Is422NamingTheGateway_AndTheTaskStaysOpen()
    {
        using var admin = await app.CreateClientForAsync("admin1");
        var key = $"gateway-{Guid.NewGuid():N}";
        var deployed = await DeployApprovedAsync(admin, Process(key));
        Assert.True(deployed.IsSuccessStatusCode, await deployed.Content.ReadAsStringAsync());
        var instance = await StartAsync(admin, key);
        var review = await OnlyTaskAsync(admin, "all", instance, "review");

        var refused = await PostAsync(admin, $"/api/tasks/{review}/complete", new { variables = new { approved = "maybe" } });

        var problem = await ProblemAssert.IsProblemAsync(refused, HttpStatusCode.UnprocessableEntity);
        Assert.Contains("exclusiveGateway 'decide'", problem.GetProperty("detail").GetString());
        Assert.Equal(review, await OnlyTaskAsync(admin, "all", instance, "review"));
        var state = await InstanceAsync(admin, instance);
        Assert.Equal("running", state.GetProperty("status").GetString());
        Assert.Equal(0, state.GetProperty("incidents").GetArrayLength());

        await OkAsync(admin, $"/api/tasks/{review}/complete", new { variables = new { approved = true } });
        Assert.Equal("completed", (await InstanceAsync(admin, instance)).GetProperty("status").GetString());
    }
}
