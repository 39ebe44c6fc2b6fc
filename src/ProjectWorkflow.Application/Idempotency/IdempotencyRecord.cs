namespace ProjectWorkflow.Application.Idempotency;

/// <summary>
/// The first answer to a state-changing request sent with an <c>Idempotency-Key</c>.
/// The row is inserted before the request runs (StatusCode null = still running), so the
/// unique index on (UserName, Key) lets only one of two concurrent retries execute.
/// </summary>
public class IdempotencyRecord
{
    public const int MaxKeyLength = 128;

    public long Id { get; set; }
    public required string Key { get; set; }

    /// <summary>Keys are scoped per caller: two users may pick the same key.</summary>
    public required string UserName { get; set; }

    public required string Method { get; set; }
    public required string Path { get; set; }

    /// <summary>SHA-256 (hex) of method, path and body: a reused key with another request is refused.</summary>
    public required string RequestHash { get; set; }

    public int? StatusCode { get; set; }

    /// <summary>
    /// Set in the transaction of the request's own changes (<see cref="Persistence.ProjectWorkflowDbContext.MarkEffectsFor"/>):
    /// once true, what the request did is committed, so the reservation is never given up for a retry to run again, even
    /// when its response was never stored (the node died between the commit and storing it).
    /// </summary>
    public bool EffectsCommitted { get; set; }
    public byte[]? ResponseBody { get; set; }
    public string? ContentType { get; set; }

    /// <summary>UTC. DateTime rather than DateTimeOffset because SQLite cannot compare the latter in queries, and expiry sweeps will.</summary>
    public DateTime CreatedAt { get; set; }

    public bool IsCompleted => StatusCode is not null;
}
