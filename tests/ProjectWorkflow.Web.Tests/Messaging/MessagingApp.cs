using System.Collections.Concurrent;
using System.Globalization;
using MassTransit;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using ProjectWorkflow.Application.Persistence;
using ProjectWorkflow.Application.Workflows;
using ProjectWorkflow.Application.Workflows.Events;
using ProjectWorkflow.Application.Workflows.Storage;
using ProjectWorkflow.Web.Tests.Fixtures;

namespace ProjectWorkflow.Web.Tests.Messaging;

/// <summary>
/// The app on the in-memory bus with a quick treasury simulator, the bus recorded, and an observer that
/// fails commands on demand (<see cref="RefusingObserver"/>).
/// </summary>
public class MessagingApp : PortalApp
{
    public BusRecorder Bus { get; } = new();

    /// <summary>
    /// Filled by a test consumer of <see cref="ProcessCompleted"/>: the instance's status in the database at the
    /// moment the event arrived. "completed" means the event left after the change it reports was committed.
    /// </summary>
    public ConcurrentDictionary<Guid, string?> StatusWhenCompletionArrived { get; } = new();

    protected virtual double TreasuryFailureRate => 0;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureAppConfiguration((_, config) => config.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Treasury:Simulator:DelayMs"] = "20",
            ["Treasury:Simulator:FailureRate"] = TreasuryFailureRate.ToString(CultureInfo.InvariantCulture),
            ["Messaging:Outbox:PollIntervalMs"] = "200",
        }));
        builder.ConfigureTestServices(services => services.AddScoped<IWorkflowSessionObserver, RefusingObserver>());
    }

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        var bus = Services.GetRequiredService<IBus>();
        bus.ConnectPublishObserver(Bus);
        bus.ConnectSendObserver(Bus);
        bus.ConnectConsumeObserver(Bus);
        var witness = bus.ConnectReceiveEndpoint("test-process-completed-witness", endpoint =>
            endpoint.Handler<ProcessCompleted>(async context =>
                StatusWhenCompletionArrived[context.Message.InstanceId] = await QueryAsync(db => db.Set<InstanceRecord>()
                    .Where(i => i.Id == context.Message.InstanceId).Select(i => i.Status).FirstOrDefaultAsync())));
        await witness.Ready;
    }

    /// <summary>A unit of work on the app's own database, for what the API does not show (outbox rows, treasury records).</summary>
    public async Task<T> QueryAsync<T>(Func<ProjectWorkflowDbContext, Task<T>> query)
    {
        await using var scope = Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<ProjectWorkflowDbContext>());
    }

    public async Task SendAsync<T>(T message, string queue, Guid? messageId = null) where T : class
    {
        var endpoint = await Services.GetRequiredService<IBus>().GetSendEndpoint(new Uri($"queue:{queue}"));
        await endpoint.Send(message, context =>
        {
            if (messageId is { } id) context.MessageId = id;
        });
    }
}

[CollectionDefinition(Name)]
public sealed class MessagingAppCollection : ICollectionFixture<MessagingApp>
{
    public const string Name = "messaging app";
}

/// <summary>The same app with a treasury that rejects every new payment (<c>Treasury:Simulator:FailureRate=1</c>).</summary>
public sealed class RejectingTreasuryApp : MessagingApp
{
    protected override double TreasuryFailureRate => 1;
}

[CollectionDefinition(Name)]
public sealed class RejectingTreasuryAppCollection : ICollectionFixture<RejectingTreasuryApp>
{
    public const string Name = "messaging app, rejecting treasury";
}
