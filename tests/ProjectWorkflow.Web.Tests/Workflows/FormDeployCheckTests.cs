using System.Net.Http.Json;
using System.Text.Json;
using ProjectWorkflow.Web.Tests.Fixtures;
using static ProjectWorkflow.Web.Tests.Workflows.WorkflowApi;

namespace ProjectWorkflow.Web.Tests.Workflows;

/// <summary>Deploying flags a condition that reads a variable no form of the process supplies (and no service task declares).</summary>
[Collection(PortalAppCollection.Name)]
public sealed class FormDeployCheckTests(PortalApp app)
{
    private static string Process(string key, string condition) => $$"""
        <?xml version="1.0" encoding="UTF-8"?>
        <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="d" targetNamespace="t">
          <process id="{{key}}" name="Deploy check" isExecutable="true">
            <startEvent id="start" />
            <userTask id="review" camunda:candidateGroups="district-reviewer" camunda:formRef="general-review" />
            <exclusiveGateway id="decide" default="f4" />
            <userTask id="again" camunda:candidateGroups="district-reviewer" />
            <endEvent id="end" />
            <sequenceFlow id="f1" sourceRef="start" targetRef="review" />
            <sequenceFlow id="f2" sourceRef="review" targetRef="decide" />
            <sequenceFlow id="f3" sourceRef="decide" targetRef="again"><conditionExpression>{{condition}}</conditionExpression></sequenceFlow>
            <sequenceFlow id="f4" sourceRef="decide" targetRef="end" />
            <sequenceFlow id="f5" sourceRef="again" targetRef="end" />
          </process>
        </definitions>
        """;

    private static async Task<string[]> WarningsAsync(HttpResponseMessage deployed) =>
        (await deployed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("warnings").EnumerateArray().Select(w => w.GetString()!).ToArray();

    [Fact]
    public async Task AConditionOnAVariableNoFormSupplies_IsFlagged_AndOneOnAFormField_IsNot()
    {
        using var admin = await app.CreateClientForAsync("admin1");

        var mystery = await WarningsAsync(await DeployAsync(admin, Process($"check-{Guid.NewGuid():N}", "${mystery == 'yes'}")));
        Assert.Contains(mystery, w => w.Contains("'mystery'") && w.Contains("'f3'"));
        // The task without a form is named too: its completion is not checked.
        Assert.Contains(mystery, w => w.Contains("'again'"));

        var known = await WarningsAsync(await DeployAsync(admin, Process($"check-{Guid.NewGuid():N}", "${districtOutcome == 'return'}")));
        Assert.DoesNotContain(known, w => w.Contains("districtOutcome"));
    }

    [Fact]
    public async Task TheShippedWorkflows_HaveAFormForEveryTask_AndNoConditionWithoutASupplier()
    {
        using var admin = await app.CreateClientForAsync("admin1");
        foreach (var file in Directory.EnumerateFiles(Path.Combine(AppContext.BaseDirectory, "workflows"), "*.bpmn"))
        {
            // The same bytes answer the version deployed at start, with the check's findings.
            var warnings = await WarningsAsync(await DeployAsync(admin, await File.ReadAllTextAsync(file)));
            Assert.True(warnings.Length == 0, $"{Path.GetFileName(file)}: {string.Join(" | ", warnings)}");
        }
    }
}
