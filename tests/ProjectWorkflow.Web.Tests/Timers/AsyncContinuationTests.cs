using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ProjectWorkflow.Web.Tests.Fixtures;
using static ProjectWorkflow.Web.Tests.Workflows.WorkflowApi;

namespace ProjectWorkflow.Web.Tests.Timers;

/// <summary>
/// camunda:asyncBefore / asyncAfter over HTTP: the command that reaches the node answers at once, and the job Hangfire
/// runs continues the process; a job that keeps failing is tried three times and then listed as an incident.
/// </summary>
[Collection(PortalAppCollection.Name)]
public sealed class AsyncContinuationTests(PortalApp app) : IAsyncLifetime
{
    private HttpClient _admin = null!;

    public async Task InitializeAsync() => _admin = await app.CreateClientForAsync("admin1");

    public Task DisposeAsync()
    {
        _admin.Dispose();
        return Task.CompletedTask;
    }

    private static string Definitions(string key, string body) => $"""
        <?xml version="1.0" encoding="UTF-8"?>
        <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL"
                     xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="d" targetNamespace="t">
          <process id="{key}" isExecutable="true">
        {body}
          </process>
        </definitions>
        """;

    private async Task<string[]> EventsAsync(Guid id, string @event) =>
        (await JournalAsync(_admin, id)).Where(j => j.GetProperty("event").GetString() == @event).Select(j => j.GetProperty("elementId").GetString()!).ToArray();

    [Fact]
    public async Task CompletingATaskWithAsyncAfter_AnswersAtOnce_AndTheJobBringsTheNextTask()
    {
        var key = $"async-{Guid.NewGuid():N}";
        Assert.Equal(HttpStatusCode.Created, (await DeployAsync(_admin, Definitions(key, """
            <startEvent id="start" />
            <userTask id="first" camunda:assignee="admin1" camunda:asyncAfter="true" />
            <userTask id="second" camunda:assignee="admin1" />
            <endEvent id="end" />
            <sequenceFlow id="f1" sourceRef="start" targetRef="first" />
            <sequenceFlow id="f2" sourceRef="first" targetRef="second" />
            <sequenceFlow id="f3" sourceRef="second" targetRef="end" />
            """))).StatusCode);
        var id = await StartAsync(_admin, key);

        await OkAsync(_admin, $"/api/tasks/{await OnlyTaskAsync(_admin, "mine", id, "first")}/complete");

        Assert.Equal(["first"], await EventsAsync(id, "jobCreated"));
        await Eventually.WaitUntilAsync(async () => (await TasksAsync(_admin, "mine", id)).Any(t => t.GetProperty("elementId").GetString() == "second"),
            "the job to take the way out of the first task");
        Assert.Equal(["first"], await EventsAsync(id, "jobExecuted"));
        Assert.Equal("system", (await JournalAsync(_admin, id)).Single(j => j.GetProperty("event").GetString() == "jobExecuted").GetProperty("actor").GetString());
    }

    [Fact]
    public async Task AJobThatKeepsFailing_IsTriedThreeTimes_ThenIsAnIncident_AndARetryWithCorrectedVariablesGoesOn()
    {
        var key = $"async-fail-{Guid.NewGuid():N}";
        Assert.Equal(HttpStatusCode.Created, (await DeployAsync(_admin, Definitions(key, """
            <startEvent id="start" />
            <exclusiveGateway id="route" camunda:asyncBefore="true" />
            <userTask id="big" camunda:assignee="admin1" />
            <userTask id="small" camunda:assignee="admin1" />
            <sequenceFlow id="f1" sourceRef="start" targetRef="route" />
            <sequenceFlow id="f2" sourceRef="route" targetRef="big"><conditionExpression>${amountFen &gt; 100}</conditionExpression></sequenceFlow>
            <sequenceFlow id="f3" sourceRef="route" targetRef="small"><conditionExpression>${amountFen &lt;= 100 &amp;&amp; amountFen &gt; 0}</conditionExpression></sequenceFlow>
            """))).StatusCode);

        // Starting answers 201 although no way out of the gateway will be found: the job meets that, not the start.
        var id = await StartAsync(_admin, key, new { amountFen = 0 });

        await Eventually.WaitUntilAsync(async () => (await EventsAsync(id, "incident")).Length == 1, "three failed tries to become an incident");
        Assert.Equal(3, (await EventsAsync(id, "jobFailed")).Length);
        Assert.Equal("faulted", (await InstanceAsync(_admin, id)).GetProperty("status").GetString());
        var list = await _admin.GetFromJsonAsync<JsonElement>("/api/incidents");
        var incident = list.GetProperty("incidents").EnumerateArray().Single(i => i.GetProperty("instanceId").GetGuid() == id);
        Assert.Equal("route", incident.GetProperty("elementId").GetString());
        Assert.Equal("failedJob", incident.GetProperty("kind").GetString());

        Assert.Equal(HttpStatusCode.OK, (await PostAsync(_admin, $"/api/incidents/{incident.GetProperty("id")}/retry", new { variables = new { amountFen = 500 } })).StatusCode);

        await Eventually.WaitUntilAsync(async () => (await TasksAsync(_admin, "mine", id)).Any(t => t.GetProperty("elementId").GetString() == "big"),
            "the job given back by the retry to route the file");
        Assert.Equal("running", (await InstanceAsync(_admin, id)).GetProperty("status").GetString());
    }
}
