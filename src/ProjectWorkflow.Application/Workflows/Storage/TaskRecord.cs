namespace ProjectWorkflow.Application.Workflows.Storage;

public static class TaskStatuses
{
    public const string Open = "open";
    public const string Completed = "completed";
    public const string Cancelled = "cancelled";
}

/// <summary>A user task as the inbox sees it: kept in step with the instance state on every save.</summary>
public sealed class TaskRecord
{
    public Guid Id { get; set; }
    public Guid InstanceId { get; set; }
    public string DefinitionKey { get; set; } = "";
    public string? BusinessKey { get; set; }
    public string ElementId { get; set; } = "";
    public string? Name { get; set; }
    public string? Assignee { get; set; }
    public string? Owner { get; set; }
    public string? FormKey { get; set; }
    public DateTimeOffset? DueAt { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public string Status { get; set; } = TaskStatuses.Open;
    public DateTimeOffset? EndedAt { get; set; }
    public string? CompletedBy { get; set; }

    /// <summary>The variables the completion submitted (a JSON object), as they were then; null while open, and on rows completed before it was kept.</summary>
    public string? Answers { get; set; }
    public string? CancelReason { get; set; }

    /// <summary>When the reminder (催办) ahead of the due date went out; set once, so a second run of the check sends nothing.</summary>
    public DateTimeOffset? BeforeDueReminderSentAt { get; set; }

    /// <summary>When the reminder at the due date went out; set once, like the one before it.</summary>
    public DateTimeOffset? DueReminderSentAt { get; set; }

    /// <summary>The due date, once the overdue check has seen the task still open after it.</summary>
    public DateTimeOffset? OverdueSince { get; set; }
    public List<TaskCandidate> Candidates { get; set; } = [];
}

/// <summary>One candidate of a task: a user, or a group (role) whose members may claim it.</summary>
public sealed class TaskCandidate
{
    public long Id { get; set; }
    public Guid TaskId { get; set; }
    public bool IsGroup { get; set; }
    public string Value { get; set; } = "";

    /// <summary>A deputy (代理) of the assignee or a candidate user: the task is in their own inbox too.</summary>
    public bool IsDeputy { get; set; }

    /// <summary>
    /// The task is open and nobody holds it, so its candidates may claim it. Kept by the store at every save (a claim, a
    /// completion or a cancellation clears it), so the inbox reads a group's claimable tasks from this row's index alone
    /// instead of the candidates of every task the group ever had.
    /// </summary>
    public bool Claimable { get; set; }

    /// <summary>
    /// The task's due date, creation time and overdue flag, copied onto its candidate rows by the store at every save (and the
    /// overdue flag by the overdue check), so a group's inbox page is a range of its own claimable rows in the inbox's order,
    /// and its counts read the index alone, without the other groups' tasks.
    /// </summary>
    public DateTimeOffset? DueAt { get; set; }

    /// <inheritdoc cref="DueAt"/>
    public DateTimeOffset CreatedAt { get; set; }

    /// <inheritdoc cref="DueAt"/>
    public DateTimeOffset? OverdueSince { get; set; }
}
