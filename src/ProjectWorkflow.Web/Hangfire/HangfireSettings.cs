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

    /// <summary>
    /// PostgreSQL: how old a distributed lock may grow before another node takes it over. Hangfire.PostgreSql keeps a lock
    /// as a committed row that its holder deletes; a holder killed, or whose connection a database restart cut, leaves the
    /// row behind, and Hangfire's schedulers take such a lock on every poll (<c>locks:schedulepoller</c> for delayed jobs,
    /// the BPMN timers among them; <c>recurring-jobs:lock</c> for the scheduled checks, the timer sweep among them): a
    /// stranded one stops every timer or every check until it expires. Hangfire.PostgreSql's default is 10 minutes; a
    /// minute is far longer than any hold of ours (a scheduler's poll, a state change). SQL Server's locks end with their
    /// session: nothing strands there.
    /// </summary>
    public TimeSpan DistributedLockTimeout { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// PostgreSQL: how long a job a worker fetched stays invisible to the others before it is run again. The running jobs'
    /// fetch is kept alive (Hangfire.PostgreSql's sliding invisibility), so this only delays the jobs of a node that died
    /// or lost the database mid-job (Hangfire.PostgreSql's default, without keep-alive, is 30 minutes).
    /// </summary>
    public TimeSpan InvisibilityTimeout { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>The schema of Hangfire's tables on PostgreSQL and SQL Server, apart from ours.</summary>
    public string Schema { get; set; } = "hangfire";
}
