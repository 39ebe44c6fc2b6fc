using System.Text.Json.Nodes;
using ProjectWorkflow.Application.Workflows.Instances;
using static ProjectWorkflow.Web.Tests.Workflows.WorkflowApi;

namespace ProjectWorkflow.Web.Tests.Messaging;

/// <summary>BPMN message catch events are correlated from the bus as from <c>POST /api/messages</c>, and a copy of a message acts once.</summary>
[Collection(MessagingAppCollection.Name)]
public sealed class DeliverWorkflowMessageTests(MessagingApp app)
{
    [Fact]
    public async Task AMessageFromTheBus_ResumesTheProcess_AndASecondCopyOfIt_DoesNothing()
    {
        using var admin = await app.CreateClientForAsync("admin1");
        await TestProcesses.DeployAsync(admin, TestProcesses.NudgedTwice);
        var businessKey = $"nudge-{Guid.NewGuid():N}";
        var id = await StartAsync(admin, TestProcesses.NudgedTwice, businessKey: businessKey);
        var nudge = new DeliverWorkflowMessage("test.nudge", businessKey, new JsonObject { ["nudgedBy"] = "bus" });
        var messageId = Guid.NewGuid();

        await app.SendAsync(nudge, DeliverWorkflowMessage.Queue, messageId);
        await Eventually.TrueAsync(async () => Strings((await InstanceAsync(admin, id)).GetProperty("activeElementIds")).SequenceEqual(["secondNudge"]),
            "the first nudge to move the process on");
        await app.SendAsync(nudge, DeliverWorkflowMessage.Queue, messageId);
        await Eventually.TrueAsync(() => Task.FromResult(app.Bus.Consumed<DeliverWorkflowMessage>(m => m.CorrelationKey == businessKey).Count == 2),
            "the copy to be consumed");

        var instance = await InstanceAsync(admin, id);
        Assert.Equal("running", instance.GetProperty("status").GetString());
        Assert.Equal(["secondNudge"], Strings(instance.GetProperty("activeElementIds")));
        Assert.Equal("bus", instance.GetProperty("variables").GetProperty("nudgedBy").GetString());

        await app.SendAsync(nudge, DeliverWorkflowMessage.Queue, Guid.NewGuid());
        await Eventually.TrueAsync(async () => (await InstanceAsync(admin, id)).GetProperty("status").GetString() == "completed",
            "a new nudge to complete the process");
        var journal = await JournalAsync(admin, id);
        Assert.Single(journal, j => j.GetProperty("elementId").GetString() == "firstNudge" && j.GetProperty("event").GetString() == "messageReceived");
        Assert.Single(journal, j => j.GetProperty("elementId").GetString() == "secondNudge" && j.GetProperty("event").GetString() == "messageReceived");
    }
}
