namespace ProjectWorkflow.Application.Applications;

/// <summary>A file attached to an application; the bytes live under the data directory, never in the database.</summary>
public sealed class AttachmentRecord
{
    public Guid Id { get; set; }
    public Guid ApplicationId { get; set; }
    public string Kind { get; set; } = "";
    public string FileName { get; set; } = "";
    public string ContentType { get; set; } = "";
    public long SizeBytes { get; set; }
    public string Sha256 { get; set; } = "";
    public string StoragePath { get; set; } = "";
    public DateTimeOffset UploadedAt { get; set; }
    public string UploadedBy { get; set; } = "";
}
