namespace ProjectWorkflow.Application.Audit;

/// <summary>
/// What the current scope has done that the audit log must record. A use case stages an entry with
/// <see cref="Record"/>; the entry is written by the scope's next <c>SaveChanges</c>, in the same
/// transaction as the change it records (a use case with nothing else to save calls <c>SaveChangesAsync</c>
/// itself). Who acted, with which roles and under which trace id comes from the scope (<see cref="Actor"/>).
/// </summary>
public sealed class AuditTrail
{
    private readonly List<PendingAuditEntry> pending = [];

    /// <summary>Who acts in this scope: the signed-in user, or <c>system</c> for jobs and consumers.</summary>
    public AuditActor Actor { get; set; } = AuditActor.System;

    public IReadOnlyList<PendingAuditEntry> Pending => pending;

    /// <summary>Stages one entry. <paramref name="action"/> is a dotted verb (<c>payment-order.approved</c>).</summary>
    public void Record(string action, string objectType, string objectId, string? reason = null,
        string outcome = AuditOutcomes.Succeeded, string? detail = null) =>
        pending.Add(new PendingAuditEntry(Actor, action, objectType, objectId, outcome, reason, detail));

    /// <summary>Hands the staged entries to the writer and forgets them (called while saving).</summary>
    public IReadOnlyList<PendingAuditEntry> TakePending()
    {
        var taken = pending.ToArray();
        pending.Clear();
        return taken;
    }
}

public sealed record AuditActor(string Name, IReadOnlyList<string> Roles, string? TraceId = null)
{
    public static readonly AuditActor System = new("system", ["system"]);
}

public sealed record PendingAuditEntry(
    AuditActor Actor, string Action, string ObjectType, string ObjectId, string Outcome, string? Reason, string? Detail);

public static class AuditOutcomes
{
    public const string Succeeded = "succeeded";
    public const string Refused = "refused";
    public const string Failed = "failed";
}
