namespace ProjectWorkflow.Application.Applications;

/// <summary>A bar from applying (after a recovery), on an enterprise (by USCC) or a project leader (by identity).</summary>
public sealed class CreditSanctionRecord
{
    public Guid Id { get; set; }
    public string Subject { get; set; } = "";
    public string SubjectKind { get; set; } = "";
    public DateTimeOffset From { get; set; }
    public DateTimeOffset Until { get; set; }
    public string Reason { get; set; } = "";
    public Guid? ApplicationId { get; set; }
}
