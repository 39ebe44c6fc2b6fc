using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using static ProjectWorkflow.Web.Tests.Workflows.WorkflowApi;

namespace ProjectWorkflow.Web.Tests.ExternalTasks;

/// <summary>
/// The rest of Camunda 7's external-task routes, as an operator or a worker uses them: the list and one task
/// (<c>GET /engine-rest/external-task</c>, <c>/{id}</c>), locking one task, setting its retries and priority; and
/// <c>camunda:taskPriority</c>, which fetchAndLock with <c>usePriority</c> takes highest first.
/// </summary>
[Collection(ExternalWorkerAppCollection.Name)]
public sealed class ExternalTaskQueryTests(ExternalWorkerApp app)
{
    [Fact]
    public async Task AWorker_ListsTheTasksOfItsTopic_FetchesTheMostUrgentFirst_AndAnOperatorSetsRetriesAndPriority()
    {
        using var admin = await app.CreateClientForAsync("admin1");
        using var worker = app.CreateClientWithToken(await app.TokenForAsync("worker1"));
        var (key, topic, warnings) = await DeployCheckAsync(admin);
        Assert.Contains(warnings, w => w.Contains(topic, StringComparison.Ordinal) && w.Contains("external worker", StringComparison.Ordinal));
        var routine = await StartAsync(admin, key, new { urgency = 1 });
        var urgent = await StartAsync(admin, key, new { urgency = 5 });

        var listed = await ListAsync(worker, $"topicName={topic}&sortBy=taskPriority&sortOrder=desc");
        Assert.Equal([urgent.ToString("D"), routine.ToString("D")], listed.Select(t => t.GetProperty("processInstanceId").GetString()));
        Assert.Equal([5L, 1L], listed.Select(t => t.GetProperty("priority").GetInt64()));
        Assert.All(listed, t => Assert.Equal(JsonValueKind.Null, t.GetProperty("workerId").ValueKind));
        Assert.Equal(2, (await worker.GetFromJsonAsync<JsonElement>($"/engine-rest/external-task/count?topicName={topic}")).GetProperty("count").GetInt32());

        var fetched = await PostAsync(worker, "/engine-rest/external-task/fetchAndLock",
            new { workerId = "w1", maxTasks = 1, usePriority = true, topics = new[] { new { topicName = topic, lockDuration = 60000 } } });
        var first = Assert.Single((await fetched.Content.ReadFromJsonAsync<JsonElement[]>())!);
        Assert.Equal(urgent.ToString("D"), first.GetProperty("processInstanceId").GetString());
        Assert.Equal(5, first.GetProperty("priority").GetInt64());
        var urgentId = first.GetProperty("id").GetString()!;
        var routineId = Assert.Single(await ListAsync(worker, $"topicName={topic}&notLocked=true")).GetProperty("id").GetString()!;
        Assert.Equal(urgentId, Assert.Single(await ListAsync(worker, $"topicName={topic}&locked=true")).GetProperty("id").GetString());
        Assert.Equal(urgentId, Assert.Single(await ListAsync(worker, $"workerId=w1&topicName={topic}")).GetProperty("id").GetString());

        var one = await worker.GetFromJsonAsync<JsonElement>($"/engine-rest/external-task/{urgentId}");
        Assert.Equal("w1", one.GetProperty("workerId").GetString());
        Assert.Equal("check", one.GetProperty("activityId").GetString());
        Assert.Equal(JsonValueKind.String, one.GetProperty("lockExpirationTime").ValueKind);

        // The routine task is raised above the other, then locked by a second worker; a third cannot have it.
        Assert.Equal(HttpStatusCode.NoContent, (await worker.PutAsJsonAsync($"/engine-rest/external-task/{routineId}/priority", new { priority = 9 })).StatusCode);
        Assert.Equal(9, (await worker.GetFromJsonAsync<JsonElement>($"/engine-rest/external-task/{routineId}")).GetProperty("priority").GetInt64());
        Assert.Equal(HttpStatusCode.NoContent, (await PostAsync(worker, $"/engine-rest/external-task/{routineId}/lock", new { workerId = "w2", lockDuration = 60000 })).StatusCode);
        var taken = await PostAsync(worker, $"/engine-rest/external-task/{routineId}/lock", new { workerId = "w3", lockDuration = 60000 });
        Assert.Equal(HttpStatusCode.BadRequest, taken.StatusCode);
        Assert.Equal("application/problem+json", taken.Content.Headers.ContentType?.MediaType);

        // Retries set to 0 raise an incident; set again, the incident is resolved and the task is back for the workers.
        Assert.Equal(HttpStatusCode.NoContent, (await worker.PutAsJsonAsync($"/engine-rest/external-task/{urgentId}/retries", new { retries = 0 })).StatusCode);
        Assert.Equal("faulted", (await InstanceAsync(admin, urgent)).GetProperty("status").GetString());
        Assert.Equal(urgentId, Assert.Single(await ListAsync(worker, $"topicName={topic}&noRetriesLeft=true")).GetProperty("id").GetString());
        Assert.Equal(HttpStatusCode.NoContent, (await worker.PutAsJsonAsync($"/engine-rest/external-task/{urgentId}/retries", new { retries = 2 })).StatusCode);
        var resumed = await InstanceAsync(admin, urgent);
        Assert.Equal("running", resumed.GetProperty("status").GetString());
        Assert.Empty(resumed.GetProperty("incidents").EnumerateArray());
        Assert.Equal(2, (await worker.GetFromJsonAsync<JsonElement>($"/engine-rest/external-task/{urgentId}")).GetProperty("retries").GetInt32());
        var audit = await admin.GetStringAsync($"/api/audit/?objectType=process-instance&objectId={urgent}");
        Assert.Contains("workflow.set-external-task-retries", audit);
    }

