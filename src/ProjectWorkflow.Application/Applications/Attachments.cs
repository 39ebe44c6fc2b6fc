using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using ProjectWorkflow.Application.Persistence;
using ProjectWorkflow.Application.Refusals;
using ProjectWorkflow.Application.Validation;
using ProjectWorkflow.Application.Workflows;
using ProjectWorkflow.Engine.Runtime;

namespace ProjectWorkflow.Application.Applications;

/// <summary>
/// Files attached to an application: checked by kind, size and structure (<see cref="AttachmentContent"/>: the file must
/// be what its name says — PDF, PNG, JPEG, or an Office document), kept in the <see cref="UploadStore"/> (the database, an
/// S3-compatible bucket or the shared folder) and handed back as inert downloads (<see cref="DownloadContentType"/>).
/// </summary>
public sealed class Attachments(ProjectWorkflowDbContext db, ApplicationAccess access, UploadStore store, IConfiguration configuration, TimeProvider time)
{
    public static readonly IReadOnlyList<string> Kinds = ["feasibility-report", "business-licence", "audit-report", "investment-proof", "invoice", "acceptance-report", "progress-report", "interest-evidence", "other"];

    private static readonly Dictionary<string, string> Types = new(StringComparer.OrdinalIgnoreCase)
    {
        [".pdf"] = "application/pdf",
        [".png"] = "image/png",
        [".jpg"] = "image/jpeg",
        [".jpeg"] = "image/jpeg",
        [".docx"] = "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        [".xlsx"] = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    };

    /// <summary>
    /// What a download is served as, whatever the file: never rendered by the browser (with <c>Content-Disposition:
    /// attachment</c> and <c>nosniff</c>), opened by the person's own program for its extension.
    /// </summary>
    public const string DownloadContentType = "application/octet-stream";

    public const long DefaultMaxBytes = 20L * 1024 * 1024;

    public long MaxBytes => configuration.GetValue("Uploads:MaxBytes", DefaultMaxBytes);

    public async Task<AttachmentView> UploadAsync(Guid applicationId, string? kind, string? fileName, Stream content, long? length, Actor actor, CancellationToken cancellationToken)
    {
        var application = await access.OwnedAsync(applicationId, actor, cancellationToken);
        var errors = new List<FieldError>();
        if (kind is null || !Kinds.Contains(kind)) errors.Add(FieldError.Of("kind", $"Say what the file is: {string.Join(", ", Kinds)}.", $"请选择附件类型：{string.Join(", ", Kinds)}。"));
        var extension = Path.GetExtension(fileName ?? "");
        if (!Types.TryGetValue(extension, out var type))
            errors.Add(FieldError.Of("file", $"'{fileName}' is not an accepted type: upload PDF, PNG, JPEG, DOCX or XLSX.", $"不接受“{fileName}”的文件类型，请上传 PDF、PNG、JPEG、DOCX 或 XLSX 文件。"));
        if (length is { } declared && declared > MaxBytes)
            errors.Add(FieldError.Of("file", $"The file is {declared / 1024 / 1024.0:0.#} MB; the limit is {MaxBytes / 1024 / 1024} MB.", $"文件大小为 {declared / 1024 / 1024.0:0.#} MB，超过 {MaxBytes / 1024 / 1024} MB 的上限。"));
        if (errors.Count > 0) throw new InvalidRequestException(errors);

        var id = Guid.NewGuid();
        var path = store.IncomingPath(application.Id, id, extension);
        long size;
        string hash;
        string storagePath;
        try
        {
            await using (var file = File.Create(path))
            {
                (size, hash) = await CopyCheckedAsync(content, file, cancellationToken);
            }
            if (AttachmentContent.Problem(extension, path) is { } problem)
                throw InvalidRequestException.For("file", $"{problem.English} Upload the original PDF, image or Office document.", $"{problem.Chinese}请上传原始的 PDF、图片或 Office 文档。");
            storagePath = await store.KeepAsync(application.Id, id, path, cancellationToken);
        }
        catch
        {
            File.Delete(path);
            throw;
        }

        var record = new AttachmentRecord
        {
            Id = id,
            ApplicationId = application.Id,
            Kind = kind!,
            FileName = Path.GetFileName(fileName!),
            ContentType = type!,
            SizeBytes = size,
            Sha256 = hash,
            StoragePath = storagePath,
            UploadedAt = time.GetUtcNow(),
            UploadedBy = actor.Id,
        };
        db.Add(record);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch
        {
            // No row names the bytes kept a moment ago: they go again (a crash here leaves them, never served).
            await store.DeleteBytesOfAsync([record], CancellationToken.None);
            throw;
        }
        return new AttachmentView(record.Id, record.Kind, record.FileName, record.ContentType, record.SizeBytes, record.Sha256, record.UploadedAt, record.UploadedBy);
    }

    /// <summary>Copies while counting and hashing, and stops as soon as the size limit or the content check fails.</summary>
    private async Task<(long Size, string Hash)> CopyCheckedAsync(Stream source, Stream target, CancellationToken cancellationToken)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = new byte[81920];
        long total = 0;
        int read;
        while ((read = await source.ReadAsync(buffer, cancellationToken)) > 0)
        {
            total += read;
            if (total > MaxBytes)
                throw InvalidRequestException.For("file", $"The file is larger than the limit of {MaxBytes / 1024 / 1024} MB.", $"文件超过 {MaxBytes / 1024 / 1024} MB 的上限。");
            sha.AppendData(buffer, 0, read);
            await target.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
        }
        if (total == 0) throw InvalidRequestException.For("file", "The file is empty.", "文件为空，请重新上传。");
        return (total, Convert.ToHexStringLower(sha.GetHashAndReset()));
    }

    /// <summary>The attachment and its bytes, for whoever may read the application; the caller disposes the stream.</summary>
    public async Task<(AttachmentRecord Record, Stream Content)> OpenAsync(Guid applicationId, Guid attachmentId, Actor actor, CancellationToken cancellationToken)
    {
        await access.ReadableAsync(applicationId, actor, cancellationToken);
        var record = await db.Set<AttachmentRecord>().AsNoTracking().FirstOrDefaultAsync(a => a.Id == attachmentId && a.ApplicationId == applicationId, cancellationToken)
            ?? throw new NotFoundException($"The application has no attachment {attachmentId}.", $"该申报没有附件 {attachmentId}。");
        return (record, await store.OpenReadAsync(record, cancellationToken));
    }
}
