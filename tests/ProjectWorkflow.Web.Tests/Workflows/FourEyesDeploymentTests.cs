using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ProjectWorkflow.Web.Tests.Fixtures;
using static ProjectWorkflow.Web.Tests.Funding.FundingApi;
using static ProjectWorkflow.Web.Tests.Workflows.WorkflowApi;

namespace ProjectWorkflow.Web.Tests.Workflows;

/// <summary>
/// A process a scheme runs is a money rule: one administrator cannot replace it alone. Its own app, because the
/// story really does replace tech-upgrade with a bare start → end.
/// </summary>
public sealed class FourEyesDeploymentTests(FundingApp app) : IClassFixture<FundingApp>
{
    private const string BareTechUpgrade = """
        <?xml version="1.0" encoding="UTF-8"?>
        <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" id="bare" targetNamespace="t">
          <process id="tech-upgrade" name="Straight through" isExecutable="true">
            <startEvent id="start" />
            <endEvent id="end" />
            <sequenceFlow id="f" sourceRef="start" targetRef="end" />
          </process>
        </definitions>
        """;

    [Fact]
    public async Task AnAdminDeploysTechUpgradeAsABareStartToEnd_ItRunsOnlyOnceASecondAdminApproves()
    {
        using var admin1 = await app.CreateClientForAsync("admin1");
        using var admin2 = await app.CreateClientForAsync("admin2");
        using var applicant = await app.CreateClientForAsync("enterprise1");
        var shipped = await ActiveVersionAsync(admin1, "tech-upgrade");

        var deployed = await DeployAsync(admin1, BareTechUpgrade);
        Assert.Equal(HttpStatusCode.Created, deployed.StatusCode);
        var body = await deployed.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("pending-approval", body.GetProperty("status").GetString());
        var version = body.GetProperty("version").GetInt32();
        Assert.Equal(shipped, await ActiveVersionAsync(admin1, "tech-upgrade"));
        Assert.Contains((await admin1.GetFromJsonAsync<JsonElement[]>("/api/definitions/pending"))!,
            p => p.GetProperty("key").GetString() == "tech-upgrade" && p.GetProperty("version").GetInt32() == version && p.GetProperty("deployedBy").GetString() == "admin1");

        // A new application still follows the shipped process, and nobody can start the pending one by number.
        var before = await SubmittedInstanceAsync(applicant, admin1, "Before the approval");
        Assert.Equal(shipped, before.GetProperty("version").GetInt32());
        Assert.Equal("running", before.GetProperty("status").GetString());
        await ProblemAssert.IsProblemAsync(await PostAsync(admin1, "/api/instances", new { definitionKey = "tech-upgrade", version, variables = new { } }), HttpStatusCode.NotFound);

        var own = await ProblemAssert.IsProblemAsync(await PostAsync(admin1, $"/api/definitions/tech-upgrade/versions/{version}/approve"), HttpStatusCode.Forbidden);
        Assert.Contains("second administrator", own.GetProperty("detail").GetString());
        await ProblemAssert.IsProblemAsync(await PostAsync(admin1, $"/api/definitions/tech-upgrade/versions/{version}/reject", new { reason = "mine" }), HttpStatusCode.Forbidden);
        Assert.Equal(shipped, await ActiveVersionAsync(admin1, "tech-upgrade"));

        var approved = await PostAsync(admin2, $"/api/definitions/tech-upgrade/versions/{version}/approve");
        Assert.Equal(HttpStatusCode.OK, approved.StatusCode);
        Assert.Equal("admin2", (await approved.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("reviewedBy").GetString());
        Assert.Equal(version, await ActiveVersionAsync(admin1, "tech-upgrade"));
        Assert.DoesNotContain((await admin1.GetFromJsonAsync<JsonElement[]>("/api/definitions/pending"))!, p => p.GetProperty("key").GetString() == "tech-upgrade");

        var after = await SubmittedInstanceAsync(applicant, admin1, "After the approval");
        Assert.Equal(version, after.GetProperty("version").GetInt32());
        Assert.Equal(shipped, (await InstanceAsync(admin1, before.GetProperty("id").GetGuid())).GetProperty("version").GetInt32());
    }

    [Fact]
    public async Task AProcessNoSchemeUses_IsActiveAtOnce_AndARejectedMoneyVersionNeverRuns()
    {
        using var admin1 = await app.CreateClientForAsync("admin1");
        using var admin2 = await app.CreateClientForAsync("admin2");
        var key = $"plain-{Guid.NewGuid():N}";
        var plain = await DeployAsync(admin1, BareTechUpgrade.Replace("\"tech-upgrade\"", $"\"{key}\""));
        Assert.Equal("active", (await plain.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString());

        // A brand-new process no scheme runs, but whose step pays the treasury directly: a side door, so it waits too.
        var sideDoor = await DeployAsync(admin1, $"""
            <?xml version="1.0" encoding="UTF-8"?>
            <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="d" targetNamespace="t">
              <process id="side-door-{Guid.NewGuid():N}" isExecutable="true">
                <startEvent id="start" />
                <serviceTask id="pay" camunda:type="external" camunda:topic="payment.send" />
                <endEvent id="end" />
                <sequenceFlow id="f1" sourceRef="start" targetRef="pay" />
                <sequenceFlow id="f2" sourceRef="pay" targetRef="end" />
              </process>
            </definitions>
            """);
        Assert.Equal("pending-approval", (await sideDoor.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString());

        var payment = await DeployAsync(admin1, BareTechUpgrade.Replace("\"tech-upgrade\"", "\"installment-payment\""));
        var version = (await payment.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("version").GetInt32();
        await ProblemAssert.IsProblemAsync(await PostAsync(admin2, $"/api/definitions/installment-payment/versions/{version}/reject", new { reason = "" }), HttpStatusCode.BadRequest);
        var rejected = await PostAsync(admin2, $"/api/definitions/installment-payment/versions/{version}/reject", new { reason = "Pays without a finance officer's release." });
        Assert.Equal("rejected", (await rejected.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString());
        Assert.NotEqual(version, await ActiveVersionAsync(admin1, "installment-payment"));
        await ProblemAssert.IsProblemAsync(await PostAsync(admin2, $"/api/definitions/installment-payment/versions/{version}/approve"), HttpStatusCode.Conflict);
    }

    private static async Task<int> ActiveVersionAsync(HttpClient admin, string key) =>
        (await admin.GetFromJsonAsync<JsonElement[]>("/api/definitions"))!.Single(d => d.GetProperty("key").GetString() == key).GetProperty("latestVersion").GetInt32();

    private async Task<JsonElement> SubmittedInstanceAsync(HttpClient applicant, HttpClient admin, string name)
    {
        var draft = await SubmitReadyAsync(applicant, "tech-upgrade", Project(name));
        await EnterPoolAsync(app, draft);
        var submitted = await SubmitAsync(applicant, draft.GetProperty("id").GetGuid());
        Assert.True(submitted.IsSuccessStatusCode, await submitted.Content.ReadAsStringAsync());
        var instanceId = (await submitted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("instanceId").GetGuid();
        return await InstanceAsync(admin, instanceId);
    }
}
