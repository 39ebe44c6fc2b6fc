namespace ProjectWorkflow.Cluster.Tests.Operations;

/// <summary>
/// Two nodes configured as an operator configures a cluster: one audit key and one token key on both, uploads in a
/// shared folder, a short outbox lease (a dead node's claims expire quickly), an Idempotency-Key reserved by a request
/// the kill cut off free again after 10 s, and a bank that answers in half a second; on the rehearsal clock
/// (<see cref="RehearsalTime"/>) that lets the run live through the public notice and past the year's end.
/// </summary>
public sealed class LifecycleCluster() : TwoNodes("lifecycle")
{
    private static readonly string AuditKey = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));

    public string SharedDirectory { get; } = Path.Combine(Path.GetTempPath(), "projectworkflow-lifecycle-shared", Guid.NewGuid().ToString("N"));

    public RehearsalTime Time { get; } = new();

    protected override IReadOnlyDictionary<string, string> Tuning => new Dictionary<string, string>(Time.Settings)
    {
        ["Idempotency__AbandonedAfterSeconds"] = "10",
        ["Audit__CurrentKeyId"] = "cluster",
        ["Audit__Keys__cluster"] = AuditKey,
        ["Storage__SharedDirectory"] = SharedDirectory,
        ["Messaging__Outbox__LeaseSeconds"] = "3",
        ["Treasury__Simulator__DelayMs"] = "500",
    };

    protected override ValueTask AfterNodesStoppedAsync()
    {
        Time.Dispose();
        try
        {
            if (Directory.Exists(SharedDirectory)) Directory.Delete(SharedDirectory, recursive: true);
        }
        catch (IOException)
        {
            // Left in the temp folder: harmless.
        }
        return ValueTask.CompletedTask;
    }
}

[CollectionDefinition(Name)]
public sealed class LifecycleClusterCollection : ICollectionFixture<LifecycleCluster>
{
    public const string Name = "lifecycle cluster";
}
