using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using static ProjectWorkflow.Web.Tests.Workflows.WorkflowApi;

namespace ProjectWorkflow.Web.Tests.ExternalTasks;

/// <summary>
/// Camunda's external-task workers work our topics unchanged: the off-the-shelf Node client
/// (camunda-external-task-client-js, in <c>worker/</c>) fetches, locks and completes a service task over
/// <c>/engine-rest/external-task</c>, signed in as a machine user of the <c>worker</c> role; a failure with no retries
/// left raises an incident, and a BPMN error takes the boundary error event's path.
/// </summary>
[Collection(ExternalWorkerAppCollection.Name)]
public sealed class ExternalTaskWorkerTests(ExternalWorkerApp app)
{
    [Fact]
    public async Task TheCamundaNodeClient_FetchesLocksAndCompletesTheTask_AndTheInstanceMovesOnWithItsVariables()
    {
        using var admin = await app.CreateClientForAsync("admin1");
        var (key, topic) = await DeployCheckAsync(admin);
        var instanceId = await StartAsync(admin, key, new { requestedAmount = 21 });

        var (exitCode, output) = await RunWorkerAsync(topic, workerId: "node-worker-1", await app.TokenForAsync("worker1"));

        Assert.True(exitCode == 0, $"the worker exited {exitCode}:\n{output}");
        Assert.Contains("completed ", output);
        var instance = await InstanceAsync(admin, instanceId);
        Assert.Equal("completed", instance.GetProperty("status").GetString());
        Assert.Contains("checked", Strings(instance.GetProperty("completedElementIds")));
        Assert.Equal("node-worker-1", instance.GetProperty("variables").GetProperty("checkedBy").GetString());
        Assert.Equal(42, instance.GetProperty("variables").GetProperty("score").GetInt32());
        var journal = (await JournalAsync(admin, instanceId)).Select(j => j.GetProperty("event").GetString()).ToList();
        Assert.Contains("externalTaskLocked", journal);
        Assert.Contains("externalTaskCompleted", journal);
    }

    [Fact]
    public async Task AFailureWithNoRetriesLeft_RaisesAnIncident_AndOnlyTheWorkerHoldingTheLockMayReportIt()
    {
        using var admin = await app.CreateClientForAsync("admin1");
        using var worker = app.CreateClientWithToken(await app.TokenForAsync("worker1"));
        var (key, topic) = await DeployCheckAsync(admin);
        var instanceId = await StartAsync(admin, key, new { requestedAmount = 5 });

        var task = Assert.Single(await FetchAsync(worker, topic, "http-worker"));
        Assert.Equal(instanceId.ToString("D"), task.GetProperty("processInstanceId").GetString());
        Assert.Equal("check", task.GetProperty("activityId").GetString());
        Assert.Equal("Integer", task.GetProperty("variables").GetProperty("requestedAmount").GetProperty("type").GetString());
        Assert.Empty(await FetchAsync(worker, topic, "another-worker"));
        var id = task.GetProperty("id").GetString();

        var stranger = await PostAsync(worker, $"/engine-rest/external-task/{id}/failure", new { workerId = "another-worker", errorMessage = "x", retries = 0 });
        Assert.Equal(HttpStatusCode.BadRequest, stranger.StatusCode);
        Assert.Equal("application/problem+json", stranger.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.BadRequest, (await PostAsync(worker, $"/engine-rest/external-task/{id}/failure", new { workerId = "http-worker", retries = -1 })).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await PostAsync(worker, $"/engine-rest/external-task/{id}/extendLock", new { workerId = "http-worker", newDuration = 60000 })).StatusCode);

        var failed = await PostAsync(worker, $"/engine-rest/external-task/{id}/failure",
            new { workerId = "http-worker", errorMessage = "The registry did not answer", errorDetails = "timeout after 30 s", retries = 0, retryTimeout = 0 });

