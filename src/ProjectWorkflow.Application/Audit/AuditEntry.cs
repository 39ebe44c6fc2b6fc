namespace ProjectWorkflow.Application.Audit;

/// <summary>
/// One line of the audit log; append-only. <see cref="Sequence"/> numbers the entries without gaps in commit order;
/// <see cref="Hash"/> is an HMAC (key <see cref="KeyId"/>, kept outside the database) over the entry's fields and
/// the previous entry's hash, so changing, removing, inserting or reordering a line breaks the chain from there on.
/// </summary>
public sealed class AuditEntry
{
    public long Sequence { get; set; }
    public DateTimeOffset At { get; set; }
    public string Actor { get; set; } = "";

    /// <summary>The actor's roles, comma-separated.</summary>
    public string Roles { get; set; } = "";
    public string Action { get; set; } = "";
    public string ObjectType { get; set; } = "";
    public string ObjectId { get; set; } = "";
    public string Outcome { get; set; } = AuditOutcomes.Succeeded;
    public string? Reason { get; set; }
    public string? Detail { get; set; }
    public string? TraceId { get; set; }

    /// <summary>Keyed digests of the money and history rows the command wrote (<see cref="AuditCovers"/>), as JSON; null when none.</summary>
    public string? Covers { get; set; }
    public string KeyId { get; set; } = "";
    public string PreviousHash { get; set; } = "";
    public string Hash { get; set; } = "";
}

/// <summary>
/// The one row every append updates first in its transaction: its row lock (PostgreSQL, SQL Server) or SQLite's
/// write lock serializes appends across connections and nodes, so two writers never both follow the same entry.
/// It also remembers the last entry, so a log cut short at the end is noticed.
/// </summary>
public sealed class AuditHead
{
    public const int TheOnlyId = 1;

    public int Id { get; set; } = TheOnlyId;
    public long LastSequence { get; set; }
    public string LastHash { get; set; } = "";
}
