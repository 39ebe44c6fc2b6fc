namespace ProjectWorkflow.Cluster.Tests.Messaging;

/// <summary>
/// Two nodes on one real RabbitMQ, a quick simulated bank, quick outbox recovery after the broker comes back, plus a
/// <see cref="BusWitness"/> on that broker; the broker can be stopped and started under the nodes.
/// </summary>
public sealed class MessagingCluster() : TwoNodes("messaging")
{
    public BusWitness Witness { get; private set; } = null!;

    protected override IReadOnlyDictionary<string, string> Tuning => new Dictionary<string, string>
    {
        // Quick recovery after the broker comes back, and no long waits on a broker that is gone.
        ["Messaging__Outbox__MaxBackoffSeconds"] = "2",
        ["Messaging__Outbox__PublishTimeoutSeconds"] = "3",
        ["Treasury__Simulator__DelayMs"] = "300",
    };

    protected override async Task BeforeNodesAsync() => Witness = await BusWitness.StartAsync(MessagingEnvironment.RabbitMq!);

    protected override async ValueTask AfterNodesStoppedAsync()
    {
        if (Witness is not null) await Witness.DisposeAsync();
    }

    /// <summary>Stops RabbitMQ (the nodes keep serving HTTP and keep their messages in the outbox).</summary>
    public Task StopBrokerAsync() => ServiceControl.RabbitMqAsync("stop-broker");

    public Task StartBrokerAsync() => ServiceControl.RabbitMqAsync("start");
}

[CollectionDefinition(Name)]
public sealed class MessagingClusterCollection : ICollectionFixture<MessagingCluster>
{
    public const string Name = "messaging cluster";
}
