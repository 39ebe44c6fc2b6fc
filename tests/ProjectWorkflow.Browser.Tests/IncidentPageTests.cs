using System.Net.Http.Json;
using Microsoft.Playwright;

namespace ProjectWorkflow.Browser.Tests;

/// <summary>
/// An administrator finds a stuck process on the incidents page, with its cause, and retries it there with the value
/// that was missing; the incident is gone. Its own portal: the administrators' story moves its clock a year on, and
/// the API's tokens are checked against that clock.
/// </summary>
public sealed class IncidentPageTests(BrowserPortal portal) : BrowserStory(portal), IClassFixture<BrowserPortal>
{
    [Fact]
    public async Task AnAdministratorRetriesAnIncidentFromItsPage_WithTheMissingValue()
    {
        var (_, incident) = await FaultedAsync();

        var admin = await portal.SignInAsync("admin1", "/portal/admin/incidents");
        var row = admin.Locator($"tr[data-incident='{incident}']");
        await Assertions.Expect(row).ToContainTextAsync("amountFen");
        await PortalPages.ScreenshotAsync(admin, "admin-incidents");
        Assert.Empty(await PortalPages.SeriousViolationsAsync(admin));
        await row.GetByLabel("更正的变量（JSON，可不填）").FillAsync("{\"amountFen\": 500}");
        await row.GetByRole(AriaRole.Button, new() { Name = "重试 decide" }).ClickAsync();
        await Assertions.Expect(admin.GetByRole(AriaRole.Status)).ToContainTextAsync("已重试，流程状态：running");
        await Assertions.Expect(admin.Locator($"tr[data-incident='{incident}']")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task AnAdministratorMovesAFaultedInstancesToken_WithAReason()
    {
        var (instance, incident) = await FaultedAsync();

        var admin = await portal.SignInAsync("admin1", "/portal/admin/incidents");
        await Assertions.Expect(admin.Locator($"tr[data-instance='{instance}']")).ToHaveCountAsync(1);
        var move = admin.Locator("section[aria-labelledby='move-token']");
        await move.GetByLabel("流程实例编号").FillAsync(instance.ToString());
        await move.GetByLabel("从环节（取消该处的令牌；可不填）").FillAsync("decide");
        await move.GetByLabel("移至环节").FillAsync("small");
        // Without a reason: refused, nothing moves.
        await move.GetByRole(AriaRole.Button, new() { Name = "移动令牌" }).ClickAsync();
        await Assertions.Expect(admin.GetByRole(AriaRole.Alert)).ToContainTextAsync("请填写原因");
        await Assertions.Expect(admin.Locator($"tr[data-incident='{incident}']")).ToHaveCountAsync(1);

        await move.GetByLabel("流程实例编号").FillAsync(instance.ToString());
        await move.GetByLabel("从环节（取消该处的令牌；可不填）").FillAsync("decide");
        await move.GetByLabel("移至环节").FillAsync("small");
        await move.GetByLabel("理由").FillAsync("金额已知为小额，跳转至小额审批");
        await PortalPages.ScreenshotAsync(admin, "admin-incidents-move");
        Assert.Empty(await PortalPages.SeriousViolationsAsync(admin));
        await move.GetByRole(AriaRole.Button, new() { Name = "移动令牌" }).ClickAsync();
        await Assertions.Expect(admin.GetByRole(AriaRole.Status)).ToContainTextAsync("已将令牌从 decide 移至 small");
        await Assertions.Expect(admin.Locator($"tr[data-incident='{incident}']")).ToHaveCountAsync(0);
        await Assertions.Expect(admin.Locator($"tr[data-instance='{instance}']")).ToHaveCountAsync(0);

        using var api = await portal.CreateClientForAsync("admin1");
        var tasks = await api.GetFromJsonAsync<System.Text.Json.JsonElement>($"/api/tasks?scope=all&instanceId={instance}");
        Assert.Contains("\"small\"", tasks.GetRawText());
    }

    /// <summary>A process whose gateway reads 'amountFen', which nobody supplies: it faults there at start.</summary>
    private async Task<(Guid Instance, Guid Incident)> FaultedAsync()
    {
        using var api = await portal.CreateClientForAsync("admin1");
        var key = $"incident-{Guid.NewGuid():N}";
        var xml = $$"""
            <?xml version="1.0" encoding="UTF-8"?>
            <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" id="d" targetNamespace="t">
              <process id="{{key}}" name="Incident page" isExecutable="true">
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
        var deployed = await api.PostAsync("/api/definitions/", new StringContent(xml, System.Text.Encoding.UTF8, "application/xml"));
        Assert.True(deployed.IsSuccessStatusCode, await deployed.Content.ReadAsStringAsync());
        var started = await api.PostAsJsonAsync("/api/instances", new { definitionKey = key, variables = new { } });
        var instance = (await started.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("id").GetGuid();
        var incident = (await api.GetFromJsonAsync<System.Text.Json.JsonElement>("/api/incidents")).GetProperty("incidents").EnumerateArray()
            .Single(i => i.GetProperty("instanceId").GetGuid() == instance).GetProperty("id").GetGuid();

        return (instance, incident);
    }
}
