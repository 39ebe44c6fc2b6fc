using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ProjectWorkflow.Web.Tests.Fixtures;
using static ProjectWorkflow.Web.Tests.Workflows.WorkflowApi;

namespace ProjectWorkflow.Web.Tests.Workflows;

/// <summary>An operator finds a stuck process, sees why, retries it after the fix or moves its token (跳转), on the record.</summary>
[Collection(PortalAppCollection.Name)]
public sealed class IncidentTests(PortalApp app)
{
    // A check whose gateway reads 'amountFen', which nobody supplies: the instance faults there.
    private static string Process(string key) => $$"""
        <?xml version="1.0" encoding="UTF-8"?>
        <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" id="d" targetNamespace="t">
          <process id="{{key}}" name="Incident test" isExecutable="true">
            <startEvent id="start" />
            <exclusiveGateway id="decide" />
            <userTask id="large" name="Large amount" />
            <userTask id="small" name="Small amount" />
            <endEvent id="end" />
            <sequenceFlow id="f1" sourceRef="start" targetRef="decide" />
            <sequenceFlow id="f2" sourceRef="decide" targetRef="large"><conditionExpression>${amountFen &gt; 100}</conditionExpression></sequenceFlow>
            <sequenceFlow id="f3" sourceRef="decide" targetRef="small"><conditionExpression>${amountFen &lt;= 100}</conditionExpression></sequenceFlow>
            <sequenceFlow id="f4" sourceRef="large" targetRef="end" />
            <sequenceFlow id="f5" sourceRef="small" targetRef="end" />
          </process>
        </definitions>
        """;

    private async Task<(HttpClient Admin, Guid Instance, JsonElement Incident)> FaultedAsync()
    {
        var admin = await app.CreateClientForAsync("admin1");
        var key = $"incident-{Guid.NewGuid():N}";
        Assert.Equal(HttpStatusCode.Created, (await DeployApprovedAsync(admin, Process(key))).StatusCode);
        var response = await admin.PostAsJsonAsync("/api/instances", new { definitionKey = key, variables = new { } });
        var instance = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var list = await admin.GetFromJsonAsync<JsonElement>("/api/incidents");
        var incident = list.GetProperty("incidents").EnumerateArray().Single(i => i.GetProperty("instanceId").GetGuid() == instance);
        Assert.Contains(list.GetProperty("faultedInstances").EnumerateArray(), f => f.GetProperty("id").GetGuid() == instance);
        return (admin, instance, incident);
    }

    [Fact]
    public async Task AnIncident_IsListedWithItsCause_AndRetriedOnceTheMissingValueIsGiven()
    {
        var (admin, instance, incident) = await FaultedAsync();
        using var _ = admin;
        Assert.Equal("decide", incident.GetProperty("elementId").GetString());
        Assert.Contains("amountFen", incident.GetProperty("message").GetString());

        using var auditor = await app.CreateClientForAsync("auditor1");
        Assert.Equal(HttpStatusCode.OK, (await auditor.GetAsync("/api/incidents")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await PostAsync(auditor, $"/api/incidents/{incident.GetProperty("id")}/retry", new { })).StatusCode);

        var retried = await PostAsync(admin, $"/api/incidents/{incident.GetProperty("id")}/retry", new { variables = new { amountFen = 500 } });
        Assert.Equal(HttpStatusCode.OK, retried.StatusCode);
        Assert.Equal("running", (await retried.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString());
        await OnlyTaskAsync(admin, "all", instance, "large");
        var after = await admin.GetFromJsonAsync<JsonElement>("/api/incidents");
        Assert.DoesNotContain(after.GetProperty("incidents").EnumerateArray(), i => i.GetProperty("instanceId").GetGuid() == instance);
        Assert.Contains(await JournalAsync(admin, instance), j => j.GetProperty("event").GetString() == "retried");
        var audit = await admin.GetFromJsonAsync<JsonElement>($"/api/audit?objectId={instance}&take=50");
        Assert.Contains(audit.GetProperty("entries").EnumerateArray(), e => e.GetProperty("action").GetString() == "workflow.retry-incident");

        // A retry of what is resolved is a conflict, of what does not exist a 404.
        Assert.Equal(HttpStatusCode.Conflict, (await PostAsync(admin, $"/api/incidents/{incident.GetProperty("id")}/retry", new { })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await PostAsync(admin, $"/api/incidents/{Guid.NewGuid()}/retry", new { })).StatusCode);
    }

    [Fact]
    public async Task AStuckToken_IsMovedToAnotherElement_WithAReason_JournaledAndAudited()
    {
        var (admin, instance, _) = await FaultedAsync();
        using var __ = admin;

        var noReason = await PostAsync(admin, $"/api/instances/{instance}/modify", new { cancel = new[] { "decide" }, startBefore = new[] { "small" } });
        Assert.Contains((await ProblemAssert.IsProblemAsync(noReason, HttpStatusCode.BadRequest)).GetProperty("errors").EnumerateArray(),
            e => e.GetProperty("field").GetString() == "reason");
        var nowhere = await PostAsync(admin, $"/api/instances/{instance}/modify", new { cancel = new[] { "decide" }, startBefore = new[] { "nowhere" }, reason = "x" });
        await ProblemAssert.IsProblemAsync(nowhere, HttpStatusCode.BadRequest);

        await OkAsync(admin, $"/api/instances/{instance}/modify",
            new { cancel = new[] { "decide" }, startBefore = new[] { "small" }, reason = "跳转: the amount is known to be small" });

        var state = await InstanceAsync(admin, instance);
        Assert.Equal("running", state.GetProperty("status").GetString());
        Assert.Empty(state.GetProperty("incidents").EnumerateArray());
        await OnlyTaskAsync(admin, "all", instance, "small");
        Assert.Contains(await JournalAsync(admin, instance), j => j.GetProperty("event").GetString() == "modified"
            && j.GetProperty("detail").GetString()!.Contains("the amount is known to be small"));
        var audit = await admin.GetFromJsonAsync<JsonElement>($"/api/audit?objectId={instance}&take=50");
        Assert.Contains(audit.GetProperty("entries").EnumerateArray(), e => e.GetProperty("action").GetString() == "workflow.modify-instance");

        using var approver = await app.CreateClientForAsync("approver1");
        Assert.Equal(HttpStatusCode.Forbidden, (await PostAsync(approver, $"/api/instances/{instance}/modify",
            new { cancel = new[] { "small" }, startBefore = new[] { "large" }, reason = "no" })).StatusCode);
    }
}
