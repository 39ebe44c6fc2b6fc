using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using ProjectWorkflow.Application.Persistence;

namespace ProjectWorkflow.Application.Applications;

/// <summary>
/// Where the bytes of attachments are kept, by <c>Storage:Uploads</c>: <c>Database</c> (an <see cref="AttachmentBlob"/>
/// beside the attachment's row, in its transaction: every node reads it, and the database's backup holds it), <c>S3</c>
/// (an object in the <see cref="UploadBucket"/>, written before the row commits: every node reads it, the bucket is
/// backed up on its own) or <c>FileSystem</c> (files under <c>uploads/</c> in <see cref="SharedStorage"/>, which several
/// nodes must all mount). Unset, it is <c>FileSystem</c> for the embedded run on SQLite and <c>Database</c> on SQL Server
/// and PostgreSQL. A stored row says where its own bytes are, so rows written under another setting still download
/// after a change (with <c>Storage:S3</c> still configured while rows name objects).
/// </summary>
public sealed class UploadStore(ProjectWorkflowDbContext db, UploadBucket bucket, IConfiguration configuration, ILogger<UploadStore> logger)
{
    public const string ConfigurationKey = "Storage:Uploads";
    public const string FileSystem = "FileSystem";
    public const string Database = "Database";
    public const string S3 = "S3";

    /// <summary>The <see cref="AttachmentRecord.StoragePath"/> of bytes kept in the database.</summary>
    public const string InDatabase = "database:";

    /// <summary>The start of the <see cref="AttachmentRecord.StoragePath"/> of bytes kept in the bucket; the object's key follows.</summary>
    public const string InBucket = "s3:";

    /// <summary>The configured store, or the default for the configured database provider.</summary>
    public static string Configured(IConfiguration configuration)
    {
        var configured = configuration[ConfigurationKey];
        if (string.IsNullOrWhiteSpace(configured))
        {
            var provider = configuration["Database:Provider"];
            return string.IsNullOrWhiteSpace(provider) || provider.Equals(DatabaseProvider.Sqlite, StringComparison.OrdinalIgnoreCase) ? FileSystem : Database;
        }
        foreach (var store in (string[])[FileSystem, Database, S3])
            if (configured.Equals(store, StringComparison.OrdinalIgnoreCase)) return store;
        throw new InvalidOperationException($"{ConfigurationKey} is '{configured}': set it to {Database}, {S3} or {FileSystem}.");
    }

    /// <summary>What is wrong with the upload settings (checked at start), or null.</summary>
    public static string? SettingsProblem(IConfiguration configuration)
    {
        try
        {
            return Configured(configuration) == S3 ? UploadBucket.SettingsProblem(configuration) : null;
        }
        catch (InvalidOperationException wrong)
        {
            return wrong.Message;
        }
    }

    private string Store => Configured(configuration);

    /// <summary>
    /// The file an upload is written to while it is checked: its final place in the shared folder, or a scratch file
    /// of this node's when the bytes go to the database or the bucket.
    /// </summary>
    public string IncomingPath(Guid applicationId, Guid attachmentId, string extension)
    {
        var folder = Store == FileSystem
            ? Path.Combine(SharedStorage.Resolve(configuration), "uploads", applicationId.ToString("N"))
            : Path.Combine(DataDirectory.Resolve(configuration), "incoming");
        DataDirectory.CreatePrivate(folder);
        return Path.Combine(folder, attachmentId.ToString("N") + extension.ToLowerInvariant());
    }

    /// <summary>
    /// Keeps the checked upload at <paramref name="incomingPath"/> and returns its storage path. The database's copy is
    /// added to <see cref="db"/> and is written by the caller's <c>SaveChanges</c>, with the attachment's row; the
    /// bucket's object is written now, before the row: a crash between the two leaves an object no row names, which is
    /// never served (as a file in the shared folder would be).
    /// </summary>
    public async Task<string> KeepAsync(Guid applicationId, Guid attachmentId, string incomingPath, CancellationToken cancellationToken)
    {
        switch (Store)
        {
            case Database:
                db.Add(new AttachmentBlob { AttachmentId = attachmentId, Content = await File.ReadAllBytesAsync(incomingPath, cancellationToken) });
                File.Delete(incomingPath);
                return InDatabase;
            case S3:
                var key = UploadBucket.KeyOf(applicationId, attachmentId, Path.GetExtension(incomingPath));
                await bucket.PutAsync(key, incomingPath, cancellationToken);
                File.Delete(incomingPath);
                return InBucket + key;
            default:
                return Path.GetRelativePath(SharedStorage.Resolve(configuration), incomingPath);
        }
    }

    /// <summary>The attachment's bytes from whichever store keeps them; bytes the store has lost are <see cref="AttachmentBytesMissingException"/>.</summary>
    public async Task<Stream> OpenReadAsync(AttachmentRecord record, CancellationToken cancellationToken)
    {
        try
        {
            if (record.StoragePath == InDatabase)
            {
                var content = await db.Set<AttachmentBlob>().AsNoTracking().Where(b => b.AttachmentId == record.Id).Select(b => b.Content)
                    .SingleOrDefaultAsync(cancellationToken) ?? throw new AttachmentBytesMissingException(record.ApplicationId, record.Id);
                return new MemoryStream(content, writable: false);
            }
            if (record.StoragePath.StartsWith(InBucket, StringComparison.Ordinal))
                return await bucket.OpenReadAsync(record.StoragePath[InBucket.Length..], cancellationToken);
            return new FileStream(Path.Combine(SharedStorage.Resolve(configuration), record.StoragePath), FileMode.Open, FileAccess.Read, FileShare.Read,
                bufferSize: 81920, FileOptions.Asynchronous | FileOptions.SequentialScan);
        }
        catch (Exception missing) when (missing is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new AttachmentBytesMissingException(record.ApplicationId, record.Id, missing);
        }
    }

    /// <summary>
    /// After the rows are deleted (or were never written): removes the bytes of those kept in the shared folder or the
    /// bucket (bytes in the database go with their rows). A file or object left behind — by a crash before this, or a
    /// store unreachable now — is never served: no row names it.
    /// </summary>
    public async Task DeleteBytesOfAsync(IEnumerable<AttachmentRecord> deleted, CancellationToken cancellationToken)
    {
        var root = SharedStorage.Resolve(configuration);
        var keys = new List<string>();
        foreach (var attachment in deleted.Where(a => a.StoragePath != InDatabase))
        {
            if (attachment.StoragePath.StartsWith(InBucket, StringComparison.Ordinal))
            {
                keys.Add(attachment.StoragePath[InBucket.Length..]);
                continue;
            }
            try { File.Delete(Path.Combine(root, attachment.StoragePath)); }
            catch (IOException) { }
        }
        try
        {
            await bucket.DeleteAsync(keys, cancellationToken);
        }
        catch (UploadStoreUnavailableException unavailable)
        {
            logger.LogWarning("Could not delete {Count} object(s) of deleted attachments; they stay in the bucket, named by no row: {Reason}",
                keys.Count, unavailable.Message);
        }
        catch (Exception refused) when (refused is not OperationCanceledException)
        {
            // The rows are gone already: the caller's work is done, whatever the store says (a denied key, a missing bucket).
            logger.LogError(refused, "Could not delete {Count} object(s) of deleted attachments; they stay in the bucket, named by no row", keys.Count);
        }
    }
}
