namespace ProjectWorkflow.Application.Applications;

/// <summary>
/// A file attached to an application. Its bytes are where <see cref="StoragePath"/> says (<see cref="UploadStore"/>):
/// a path relative to the shared folder, <c>database:</c> for an <see cref="AttachmentBlob"/>, or <c>s3:</c> and the
/// object's key in the <see cref="UploadBucket"/>.
/// </summary>
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