    [Fact]
    public async Task BadQueriesAndBodies_AreRefusedNamingTheField_AndAnUnknownTaskIsNotFound()
    {
        using var worker = app.CreateClientWithToken(await app.TokenForAsync("worker1"));

        await AssertFieldAsync(await worker.GetAsync("/engine-rest/external-task?locked=maybe"), "locked");
        await AssertFieldAsync(await worker.GetAsync("/engine-rest/external-task?maxResults=100000"), "maxResults");
        await AssertFieldAsync(await worker.GetAsync("/engine-rest/external-task?sortBy=name"), "sortBy");
        await AssertFieldAsync(await worker.PutAsJsonAsync($"/engine-rest/external-task/{Guid.NewGuid()}/retries", new { retries = -1 }), "retries");
        await AssertFieldAsync(await PostAsync(worker, $"/engine-rest/external-task/{Guid.NewGuid()}/lock", new { workerId = "w", lockDuration = 0 }), "lockDuration");
        Assert.Equal(HttpStatusCode.NotFound, (await worker.GetAsync($"/engine-rest/external-task/{Guid.NewGuid()}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await worker.PutAsJsonAsync($"/engine-rest/external-task/{Guid.NewGuid()}/priority", new { priority = 1 })).StatusCode);
    }

    private static async Task AssertFieldAsync(HttpResponseMessage response, string field)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{(int)response.StatusCode}: {body}");
        Assert.Contains(field, body, StringComparison.Ordinal);
    }

    private static async Task<JsonElement[]> ListAsync(HttpClient client, string query)
    {
        var response = await client.GetAsync($"/engine-rest/external-task?{query}");
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return (await response.Content.ReadFromJsonAsync<JsonElement[]>())!;
    }

    /// <summary>A check done by external workers, its priority the instance's urgency; its own key and topic per test.</summary>
    private static async Task<(string Key, string Topic, string[] Warnings)> DeployCheckAsync(HttpClient admin)
    {
        var suffix = Guid.NewGuid().ToString("N")[..12];
        var key = $"external-priority-{suffix}";
        var topic = $"registry-check-{suffix}";
        var deployed = await DeployAsync(admin, $$"""
            <?xml version="1.0" encoding="UTF-8"?>
            <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:camunda="http://camunda.org/schema/1.0/bpmn"
                         xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI" xmlns:dc="http://www.omg.org/spec/DD/20100524/DC"
                         xmlns:di="http://www.omg.org/spec/DD/20100524/DI" id="defs" targetNamespace="https://example.org/pw">
              <process id="{{key}}" name="Registry check by priority" isExecutable="true">
                <startEvent id="start" />
                <serviceTask id="check" name="Check the registry" camunda:type="external" camunda:topic="{{topic}}" camunda:taskPriority="${urgency}" />
                <endEvent id="checked" />
                <sequenceFlow id="f1" sourceRef="start" targetRef="check" />
                <sequenceFlow id="f2" sourceRef="check" targetRef="checked" />
              </process>
              <bpmndi:BPMNDiagram id="diagram">
                <bpmndi:BPMNPlane id="plane" bpmnElement="{{key}}">
                  <bpmndi:BPMNShape id="start_di" bpmnElement="start"><dc:Bounds x="100" y="100" width="36" height="36" /></bpmndi:BPMNShape>
                  <bpmndi:BPMNShape id="check_di" bpmnElement="check"><dc:Bounds x="190" y="78" width="100" height="80" /></bpmndi:BPMNShape>
                  <bpmndi:BPMNShape id="checked_di" bpmnElement="checked"><dc:Bounds x="350" y="100" width="36" height="36" /></bpmndi:BPMNShape>
                  <bpmndi:BPMNEdge id="f1_di" bpmnElement="f1"><di:waypoint x="136" y="118" /><di:waypoint x="190" y="118" /></bpmndi:BPMNEdge>
                  <bpmndi:BPMNEdge id="f2_di" bpmnElement="f2"><di:waypoint x="290" y="118" /><di:waypoint x="350" y="118" /></bpmndi:BPMNEdge>
                </bpmndi:BPMNPlane>
              </bpmndi:BPMNDiagram>
            </definitions>
            """);
        var body = await deployed.Content.ReadAsStringAsync();
        Assert.True(deployed.StatusCode == HttpStatusCode.Created, $"deploy answered {(int)deployed.StatusCode}: {body}");
        var warnings = JsonDocument.Parse(body).RootElement.TryGetProperty("warnings", out var list) && list.ValueKind == JsonValueKind.Array
            ? list.EnumerateArray().Select(w => w.GetString() ?? "").ToArray()
            : [];
        return (key, topic, warnings);
    }
}
