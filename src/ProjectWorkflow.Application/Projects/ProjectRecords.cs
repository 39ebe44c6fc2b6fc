namespace ProjectWorkflow.Application.Projects;

/// <summary>A quarterly progress report (进度报告) on a project being built. Amounts in integer fen.</summary>
public sealed class ProgressReportRecord
{
    public Guid Id { get; set; }
    public Guid ApplicationId { get; set; }

    /// <summary>1 for the first report of the project, then 2, 3 …</summary>
    public int Sequence { get; set; }
    public DateTimeOffset? DueAt { get; set; }
    public DateTimeOffset SubmittedAt { get; set; }
    public string SubmittedBy { get; set; } = "";

    /// <summary>Submitted after its due date (the task was flagged overdue or would have been).</summary>
    public bool Late { get; set; }
    public long InvestedSoFarFen { get; set; }
    public int PercentComplete { get; set; }
    public string Summary { get; set; } = "";
    public string? Problems { get; set; }
}

public static class ChangeRequestKinds
{
    public const string Extension = "extension";
    public const string Content = "content";
}

public static class ChangeRequestStatuses
{
    public const string Pending = "pending";
    public const string Approved = "approved";
    public const string Refused = "refused";
}

/// <summary>A change request (变更申请): an extension of the build period, or a change to the project's content.</summary>
public sealed class ChangeRequestRecord
{
    public Guid Id { get; set; }
    public Guid ApplicationId { get; set; }
    public string Kind { get; set; } = ChangeRequestKinds.Extension;
    public int? ExtensionMonths { get; set; }
    public string Reason { get; set; } = "";
    public DateTimeOffset RequestedAt { get; set; }
    public string RequestedBy { get; set; } = "";
    public string Status { get; set; } = ChangeRequestStatuses.Pending;
    public DateTimeOffset? DecidedAt { get; set; }
    public string? DecidedBy { get; set; }
    public string? DecisionReason { get; set; }
}

/// <summary>The acceptance (验收) of a completed project: what was actually invested, the audit report, and the department's verdict.</summary>
public sealed class AcceptanceRecord
{
    public Guid Id { get; set; }
    public Guid ApplicationId { get; set; }
    public DateTimeOffset RequestedAt { get; set; }
    public string RequestedBy { get; set; } = "";
    public long ActualEquipmentFen { get; set; }
    public long ActualSoftwareFen { get; set; }
    public long ActualConstructionFen { get; set; }
    public long ActualOtherFen { get; set; }

    /// <summary>The actual investment in the rule set's eligible categories, set against the approved one.</summary>
    public long ActualEligibleFen { get; set; }
    public Guid AuditReportId { get; set; }
    public string Summary { get; set; } = "";

    /// <summary>pass or fail, once the department has reviewed it.</summary>
    public string? Outcome { get; set; }
    public DateTimeOffset? ReviewedAt { get; set; }
    public string? ReviewedBy { get; set; }
    public string? ReviewReason { get; set; }

    /// <summary>How the accepted amount was worked out (the pro-rata cut, if any).</summary>
    public string? Calculation { get; set; }
}

/// <summary>The performance evaluation (绩效评价) of a project against its plan indicators.</summary>
public sealed class EvaluationRecord
{
    public Guid Id { get; set; }
    public Guid ApplicationId { get; set; }
    public DateTimeOffset EvaluatedAt { get; set; }
    public string EvaluatedBy { get; set; } = "";
    public decimal EnergySavedTce { get; set; }
    public long OutputFen { get; set; }
    public long ValueAddedFen { get; set; }
    public int Robots { get; set; }
    public decimal Score { get; set; }
    public string Grade { get; set; } = "";

    /// <summary>Each indicator planned and reached, as JSON.</summary>
    public string Indicators { get; set; } = "[]";
    public string? Comment { get; set; }
}
