using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using static ProjectWorkflow.Web.Tests.Workflows.WorkflowApi;

namespace ProjectWorkflow.Web.Tests.Messaging;

/// <summary>A message throw event leaves through the outbox after its command commits, and resumes the process that waits for it under the same business key.</summary>
[Collection(MessagingAppCollection.Name)]
public sealed class ThrownMessageTests(MessagingApp app)
{
    private static string Definitions(string body) => $"""
        <?xml version="1.0" encoding="UTF-8"?>
        <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" id="d" targetNamespace="t">
        {body}
        </definitions>
        """;

    [Fact]
    public async Task AThrowEventsMessage_ResumesTheReceiveTaskWaitingUnderTheSameBusinessKey()
    {
        using var admin = await app.CreateClientForAsync("admin1");
        var suffix = Guid.NewGuid().ToString("N");
        var name = $"test.handover-{suffix}";
        Assert.Equal(HttpStatusCode.Created, (await DeployAsync(admin, Definitions($"""
            <message id="handover" name="{name}" />
            <process id="receiver-{suffix}" isExecutable="true">
              <startEvent id="start" />
              <receiveTask id="awaitHandover" messageRef="handover" />
              <endEvent id="end" />
              <sequenceFlow id="f1" sourceRef="start" targetRef="awaitHandover" />
              <sequenceFlow id="f2" sourceRef="awaitHandover" targetRef="end" />
            </process>
            """))).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await DeployAsync(admin, Definitions($"""
            <message id="handover" name="{name}" />
            <process id="sender-{suffix}" isExecutable="true">
              <startEvent id="start" />
              <intermediateThrowEvent id="handOver"><messageEventDefinition messageRef="handover" /></intermediateThrowEvent>
              <endEvent id="end" />
              <sequenceFlow id="f1" sourceRef="start" targetRef="handOver" />
              <sequenceFlow id="f2" sourceRef="handOver" targetRef="end" />
            </process>
            """))).StatusCode);
        var businessKey = $"file-{suffix}";
        var receiver = await StartAsync(admin, $"receiver-{suffix}", businessKey: businessKey);
        var other = await StartAsync(admin, $"receiver-{suffix}", businessKey: $"other-{suffix}");

        var started = await admin.PostAsJsonAsync("/api/instances", new { definitionKey = $"sender-{suffix}", businessKey, variables = new { } });
        Assert.Equal(HttpStatusCode.Created, started.StatusCode);
        var sender = (await started.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();

        Assert.Equal("completed", (await InstanceAsync(admin, sender)).GetProperty("status").GetString());
        await Eventually.TrueAsync(async () => (await InstanceAsync(admin, receiver)).GetProperty("status").GetString() == "completed",
            "the thrown message to reach the receiver through the outbox");
        Assert.Equal("running", (await InstanceAsync(admin, other)).GetProperty("status").GetString());
        Assert.Contains(await JournalAsync(admin, sender), j => j.GetProperty("event").GetString() == "messageSent");
    }
}
