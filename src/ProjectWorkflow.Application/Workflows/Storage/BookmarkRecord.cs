namespace ProjectWorkflow.Application.Workflows.Storage;

/// <summary>A timer or message wait, findable by due time or by message name and key.</summary>
public sealed class BookmarkRecord
{
    public Guid Id { get; set; }
    public Guid InstanceId { get; set; }
    public string Kind { get; set; } = "";
    public string ElementId { get; set; } = "";
    public DateTimeOffset? DueAt { get; set; }
    public string? MessageName { get; set; }
    public string? CorrelationKey { get; set; }

    /// <summary>An external task's priority (fetchAndLock with usePriority takes the highest first); 0 for anything else.</summary>
    public long Priority { get; set; }

    /// <summary>The worker holding an external task's lock (the lock may have expired: compare <see cref="DueAt"/>).</summary>
    public string? WorkerId { get; set; }
}
