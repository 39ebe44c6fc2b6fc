using static ProjectWorkflow.Web.Tests.Workflows.WorkflowApi;

namespace ProjectWorkflow.Web.Tests.Operations;

/// <summary>
/// An operator greps one application's story across nodes: what the engine logs while it runs a command carries the
/// process instance and its business key, and a task's button the task too.
/// </summary>
[Collection(Fixtures.PortalAppCollection.Name)]
public sealed class LogScopeTests(OperatedApp app) : IClassFixture<OperatedApp>
{
    [Fact]
    public async Task StartingAProcessAndCompletingItsTask_AreLoggedWithTheInstanceTheBusinessKeyAndTheTask()
    {
        using var admin = await app.CreateClientForAsync("admin1");
        using var applicant = await app.CreateClientForAsync("enterprise1");
        var businessKey = $"LOG-{Guid.NewGuid():N}"[..20];

        var instance = await StartAsync(admin, "general-approval", new { applicant = "enterprise1", amount = 1_200_000 }, businessKey);
        var prepare = await OnlyTaskAsync(applicant, "mine", instance, "prepare");
        await OkAsync(applicant, $"/api/tasks/{prepare}/complete", new { variables = new { projectName = "Line 3 retrofit" } });

        var commands = app.Log.Lines
            .Where(l => l.Message.StartsWith("Workflow command", StringComparison.Ordinal) && Equals(l.Scope.GetValueOrDefault("BusinessKey"), businessKey))
            .ToList();
        Assert.Equal(2, commands.Count);
        Assert.All(commands, line => Assert.Equal(instance, line.Scope["InstanceId"]));
        Assert.DoesNotContain("TaskId", commands[0].Scope.Keys);
        Assert.Equal(prepare, commands[1].Scope["TaskId"]);
    }
}
