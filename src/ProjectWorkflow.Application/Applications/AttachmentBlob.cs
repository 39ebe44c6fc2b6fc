namespace ProjectWorkflow.Application.Applications;

/// <summary>
/// The bytes of an attachment kept in the database (<c>Storage:Uploads=Database</c>), written in the same transaction
/// as its <see cref="AttachmentRecord"/>: every node reads them, and a backup of the database holds them.
/// </summary>
public sealed class AttachmentBlob
{
    public Guid AttachmentId { get; set; }
    public byte[] Content { get; set; } = [];
}
