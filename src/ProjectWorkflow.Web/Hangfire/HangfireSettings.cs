namespace ProjectWorkflow.Web.Hangfire;

/// <summary>Configuration section <c>Hangfire</c>.</summary>
public sealed class HangfireSettings
{
    public const string Section = "Hangfire";

    /// <summary>Run the job server on this node. Off on nodes that should only serve HTTP; one node with it on is enough.</summary>
    public bool Server { get; set; } = true;

    /// <summary>How often due delayed and recurring jobs are looked for: the lateness of a BPMN timer is about this much.</summary>
    public TimeSpan SchedulePollingInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How often an idle worker looks for a queued job (SQLite and PostgreSQL storage).</summary>
    public TimeSpan QueuePollInterval { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>Jobs run at once on this node; Hangfire's default (5 per core, at most 20) when not set.</summary>
    public int? WorkerCount { get; set; }

    /// <summary>The schema of Hangfire's tables on PostgreSQL and SQL Server, apart from ours.</summary>
    public string Schema { get; set; } = "hangfire";
}
