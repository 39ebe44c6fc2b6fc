using Npgsql;
using ProjectWorkflow.Cluster.Tests.Messaging;

namespace ProjectWorkflow.Cluster.Tests.Operations;

/// <summary>
/// Two nodes on PostgreSQL and RabbitMQ whose database and broker the tests stop and start under them (through the
/// scripts test.sh started them with), with a witness on the broker. Tuned as an operator would for quick recovery:
/// a short Retry-After, outbox retries every 2 s at most, a short lease, and a reservation of an Idempotency-Key
/// abandoned by a request the outage cut off expires after 10 s. Uploads are kept in the database (the default on
/// PostgreSQL): the nodes share no folder.
/// </summary>
public sealed class OutageCluster() : TwoNodes("outage")
{
    public const int RetryAfterSeconds = 2;

    private static readonly string AuditKey = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));

    public BusWitness Witness { get; private set; } = null!;

    /// <summary>The rehearsal clock (<see cref="RehearsalTime"/>) that lets the run live through the public notice and past the year's end.</summary>
    public RehearsalTime Time { get; } = new();

    protected override IReadOnlyDictionary<string, string> Tuning => new Dictionary<string, string>(Time.Settings)
    {
        ["Audit__CurrentKeyId"] = "cluster",
        ["Audit__Keys__cluster"] = AuditKey,
        ["Database__RetryAfterSeconds"] = RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Idempotency__AbandonedAfterSeconds"] = "10",
        ["Messaging__Outbox__LeaseSeconds"] = "3",
        ["Messaging__Outbox__MaxBackoffSeconds"] = "2",
        ["Messaging__Outbox__PublishTimeoutSeconds"] = "3",
        ["Treasury__Simulator__DelayMs"] = "300",
        ["Auth__SessionCheckSeconds"] = "0",
    };

    protected override async Task BeforeNodesAsync() => Witness = await BusWitness.StartAsync(MessagingEnvironment.RabbitMq!);

    protected override async ValueTask AfterNodesStoppedAsync()
    {
        if (Witness is not null) await Witness.DisposeAsync();
        Time.Dispose();
    }

    /// <summary><c>pg_ctl restart -m immediate</c>: every connection is cut, the server recovers and is back in a moment.</summary>
    public async Task RestartDatabaseAsync()
    {
        await ServiceControl.PostgresAsync("restart-immediate");
        // This test process's own pooled connections died with the server.
        NpgsqlConnection.ClearAllPools();
    }

    /// <summary>Stops PostgreSQL as a crash would; it stays down until <see cref="StartDatabaseAsync"/>.</summary>
    public Task StopDatabaseAsync() => ServiceControl.PostgresAsync("stop-immediate");

    public async Task StartDatabaseAsync()
    {
        await ServiceControl.PostgresAsync("start");
        NpgsqlConnection.ClearAllPools();
    }

    public Task StopBrokerAsync() => ServiceControl.RabbitMqAsync("stop-broker");

    public Task StartBrokerAsync() => ServiceControl.RabbitMqAsync("start");
}

[CollectionDefinition(Name)]
public sealed class OutageClusterCollection : ICollectionFixture<OutageCluster>
{
    public const string Name = "outage cluster";
}

/// <summary>
/// An outage test: needs RabbitMQ and PostgreSQL and the scripts that stop and start them (test.sh sets all four);
/// skipped, saying so, without them.
/// </summary>
public sealed class OutageFactAttribute : FactAttribute
{
    public OutageFactAttribute()
    {
        if (!MessagingEnvironment.HasRabbitMq || MessagingEnvironment.Postgres is null || !ServiceControl.CanControlPostgres || !ServiceControl.CanControlRabbitMq
            || string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(ClusterDatabase.ConnectionVariable)))
            Skip = $"Needs PostgreSQL and RabbitMQ that the test may stop and start: {MessagingEnvironment.RabbitMqVariable}, {MessagingEnvironment.PostgresVariable}, "
                + $"{ServiceControl.PostgresControlVariable}/{ServiceControl.PostgresDirectoryVariable} and {ServiceControl.RabbitMqControlVariable}/{ServiceControl.RabbitMqDirectoryVariable}, and {ClusterDatabase.ConnectionVariable} for the backup's copy (infra/scripts/test.sh sets them).";
    }
}
