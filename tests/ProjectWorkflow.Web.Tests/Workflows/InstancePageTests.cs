using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ProjectWorkflow.Web.Tests.Fixtures;
using static ProjectWorkflow.Web.Tests.Workflows.WorkflowApi;

namespace ProjectWorkflow.Web.Tests.Workflows;

/// <summary>
/// Staff open an instance in the portal: the page carries what the viewer draws (the instance and its version), the
/// same position as text, the journal, and the incident with a retry button for administrators; staff with no part in
/// it are refused, as by the API.
/// </summary>
[Collection(PortalAppCollection.Name)]
public sealed class InstancePageTests(PortalApp app)
{
    private static string Process(string key) => $$"""
        <?xml version="1.0" encoding="UTF-8"?>
        <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" id="d" targetNamespace="t">
          <process id="{{key}}" name="Viewer test" isExecutable="true">
            <startEvent id="start" />
            <exclusiveGateway id="decide" />
            <userTask id="large" name="Large amount" />
            <endEvent id="end" />
            <sequenceFlow id="f1" sourceRef="start" targetRef="decide" />
            <sequenceFlow id="f2" sourceRef="decide" targetRef="large"><conditionExpression>${amountFen &gt; 100}</conditionExpression></sequenceFlow>
            <sequenceFlow id="f4" sourceRef="large" targetRef="end" />
          </process>
        </definitions>
        """;

    [Fact]
    public async Task Administrator_SeesTheFailedStepAndJournal_AndRetriesFromThePage()
    {
        using var admin = await app.CreateClientForAsync("admin1");
        var key = $"viewer-{Guid.NewGuid():N}";
        Assert.Equal(HttpStatusCode.Created, (await DeployApprovedAsync(admin, Process(key))).StatusCode);
        var started = await admin.PostAsJsonAsync("/api/instances", new { definitionKey = key, businessKey = "VIEW-1", variables = new { } });
        var instance = (await started.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();

        using var portal = await app.CreateSignedInClientAsync("admin1");
        var html = await portal.GetStringAsync($"/portal/instances/{instance}");
        Assert.Contains($"data-instance=\"{instance}\"", html);
        Assert.Contains($"data-key=\"{key}\"", html);
        Assert.Contains("/lib/bpmn-js/bpmn-navigated-viewer.production.min.js", html);
        Assert.Contains("<td>decide</td>", html);     // the incident's element, and the journal's lines
        Assert.Contains("amountFen", html);
        Assert.Contains("<td>start</td>", html);

        var (tokenName, token) = PortalApp.AntiforgeryTokenOf(html);
        var incident = (await admin.GetFromJsonAsync<JsonElement>("/api/incidents")).GetProperty("incidents").EnumerateArray()
            .Single(i => i.GetProperty("instanceId").GetGuid() == instance).GetProperty("id").GetGuid();
        var retried = await portal.PostAsync($"/portal/instances/{instance}/incidents/{incident}/retry", new FormUrlEncodedContent(new Dictionary<string, string> { [tokenName] = token }));
        Assert.Equal(HttpStatusCode.Redirect, retried.StatusCode);
        Assert.Equal($"/portal/instances/{instance}?done=retried", retried.Headers.Location?.OriginalString);
        var journal = await JournalAsync(admin, instance);
        Assert.Contains(journal, line => line.GetProperty("event").GetString() == "retried");
    }

    [Fact]
    public async Task StaffWithNoPartInAnInstance_AreRefusedItsPage()
    {
        using var admin = await app.CreateClientForAsync("admin1");
        var key = $"viewer-{Guid.NewGuid():N}";
        Assert.Equal(HttpStatusCode.Created, (await DeployApprovedAsync(admin, Process(key))).StatusCode);
        var started = await admin.PostAsJsonAsync("/api/instances", new { definitionKey = key, variables = new { amountFen = 500 } });
        var instance = (await started.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();

        using var finance = await app.CreateSignedInClientAsync("finance1");
        var refused = await finance.GetAsync($"/portal/instances/{instance}");
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.DoesNotContain("data-instance", await refused.Content.ReadAsStringAsync());
    }
}
