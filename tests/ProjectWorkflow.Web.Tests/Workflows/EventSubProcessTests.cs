using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ProjectWorkflow.Web.Tests.Fixtures;
using static ProjectWorkflow.Web.Tests.Workflows.WorkflowApi;

namespace ProjectWorkflow.Web.Tests.Workflows;

/// <summary>An event sub-process deployed through the API waits in the database between commands and starts when its signal comes.</summary>
[Collection(PortalAppCollection.Name)]
public sealed class EventSubProcessTests(PortalApp app)
{
    [Fact]
    public async Task AProcessLevelSignalEventSubProcess_StartsBesideTheRunningTask_AfterBeingStoredAndReloaded()
    {
        using var admin = await app.CreateClientForAsync("admin1");
        var suffix = Guid.NewGuid().ToString("N");
        var name = $"rules.changed-{suffix}";
        Assert.Equal(HttpStatusCode.Created, (await DeployAsync(admin, $"""
            <?xml version="1.0" encoding="UTF-8"?>
            <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="d" targetNamespace="t">
              <signal id="changed" name="{name}" />
              <process id="watched-{suffix}" isExecutable="true">
                <startEvent id="start" />
                <userTask id="work" camunda:assignee="admin1" />
                <endEvent id="end" />
                <sequenceFlow id="f1" sourceRef="start" targetRef="work" />
                <sequenceFlow id="f2" sourceRef="work" targetRef="end" />
                <subProcess id="onChange" triggeredByEvent="true">
                  <startEvent id="changedStart" isInterrupting="false"><signalEventDefinition signalRef="changed" /></startEvent>
                  <userTask id="recheck" camunda:assignee="admin1" />
                  <endEvent id="rechecked" />
                  <sequenceFlow id="e1" sourceRef="changedStart" targetRef="recheck" />
                  <sequenceFlow id="e2" sourceRef="recheck" targetRef="rechecked" />
                </subProcess>
              </process>
            </definitions>
            """)).StatusCode);
        var id = await StartAsync(admin, $"watched-{suffix}");

        var response = await PostAsync(admin, "/api/signals", new { name });

        Assert.Equal(1, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("reached").GetInt32());
        var tasks = (await TasksAsync(admin, "mine", id)).Select(t => t.GetProperty("elementId").GetString()!).Order().ToArray();
        Assert.Equal(["recheck", "work"], tasks);
    }
}
