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
    public Task StopBrokerAsync() => RabbitMqControlAsync("stop-broker");

    public Task StartBrokerAsync() => RabbitMqControlAsync("start");

    private static async Task RabbitMqControlAsync(string command)
    {
        var script = MessagingEnvironment.RabbitMqControl
            ?? throw new InvalidOperationException($"{MessagingEnvironment.RabbitMqControlVariable} is not set: the test cannot stop and start the broker.");
        var directory = MessagingEnvironment.RabbitMqDirectory
            ?? throw new InvalidOperationException($"{MessagingEnvironment.RabbitMqDirectoryVariable} is not set.");
        var start = new System.Diagnostics.ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(script);
        start.ArgumentList.Add(command);
        start.ArgumentList.Add(directory);
        using var process = System.Diagnostics.Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"rabbitmq.sh {command} exited with {process.ExitCode}: {await output}{await error}");
    }
}

[CollectionDefinition(Name)]
public sealed class MessagingClusterCollection : ICollectionFixture<MessagingCluster>
{
    public const string Name = "messaging cluster";
}
