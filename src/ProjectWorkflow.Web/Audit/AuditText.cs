namespace ProjectWorkflow.Web.Audit;

/// <summary>The audit log's and the search's words: <c>AuditText.resx</c> (Chinese) and <c>AuditText.en.resx</c>.</summary>
public sealed class AuditText;
