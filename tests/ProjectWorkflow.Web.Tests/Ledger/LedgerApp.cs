using MassTransit;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using ProjectWorkflow.Web.Tests.Messaging;

namespace ProjectWorkflow.Web.Tests.Ledger;

/// <summary>
/// The app on the in-memory bus with the treasury simulator switched off: the tests play the bank, answering
/// each payment order with <see cref="AnswerAsync"/> (confirmed or rejected, whichever the story needs).
/// </summary>
public sealed class LedgerApp : MessagingApp
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        // Read while services are registered, so it goes in as a host setting rather than app configuration.
        builder.UseSetting("Treasury:Simulator:Enabled", "false");
        builder.ConfigureAppConfiguration((_, config) => config.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Messaging:Outbox:PollIntervalMs"] = "100",
        }));
    }

    /// <summary>The bank's answer to an order, as a real treasury adapter would publish it.</summary>
    public Task AnswerAsync(object answer) => Services.GetRequiredService<IBus>().Publish(answer);
}

[CollectionDefinition(Name)]
public sealed class LedgerAppCollection : ICollectionFixture<LedgerApp>
{
    public const string Name = "ledger app";
}
