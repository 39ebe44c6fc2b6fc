namespace ProjectWorkflow.Application.Applications;

/// <summary>
/// An attachment's row names bytes its store no longer has (a file deleted from the shared folder, an object gone from
/// the bucket, a database restored without its blobs): lost data for an operator to restore from a backup, not a bug
/// and not the caller's mistake. The host answers <c>410 Gone</c> problem+json and logs an error naming the attachment.
/// </summary>
public sealed class AttachmentBytesMissingException(Guid applicationId, Guid attachmentId, Exception? cause = null)
    : Exception($"The bytes of attachment {attachmentId} of application {applicationId} are missing from the upload store.", cause)
{
    public Guid ApplicationId { get; } = applicationId;

    public Guid AttachmentId { get; } = attachmentId;
}
