namespace ProjectWorkflow.Application.Reviews;

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
