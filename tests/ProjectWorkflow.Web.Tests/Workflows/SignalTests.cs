using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ProjectWorkflow.Web.Tests.Fixtures;
using static ProjectWorkflow.Web.Tests.Workflows.WorkflowApi;

namespace ProjectWorkflow.Web.Tests.Workflows;

/// <summary><c>POST /api/signals</c>: an administrator's broadcast reaches every instance waiting for the signal and starts the processes with a signal start event of the name.</summary>
[Collection(PortalAppCollection.Name)]
public sealed class SignalTests(PortalApp app)
{
    [Fact]
    public async Task AnAdministratorsSignal_MovesEveryWaitingInstanceOn_AndStartsSignalStartProcesses()
    {
        using var admin = await app.CreateClientForAsync("admin1");
        var suffix = Guid.NewGuid().ToString("N");
        var name = $"window.closed-{suffix}";
        Assert.Equal(HttpStatusCode.Created, (await DeployAsync(admin, $"""
            <?xml version="1.0" encoding="UTF-8"?>
            <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="d" targetNamespace="t">
              <signal id="closed" name="{name}" />
              <process id="waiter-{suffix}" isExecutable="true">
                <startEvent id="start" />
                <intermediateCatchEvent id="untilClosed"><signalEventDefinition signalRef="closed" /></intermediateCatchEvent>
                <userTask id="tally" camunda:assignee="admin1" />
                <sequenceFlow id="f1" sourceRef="start" targetRef="untilClosed" />
                <sequenceFlow id="f2" sourceRef="untilClosed" targetRef="tally" />
              </process>
            </definitions>
            """)).StatusCode);
        var first = await StartAsync(admin, $"waiter-{suffix}");
        var second = await StartAsync(admin, $"waiter-{suffix}");

        Assert.Equal(HttpStatusCode.BadRequest, (await PostAsync(admin, "/api/signals", new { name = "" })).StatusCode);
        var response = await PostAsync(admin, "/api/signals", new { name, variables = new { closedAt = "2026-03-31" } });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(2, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("reached").GetInt32());
        foreach (var id in new[] { first, second })
        {
            Assert.Equal("tally", Assert.Single(await TasksAsync(admin, "mine", id)).GetProperty("elementId").GetString());
            Assert.Contains(await JournalAsync(admin, id), j => j.GetProperty("event").GetString() == "signalReceived");
        }
    }
}
