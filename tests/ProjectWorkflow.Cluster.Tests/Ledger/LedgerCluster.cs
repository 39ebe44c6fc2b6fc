namespace ProjectWorkflow.Cluster.Tests.Ledger;

/// <summary>
/// Two nodes with a slow simulated bank (3 s per answer) and a short outbox lease, so a test can kill node A while
/// its payment is between the treasury and the confirmation.
/// </summary>
public sealed class LedgerCluster() : TwoNodes("ledger")
{
    protected override IReadOnlyDictionary<string, string> Tuning => new Dictionary<string, string>
    {
        // A dead node's claim on an outbox row expires quickly, so the other node sends what it left.
        ["Messaging__Outbox__LeaseSeconds"] = "3",
        ["Treasury__Simulator__DelayMs"] = "3000",
    };

    /// <summary>Kills node A's process at once (no graceful shutdown).</summary>
    public ValueTask KillAAsync() => A.DisposeAsync();
}

[CollectionDefinition(Name)]
public sealed class LedgerClusterCollection : ICollectionFixture<LedgerCluster>
{
    public const string Name = "ledger cluster";
}
