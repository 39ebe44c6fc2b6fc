namespace ProjectWorkflow.Application.Reviews;

/// <summary>
/// One expert on one application's panel: the conflict-of-interest declaration (made before the file
/// opens), then the rubric scores, or a recusal.
/// </summary>
public sealed class PanelMemberRecord
{
    public long Id { get; set; }
    public Guid ApplicationId { get; set; }
    public string Expert { get; set; } = "";
    public DateTimeOffset? DeclaredAt { get; set; }
    public bool Recused { get; set; }
    public string? RecusalReason { get; set; }

    /// <summary>criterion key → points, as JSON.</summary>
    public string? Points { get; set; }
    public decimal? Total { get; set; }
    public string? Comment { get; set; }
    public DateTimeOffset? ScoredAt { get; set; }
}

/// <summary>A signed objection filed during public notice; the objector's identity is never shown to the applicant.</summary>
public sealed class ObjectionRecord
{
    public Guid Id { get; set; }
    public Guid ApplicationId { get; set; }
    public string ObjectorName { get; set; } = "";
    public string? ObjectorOrganisation { get; set; }
    public string FiledBy { get; set; } = "";
    public string Content { get; set; } = "";
    public DateTimeOffset FiledAt { get; set; }
    public bool? Upheld { get; set; }
}