        Assert.Equal(HttpStatusCode.NoContent, failed.StatusCode);
        var instance = await InstanceAsync(admin, instanceId);
        Assert.Equal("faulted", instance.GetProperty("status").GetString());
        var incident = Assert.Single(instance.GetProperty("incidents").EnumerateArray());
        Assert.Contains("The registry did not answer", incident.GetRawText());
        Assert.Empty(await FetchAsync(worker, topic, "http-worker"));
        var audit = await admin.GetStringAsync($"/api/audit/?objectType=process-instance&objectId={instanceId}");
        Assert.Contains("workflow.report-external-task-failure", audit);
    }

    [Fact]
    public async Task ABpmnError_FromTheWorker_TakesTheBoundaryErrorEventsPath()
    {
        using var admin = await app.CreateClientForAsync("admin1");
        using var worker = app.CreateClientWithToken(await app.TokenForAsync("worker1"));
        var (key, topic) = await DeployCheckAsync(admin);
        var instanceId = await StartAsync(admin, key, new { requestedAmount = 5 });
        var id = Assert.Single(await FetchAsync(worker, topic, "http-worker")).GetProperty("id").GetString();

        var raised = await PostAsync(worker, $"/engine-rest/external-task/{id}/bpmnError", new
        {
            workerId = "http-worker", errorCode = "NOT_ELIGIBLE", errorMessage = "The enterprise is not registered in Shanghai",
            variables = new Dictionary<string, object> { ["reason"] = new { value = "not registered", type = "String" } },
        });

        Assert.Equal(HttpStatusCode.NoContent, raised.StatusCode);
        var instance = await InstanceAsync(admin, instanceId);
        Assert.Equal("completed", instance.GetProperty("status").GetString());
        Assert.Contains("notEligibleEnd", Strings(instance.GetProperty("completedElementIds")));
        Assert.DoesNotContain("checked", Strings(instance.GetProperty("completedElementIds")));
        Assert.Equal("not registered", instance.GetProperty("variables").GetProperty("reason").GetString());
    }

    [Fact]
    public async Task AnEnterpriseUser_MayNotWorkExternalTasks()
    {
        using var enterprise = app.CreateClientWithToken(await app.TokenForAsync("enterprise1"));
        var response = await PostAsync(enterprise, "/engine-rest/external-task/fetchAndLock",
            new { workerId = "w", maxTasks = 1, topics = new[] { new { topicName = "any", lockDuration = 1000 } } });
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    private static async Task<JsonElement[]> FetchAsync(HttpClient worker, string topic, string workerId)
    {
        var response = await PostAsync(worker, "/engine-rest/external-task/fetchAndLock",
            new { workerId, maxTasks = 5, usePriority = true, topics = new[] { new { topicName = topic, lockDuration = 30000 } } });
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"fetchAndLock answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return (await response.Content.ReadFromJsonAsync<JsonElement[]>())!;
    }

    /// <summary>A process whose eligibility check is done by an external worker: its own key and topic per test.</summary>
    private static async Task<(string Key, string Topic)> DeployCheckAsync(HttpClient admin)
    {
        var suffix = Guid.NewGuid().ToString("N")[..12];
        var key = $"external-check-{suffix}";
        var topic = $"eligibility-check-{suffix}";
        var deployed = await DeployAsync(admin, $"""
            <?xml version="1.0" encoding="UTF-8"?>
            <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:camunda="http://camunda.org/schema/1.0/bpmn"
                         xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI" xmlns:dc="http://www.omg.org/spec/DD/20100524/DC"
                         xmlns:di="http://www.omg.org/spec/DD/20100524/DI" id="defs" targetNamespace="https://example.org/pw">
              <error id="notEligible" name="Not eligible" errorCode="NOT_ELIGIBLE" />
              <process id="{key}" name="Eligibility check by an external worker" isExecutable="true">
                <startEvent id="start" />
                <serviceTask id="check" name="Check eligibility" camunda:type="external" camunda:topic="{topic}" />
                <boundaryEvent id="rejected" attachedToRef="check"><errorEventDefinition errorRef="notEligible" /></boundaryEvent>
                <endEvent id="checked" />
                <endEvent id="notEligibleEnd" />
                <sequenceFlow id="f1" sourceRef="start" targetRef="check" />
                <sequenceFlow id="f2" sourceRef="check" targetRef="checked" />
                <sequenceFlow id="f3" sourceRef="rejected" targetRef="notEligibleEnd" />
              </process>
              <bpmndi:BPMNDiagram id="diagram">
                <bpmndi:BPMNPlane id="plane" bpmnElement="{key}">
                  <bpmndi:BPMNShape id="start_di" bpmnElement="start"><dc:Bounds x="100" y="100" width="36" height="36" /></bpmndi:BPMNShape>
                  <bpmndi:BPMNShape id="check_di" bpmnElement="check"><dc:Bounds x="190" y="78" width="100" height="80" /></bpmndi:BPMNShape>
                  <bpmndi:BPMNShape id="rejected_di" bpmnElement="rejected"><dc:Bounds x="222" y="140" width="36" height="36" /></bpmndi:BPMNShape>
                  <bpmndi:BPMNShape id="checked_di" bpmnElement="checked"><dc:Bounds x="350" y="100" width="36" height="36" /></bpmndi:BPMNShape>
                  <bpmndi:BPMNShape id="notEligibleEnd_di" bpmnElement="notEligibleEnd"><dc:Bounds x="350" y="220" width="36" height="36" /></bpmndi:BPMNShape>
                  <bpmndi:BPMNEdge id="f1_di" bpmnElement="f1"><di:waypoint x="136" y="118" /><di:waypoint x="190" y="118" /></bpmndi:BPMNEdge>
                  <bpmndi:BPMNEdge id="f2_di" bpmnElement="f2"><di:waypoint x="290" y="118" /><di:waypoint x="350" y="118" /></bpmndi:BPMNEdge>
                  <bpmndi:BPMNEdge id="f3_di" bpmnElement="f3"><di:waypoint x="240" y="176" /><di:waypoint x="240" y="238" /><di:waypoint x="350" y="238" /></bpmndi:BPMNEdge>
                </bpmndi:BPMNPlane>
              </bpmndi:BPMNDiagram>
            </definitions>
            """);
        Assert.True(deployed.StatusCode == HttpStatusCode.Created, $"deploy answered {(int)deployed.StatusCode}: {await deployed.Content.ReadAsStringAsync()}");
        return (key, topic);
    }

    [Fact]
    public async Task TwoNodeWorkersCompete_AndEachTaskIsDoneExactlyOnce()
    {
        using var admin = await app.CreateClientForAsync("admin1");
        var (key, topic) = await DeployCheckAsync(admin);
        var instances = new List<Guid>();
        for (var i = 0; i < 6; i++) instances.Add(await StartAsync(admin, key, new { requestedAmount = i }));
        var token = await app.TokenForAsync("worker1");

        var results = await Task.WhenAll(
            RunWorkerAsync(topic, "node-worker-a", token, mode: "many"),
            RunWorkerAsync(topic, "node-worker-b", token, mode: "many"));

        var output = string.Join("\n", results.Select(r => r.Output));
        Assert.All(results, r => Assert.True(r.ExitCode == 0, $"a worker exited {r.ExitCode}:\n{output}"));
        var completed = output.Split('\n').Where(l => l.StartsWith("completed ", StringComparison.Ordinal)).ToList();
        Assert.Equal(6, completed.Count);
        Assert.Equal(6, completed.Distinct().Count());
        foreach (var id in instances)
        {
            Assert.Equal("completed", (await InstanceAsync(admin, id)).GetProperty("status").GetString());
            Assert.Single(await JournalAsync(admin, id), j => j.GetProperty("event").GetString() == "externalTaskCompleted");
        }
    }

    [Fact]
    public async Task AWorkerKilledWithItsLockHeld_LosesTheTaskToTheOtherOnceTheLockExpires()
    {
        using var admin = await app.CreateClientForAsync("admin1");
        var (key, topic) = await DeployCheckAsync(admin);
        var instanceId = await StartAsync(admin, key, new { requestedAmount = 4 });
        var token = await app.TokenForAsync("worker1");

        // The first worker locks the task for 3 s and dies holding it.
        var (hanging, _) = await RunWorkerAsync(topic, "node-worker-dies", token, mode: "hang", lockMilliseconds: 3000, killWhen: "locked ");
        Assert.NotEqual(0, hanging);
        Assert.Equal("running", (await InstanceAsync(admin, instanceId)).GetProperty("status").GetString());

        var (exitCode, output) = await RunWorkerAsync(topic, "node-worker-survives", token);

        Assert.True(exitCode == 0, $"the second worker exited {exitCode}:\n{output}");
        var instance = await InstanceAsync(admin, instanceId);
        Assert.Equal("completed", instance.GetProperty("status").GetString());
        Assert.Equal("node-worker-survives", instance.GetProperty("variables").GetProperty("checkedBy").GetString());
        var locks = (await JournalAsync(admin, instanceId)).Where(j => j.GetProperty("event").GetString() == "externalTaskLocked")
            .Select(j => j.GetProperty("detail").GetString()).ToList();
        Assert.Equal(["node-worker-dies", "node-worker-survives"], locks);
    }

    /// <summary>
    /// Runs <c>worker/worker.mjs</c> with node until it exits (at most 90 s), or kills it once its output shows
    /// <paramref name="killWhen"/>; its output for the assertion message.
    /// </summary>
    private async Task<(int ExitCode, string Output)> RunWorkerAsync(string topic, string workerId, string token, string mode = "one",
        int lockMilliseconds = 30000, string? killWhen = null)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("PW_NODE") ?? "node", "worker.mjs")
        {
            WorkingDirectory = WorkerDirectory(),
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["PW_BASE_URL"] = app.Address.ToString().TrimEnd('/');
        start.Environment["PW_TOKEN"] = token;
        start.Environment["PW_TOPIC"] = topic;
        start.Environment["PW_WORKER_ID"] = workerId;
        start.Environment["PW_MODE"] = mode;
        start.Environment["PW_LOCK_MS"] = lockMilliseconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        using var node = Process.Start(start)!;
        if (killWhen is not null)
        {
            var seen = new System.Text.StringBuilder();
            using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            while (await node.StandardOutput.ReadLineAsync(wait.Token) is { } line)
            {
                seen.AppendLine(line);
                if (line.StartsWith(killWhen, StringComparison.Ordinal)) break;
            }
            node.Kill(entireProcessTree: true);
            await node.WaitForExitAsync();
            return (node.ExitCode, seen + await node.StandardError.ReadToEndAsync());
        }
        var stdout = node.StandardOutput.ReadToEndAsync();
        var stderr = node.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        try
        {
            await node.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            node.Kill(entireProcessTree: true);
            await node.WaitForExitAsync();
        }
        return (node.ExitCode, $"{await stdout}\n{await stderr}");
    }

    /// <summary>The worker's folder in the source tree (its node_modules are installed there by the test project's build).</summary>
    private static string WorkerDirectory()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "tests", "ProjectWorkflow.Web.Tests", "ExternalTasks", "worker");
            if (File.Exists(Path.Combine(candidate, "worker.mjs"))) return candidate;
        }
        throw new DirectoryNotFoundException("tests/ProjectWorkflow.Web.Tests/ExternalTasks/worker was not found above the test's output folder.");
    }
}
