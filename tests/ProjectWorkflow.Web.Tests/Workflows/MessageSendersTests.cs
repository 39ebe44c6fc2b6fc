using System.Xml.Linq;
using Microsoft.Extensions.DependencyInjection;
using ProjectWorkflow.Application.Workflows.Instances;
using ProjectWorkflow.Web.Tests.Fixtures;

namespace ProjectWorkflow.Web.Tests.Workflows;

/// <summary>Every message a shipped process waits for says who may deliver it; a new one without a declaration fails here.</summary>
[Collection(PortalAppCollection.Name)]
public sealed class MessageSendersTests(PortalApp app)
{
    private static readonly XNamespace Bpmn = "http://www.omg.org/spec/BPMN/20100524/MODEL";

    private static List<string> Names() =>
        Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "workflows"), "*.bpmn")
            .SelectMany(file => XDocument.Load(file).Descendants(Bpmn + "message"))
            .Select(message => (string)message.Attribute("name")!)
            .Distinct().ToList();

    public static TheoryData<string> ShippedMessageNames() => new(Names());

    [Theory]
    [MemberData(nameof(ShippedMessageNames))]
    public void EveryMessageAShippedProcessWaitsFor_HasADeclaredSender(string name)
    {
        var senders = app.Services.GetRequiredService<MessageSenders>();
        Assert.True(senders.IsDeclared(name),
            $"The shipped workflows wait for the message '{name}', but MessageSenders does not say who may deliver it.");
    }

    [Fact]
    public void TheShippedProcesses_WaitForMessages_AndTheSystemDrivesThemAll()
    {
        var names = Names();
        Assert.Contains("payment.settled", names);
        var senders = app.Services.GetRequiredService<MessageSenders>();
        // Each is driven by a use case or the treasury consumer, so no role delivers it through the public route.
        Assert.All(names, name => Assert.Empty(senders.RolesFor(name)));
    }
}
