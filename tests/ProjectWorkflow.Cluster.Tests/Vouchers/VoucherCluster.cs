namespace ProjectWorkflow.Cluster.Tests.Vouchers;

/// <summary>
/// Two nodes with a slow simulated bank (3 s per answer) and a short outbox lease, so a test can stop node A while the
/// settlements it released are between the treasury and the confirmation.
/// </summary>
public sealed class VoucherCluster() : TwoNodes("vouchers")
{
    protected override IReadOnlyDictionary<string, string> Tuning => new Dictionary<string, string>
    {
        ["Messaging__Outbox__LeaseSeconds"] = "3",
        ["Treasury__Simulator__DelayMs"] = "3000",
        // One audit key on both nodes, as production configures it, so either node verifies what the other wrote
        // (a test key, not a secret: base64 of 32 fixed bytes).
        ["Audit__CurrentKeyId"] = "cluster",
        ["Audit__Keys__cluster"] = Convert.ToBase64String(Enumerable.Range(1, 32).Select(i => (byte)i).ToArray()),
    };

    /// <summary>Kills node A's process at once (no graceful shutdown).</summary>
    public ValueTask KillAAsync() => A.DisposeAsync();
}

[CollectionDefinition(Name)]
public sealed class VoucherClusterCollection : ICollectionFixture<VoucherCluster>
{
    public const string Name = "voucher cluster";
}
