namespace ProjectWorkflow.Application.Messaging;

/// <summary><c>Messaging:Outbox</c>: how the dispatcher polls, claims and retries.</summary>
public sealed class OutboxOptions
{
    public const string Section = "Messaging:Outbox";

    /// <summary>How often to look for rows when not woken (rows staged on other nodes, retries that fall due).</summary>
    public int PollIntervalMs { get; set; } = 1000;

    /// <summary>Rows claimed at once.</summary>
    public int BatchSize { get; set; } = 50;

    /// <summary>
    /// How long a claim keeps other nodes off a row. Longer than a batch takes to publish: a row whose
    /// claim expires mid-publish may be published twice (consumers drop the copy).
    /// </summary>
    public int LeaseSeconds { get; set; } = 60;

    /// <summary>How long one publish may wait for the broker before it counts as failed.</summary>
    public int PublishTimeoutSeconds { get; set; } = 10;

    /// <summary>The longest wait between two attempts of a failing row (the waits double from 1 s up to this).</summary>
    public int MaxBackoffSeconds { get; set; } = 60;

    /// <summary>Dispatched rows, and inbox receipts, are deleted after this many days.</summary>
    public int RetentionDays { get; set; } = 7;

    public TimeSpan PollInterval => TimeSpan.FromMilliseconds(Math.Max(10, PollIntervalMs));
    public TimeSpan Lease => TimeSpan.FromSeconds(Math.Max(1, LeaseSeconds));
    public TimeSpan PublishTimeout => TimeSpan.FromSeconds(Math.Max(1, PublishTimeoutSeconds));
    public TimeSpan MaxBackoff => TimeSpan.FromSeconds(Math.Max(1, MaxBackoffSeconds));
    public TimeSpan Retention => TimeSpan.FromDays(Math.Max(1, RetentionDays));
}
