using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using ProjectWorkflow.Application.Persistence;

namespace ProjectWorkflow.Application.Applications;

/// <summary>
/// Where the bytes of attachments are kept, by <c>Storage:Uploads</c>: <c>Database</c> (an <see cref="AttachmentBlob"/>
/// beside the attachment's row, in its transaction: every node reads it, and the database's backup holds it) or
/// <c>FileSystem</c> (files under <c>uploads/</c> in <see cref="SharedStorage"/>, which several nodes must all mount).
/// Unset, it is <c>FileSystem</c> for the embedded run on SQLite and <c>Database</c> on SQL Server and PostgreSQL.
/// A stored row says where its own bytes are, so rows written under the other setting still download after a change.
/// </summary>
public sealed class UploadStore(ProjectWorkflowDbContext db, IConfiguration configuration)
{
    public const string ConfigurationKey = "Storage:Uploads";
    public const string FileSystem = "FileSystem";
    public const string Database = "Database";

    /// <summary>The <see cref="AttachmentRecord.StoragePath"/> of bytes kept in the database.</summary>
    public const string InDatabase = "database:";

    /// <summary>The configured store, or the default for the configured database provider.</summary>
    public static string Configured(IConfiguration configuration)
    {
        var configured = configuration[ConfigurationKey];
        if (string.IsNullOrWhiteSpace(configured))
        {
            var provider = configuration["Database:Provider"];
            return string.IsNullOrWhiteSpace(provider) || provider.Equals(DatabaseProvider.Sqlite, StringComparison.OrdinalIgnoreCase) ? FileSystem : Database;
        }
        if (configured.Equals(FileSystem, StringComparison.OrdinalIgnoreCase)) return FileSystem;
        if (configured.Equals(Database, StringComparison.OrdinalIgnoreCase)) return Database;
        throw new InvalidOperationException($"{ConfigurationKey} is '{configured}': set it to {Database} or {FileSystem}.");
    }

    private bool KeepsInDatabase => Configured(configuration) == Database;

    /// <summary>
    /// The file an upload is written to while it is checked: its final place in the shared folder, or a scratch file
    /// of this node's when the bytes go to the database.
    /// </summary>
    public string IncomingPath(Guid applicationId, Guid attachmentId, string extension)
    {
        var folder = KeepsInDatabase
            ? Path.Combine(DataDirectory.Resolve(configuration), "incoming")
            : Path.Combine(SharedStorage.Resolve(configuration), "uploads", applicationId.ToString("N"));
        DataDirectory.CreatePrivate(folder);
        return Path.Combine(folder, attachmentId.ToString("N") + extension.ToLowerInvariant());
    }

    /// <summary>
    /// Keeps the checked upload at <paramref name="incomingPath"/> and returns its storage path. The database's copy is
    /// added to <see cref="db"/> and is written by the caller's <c>SaveChanges</c>, with the attachment's row.
    /// </summary>
    public async Task<string> KeepAsync(Guid attachmentId, string incomingPath, CancellationToken cancellationToken)
    {
        if (!KeepsInDatabase) return Path.GetRelativePath(SharedStorage.Resolve(configuration), incomingPath);
        db.Add(new AttachmentBlob { AttachmentId = attachmentId, Content = await File.ReadAllBytesAsync(incomingPath, cancellationToken) });
        File.Delete(incomingPath);
        return InDatabase;
    }

    public async Task<Stream> OpenReadAsync(AttachmentRecord record, CancellationToken cancellationToken)
    {
        if (record.StoragePath == InDatabase)
        {
            var content = await db.Set<AttachmentBlob>().AsNoTracking().Where(b => b.AttachmentId == record.Id).Select(b => b.Content)
                .SingleOrDefaultAsync(cancellationToken) ?? throw new FileNotFoundException($"The bytes of attachment {record.Id} are not in the database.");
            return new MemoryStream(content, writable: false);
        }
        return new FileStream(Path.Combine(SharedStorage.Resolve(configuration), record.StoragePath), FileMode.Open, FileAccess.Read, FileShare.Read,
            bufferSize: 81920, FileOptions.Asynchronous | FileOptions.SequentialScan);
    }

    /// <summary>
    /// After the rows are deleted: removes the files of those kept in the shared folder (bytes in the database went with
    /// their rows). A file left behind by a crash before this is never served: no row names it.
    /// </summary>
    public void DeleteFilesOf(IEnumerable<AttachmentRecord> deleted)
    {
        var root = SharedStorage.Resolve(configuration);
        foreach (var attachment in deleted.Where(a => a.StoragePath != InDatabase))
        {
            try { File.Delete(Path.Combine(root, attachment.StoragePath)); }
            catch (IOException) { }
        }
    }
}
