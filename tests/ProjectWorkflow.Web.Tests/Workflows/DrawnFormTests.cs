using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using ProjectWorkflow.Web.Tests.Fixtures;
using static ProjectWorkflow.Web.Tests.Workflows.WorkflowApi;

namespace ProjectWorkflow.Web.Tests.Workflows;

/// <summary>
/// A form drawn with the process in the designer's form editor (<c>pwf:form</c> in the process's extensionElements)
/// is deployed with its version: the task of an instance serves it, completing the task is checked against it, and a
/// broken one is refused naming the task. Saving a draft answers the same check's problems without refusing the draft.
/// </summary>
[Collection(PortalAppCollection.Name)]
public sealed class DrawnFormTests(PortalApp app)
{
    private static string Process(string key, string formId, string components) => $$"""
        <?xml version="1.0" encoding="UTF-8"?>
        <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:camunda="http://camunda.org/schema/1.0/bpmn"
                     xmlns:pwf="urn:projectworkflow:forms:1.0" id="d" targetNamespace="t">
          <process id="{{key}}" name="Drawn form" isExecutable="true">
            <extensionElements>
              <pwf:form>{ "id": "{{formId}}", "type": "default", "schemaVersion": 16, "components": [ {{components}} ] }</pwf:form>
            </extensionElements>
            <startEvent id="start" />
            <userTask id="checkFile" name="Check the file" camunda:assignee="admin1" camunda:formRef="{{formId}}" />
            <endEvent id="end" />
            <sequenceFlow id="f1" sourceRef="start" targetRef="checkFile" />
            <sequenceFlow id="f2" sourceRef="checkFile" targetRef="end" />
          </process>
        </definitions>
        """;

    private const string Verdict = """{ "key": "verdict", "label": "Verdict", "type": "textfield", "validate": { "required": true, "maxLength": 20 } }""";

    [Fact]
    public async Task TheTaskOfAnInstance_ServesTheFormDrawnWithItsVersion_AndItsCompletionIsCheckedAgainstIt()
    {
        using var admin = await app.CreateClientForAsync("admin1");
        var key = $"drawn-{Guid.NewGuid():N}";
        var formId = $"form-{Guid.NewGuid():N}";
        var deployed = await DeployAsync(admin, Process(key, formId, Verdict));
        Assert.True(deployed.StatusCode == HttpStatusCode.Created, await deployed.Content.ReadAsStringAsync());

        var instance = await StartAsync(admin, key);
        var task = await OnlyTaskAsync(admin, "mine", instance, "checkFile");
        var form = await admin.GetFromJsonAsync<JsonElement>($"/api/tasks/{task}/form");
        Assert.Equal(formId, form.GetProperty("formRef").GetString());
        Assert.Equal("verdict", form.GetProperty("schema").GetProperty("components")[0].GetProperty("key").GetString());

        var empty = await PostAsync(admin, $"/api/tasks/{task}/complete", new { variables = new { } });
        var problem = await ProblemAssert.IsProblemAsync(empty, HttpStatusCode.BadRequest);
        var missing = Assert.Single(problem.GetProperty("errors").EnumerateArray());
        Assert.Equal("verdict", missing.GetProperty("field").GetString());
        Assert.Equal("“Verdict”（verdict）为必填项。", missing.GetProperty("messageZh").GetString());

        await OkAsync(admin, $"/api/tasks/{task}/complete", new { variables = new { verdict = "complete" } });
        Assert.Equal("completed", (await InstanceAsync(admin, instance)).GetProperty("status").GetString());
    }

    [Fact]
    public async Task AnInstanceKeepsTheFormOfItsVersion_WhenANewVersionChangesIt()
    {
        using var admin = await app.CreateClientForAsync("admin1");
        var key = $"drawn-{Guid.NewGuid():N}";
        var formId = $"form-{Guid.NewGuid():N}";
        Assert.Equal(HttpStatusCode.Created, (await DeployAsync(admin, Process(key, formId, Verdict))).StatusCode);
        var first = await StartAsync(admin, key);
        const string Reason = """{ "key": "reason", "label": "Reason", "type": "textarea", "validate": { "required": true } }""";
        Assert.Equal(HttpStatusCode.Created, (await DeployAsync(admin, Process(key, formId, Reason))).StatusCode);
        var second = await StartAsync(admin, key);

        var firstTask = await OnlyTaskAsync(admin, "mine", first, "checkFile");
        var secondTask = await OnlyTaskAsync(admin, "mine", second, "checkFile");
        Assert.Equal("verdict", (await admin.GetFromJsonAsync<JsonElement>($"/api/tasks/{firstTask}/form")).GetProperty("schema").GetProperty("components")[0].GetProperty("key").GetString());
        Assert.Equal("reason", (await admin.GetFromJsonAsync<JsonElement>($"/api/tasks/{secondTask}/form")).GetProperty("schema").GetProperty("components")[0].GetProperty("key").GetString());
        await OkAsync(admin, $"/api/tasks/{firstTask}/complete", new { variables = new { verdict = "fine" } });
        var withoutReason = await PostAsync(admin, $"/api/tasks/{secondTask}/complete", new { variables = new { verdict = "fine" } });
        Assert.Equal("reason", Assert.Single((await ProblemAssert.IsProblemAsync(withoutReason, HttpStatusCode.BadRequest))
            .GetProperty("errors").EnumerateArray()).GetProperty("field").GetString());
    }

    [Fact]
    public async Task ABrokenDrawnForm_IsRefusedOnTheTaskThatNamesIt()
    {
        using var admin = await app.CreateClientForAsync("admin1");
        var refused = await DeployAsync(admin, Process($"drawn-{Guid.NewGuid():N}", "broken-form", """{ "key": "verdict", "type": "hologram" }"""));

        var problem = await ProblemAssert.IsProblemAsync(refused, HttpStatusCode.BadRequest);
        var error = Assert.Single(problem.GetProperty("errors").EnumerateArray());
        Assert.Equal("checkFile", error.GetProperty("elementId").GetString());
        Assert.Equal("form", error.GetProperty("kind").GetString());
        Assert.Equal(6, error.GetProperty("line").GetInt32());
    }

    [Fact]
    public async Task ADraftTheEngineWouldRefuse_IsSaved_WithTheProblemsNamingTheirElements()
    {
        using var admin = await app.CreateClientForAsync("admin1");
        var key = $"drawn-{Guid.NewGuid():N}";
        var saved = await admin.PostAsync("/api/definitions/drafts",
            new StringContent(Process(key, "broken-form", """{ "key": "verdict", "type": "hologram" }"""), Encoding.UTF8, "application/xml"));

        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        var body = await saved.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(key, body.GetProperty("key").GetString());
        var error = Assert.Single(body.GetProperty("problems").EnumerateArray());
        Assert.Equal("checkFile", error.GetProperty("elementId").GetString());
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync($"/api/definitions/{key}/draft")).StatusCode);

        var clean = await admin.PostAsync("/api/definitions/drafts",
            new StringContent(Process(key, $"form-{Guid.NewGuid():N}", Verdict), Encoding.UTF8, "application/xml"));
        Assert.Empty((await clean.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("problems").EnumerateArray());
    }
}
