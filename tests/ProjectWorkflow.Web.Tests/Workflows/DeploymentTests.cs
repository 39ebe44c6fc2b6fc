using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ProjectWorkflow.Web.Tests.Fixtures;
using static ProjectWorkflow.Web.Tests.Workflows.WorkflowApi;

namespace ProjectWorkflow.Web.Tests.Workflows;

/// <summary>An administrator deploys BPMN files; versions are immutable and decided by content.</summary>
[Collection(PortalAppCollection.Name)]
public sealed class DeploymentTests(PortalApp app)
{
    private static string Process(string key, string taskName) => $"""
        <?xml version="1.0" encoding="UTF-8"?>
        <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" id="d" targetNamespace="t">
          <process id="{key}" name="Deploy test" isExecutable="true">
            <startEvent id="start" />
            <userTask id="work" name="{taskName}" />
            <endEvent id="end" />
            <sequenceFlow id="f1" sourceRef="start" targetRef="work" />
            <sequenceFlow id="f2" sourceRef="work" targetRef="end" />
          </process>
        </definitions>
        """;

    [Fact]
    public async Task Deploy_NewBytesMakeVersions_SameBytesAnswerTheExistingOne()
    {
        using var admin = await app.CreateClientForAsync("admin1");
        var key = $"deploy-{Guid.NewGuid():N}";

        var first = await DeployAsync(admin, Process(key, "Work"));
        var again = await DeployAsync(admin, Process(key, "Work"));
        var changed = await DeployAsync(admin, Process(key, "Work, renamed"));

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal(HttpStatusCode.Created, changed.StatusCode);
        var v1 = await first.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(1, v1.GetProperty("version").GetInt32());
        Assert.Equal($"{key}:1", v1.GetProperty("id").GetString());
        Assert.Equal(1, (await again.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("version").GetInt32());
        Assert.Equal(2, (await changed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("version").GetInt32());

        var list = await admin.GetFromJsonAsync<JsonElement[]>("/api/definitions");
        var entry = Assert.Single(list!, d => d.GetProperty("key").GetString() == key);
        Assert.Equal(2, entry.GetProperty("latestVersion").GetInt32());

        var xml = await admin.GetAsync($"/api/definitions/{key}/versions/1");
        Assert.Equal("application/xml", xml.Content.Headers.ContentType?.MediaType);
        Assert.Contains("name=\"Work\"", await xml.Content.ReadAsStringAsync());
        await ProblemAssert.IsProblemAsync(await admin.GetAsync($"/api/definitions/{key}/versions/9"), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Deploy_AnInvalidFile_Is400_ListingEveryProblemWithElementKindAndLine()
    {
        using var admin = await app.CreateClientForAsync("admin1");
        const string xml = """
            <?xml version="1.0" encoding="UTF-8"?>
            <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="d" targetNamespace="t">
              <bpmn:process id="broken" isExecutable="true">
                <bpmn:startEvent id="start" />
                <bpmn:scriptTask id="script" />
                <bpmn:serviceTask id="pay" camunda:type="external" camunda:topic="no.such.topic" />
                <bpmn:exclusiveGateway id="gw" />
                <bpmn:endEvent id="end" />
                <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="script" />
                <bpmn:sequenceFlow id="f2" sourceRef="script" targetRef="pay" />
                <bpmn:sequenceFlow id="f3" sourceRef="pay" targetRef="gw" />
                <bpmn:sequenceFlow id="f4" sourceRef="gw" targetRef="end"><bpmn:conditionExpression>${amount &gt;</bpmn:conditionExpression></bpmn:sequenceFlow>
              </bpmn:process>
            </bpmn:definitions>
            """;

        var response = await DeployAsync(admin, xml);

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest);
        var errors = problem.GetProperty("errors").EnumerateArray().ToList();
        Assert.Contains(errors, e => e.GetProperty("elementId").GetString() == "script" && e.GetProperty("kind").GetString()!.Contains("scriptTask") && e.GetProperty("line").GetInt32() == 5);
        Assert.Contains(errors, e => e.GetProperty("elementId").GetString() == "pay" && e.GetProperty("message").GetString()!.Contains("no.such.topic"));
        Assert.Contains(errors, e => e.GetProperty("elementId").GetString() == "f4");
    }

    [Fact]
    public async Task Deploy_MalformedXml_OrAnEntityBomb_IsRefusedWithAReadableMessage()
    {
        using var admin = await app.CreateClientForAsync("admin1");

        var malformed = await DeployAsync(admin, "<definitions><process id=\"x\">\n<startEvent></definitions>");
        var bomb = await DeployAsync(admin, """<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;">]><definitions>&lol2;</definitions>""");
        var empty = await DeployAsync(admin, "");

        var malformedProblem = await ProblemAssert.IsProblemAsync(malformed, HttpStatusCode.BadRequest);
        Assert.True(malformedProblem.GetProperty("errors")[0].GetProperty("line").GetInt32() > 0);
        var bombProblem = await ProblemAssert.IsProblemAsync(bomb, HttpStatusCode.BadRequest);
        Assert.Contains("DOCTYPE", bombProblem.GetProperty("errors")[0].GetProperty("message").GetString());
        await ProblemAssert.IsProblemAsync(empty, HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Deploy_NeedsAnAdministrator_AndXml()
    {
        using var anonymous = app.CreateAnonymousClient();
        using var reviewer = await app.CreateClientForAsync("reviewer1");
        using var admin = await app.CreateClientForAsync("admin1");

        await ProblemAssert.IsProblemAsync(await DeployAsync(anonymous, Process("x", "y")), HttpStatusCode.Unauthorized);
        await ProblemAssert.IsProblemAsync(await DeployAsync(reviewer, Process("x", "y")), HttpStatusCode.Forbidden);
        await ProblemAssert.IsProblemAsync(await admin.PostAsJsonAsync("/api/definitions", new { xml = "no" }), HttpStatusCode.UnsupportedMediaType);
    }

    [Fact]
    public async Task TheWorkflowsFolder_IsDeployedAtStart()
    {
        using var reviewer = await app.CreateClientForAsync("reviewer1");
        var list = await reviewer.GetFromJsonAsync<JsonElement[]>("/api/definitions");
        Assert.Contains(list!, d => d.GetProperty("key").GetString() == "general-approval" && d.GetProperty("latestVersion").GetInt32() == 1);
    }

    [Fact]
    public async Task Deploy_AFileWithSeveralExecutableProcesses_DeploysEachOfThem()
    {
        using var admin = await app.CreateClientForAsync("admin1");
        var first = $"first-{Guid.NewGuid():N}";
        var second = $"second-{Guid.NewGuid():N}";
        var xml = $"""
            <?xml version="1.0" encoding="UTF-8"?>
            <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" id="d" targetNamespace="t">
              <process id="{first}" isExecutable="true">
                <startEvent id="s1" /><userTask id="t1" /><endEvent id="e1" />
                <sequenceFlow id="a1" sourceRef="s1" targetRef="t1" /><sequenceFlow id="a2" sourceRef="t1" targetRef="e1" />
              </process>
              <process id="{second}" isExecutable="true">
                <startEvent id="s2" /><userTask id="t2" /><endEvent id="e2" />
                <sequenceFlow id="b1" sourceRef="s2" targetRef="t2" /><sequenceFlow id="b2" sourceRef="t2" targetRef="e2" />
              </process>
            </definitions>
            """;

        var deployed = await DeployAsync(admin, xml);

        Assert.Equal(HttpStatusCode.Created, deployed.StatusCode);
        var body = await deployed.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal([first, second], body.GetProperty("processes").EnumerateArray().Select(p => p.GetProperty("key").GetString()));
        var instance = await StartAsync(admin, second);
        await OnlyTaskAsync(admin, "all", instance, "t2");
    }
}
