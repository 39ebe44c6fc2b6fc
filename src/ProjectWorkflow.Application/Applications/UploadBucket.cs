using System.Net;
using System.Net.Sockets;
using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;
using Microsoft.Extensions.Configuration;

namespace ProjectWorkflow.Application.Applications;

/// <summary>
/// The S3-compatible bucket attachments' bytes go to with <c>Storage:Uploads=S3</c> (AWS S3, MinIO, Ceph, or a cloud's
/// S3-compatible service), under <c>uploads/&lt;application&gt;/&lt;attachment&gt;&lt;extension&gt;</c>: every node reads
/// the same objects. Settings under <c>Storage:S3</c>: <c>ServiceUrl</c> (the store's address; unset for AWS itself),
/// <c>Region</c>, <c>Bucket</c>, <c>ForcePathStyle</c> (path-style addressing, <c>true</c> by default: what
/// S3-compatible stores expect), and <c>AccessKey</c> + <c>SecretKey</c> from the environment or secret files — both
/// unset, the AWS SDK's own chain (<c>AWS_ACCESS_KEY_ID</c>, a web identity, an instance role) is asked.
/// One client for the process (it is thread-safe and keeps its connections), made on first use.
/// </summary>
public sealed class UploadBucket(IConfiguration configuration) : IDisposable
{
    public const string Section = "Storage:S3";

    private readonly Lazy<AmazonS3Client> _client = new(() => Connect(configuration));

    private string Bucket => configuration[$"{Section}:Bucket"]!;

    /// <summary>What is wrong with the <c>Storage:S3</c> settings, in the operator's words, or null when they are complete.</summary>
    public static string? SettingsProblem(IConfiguration configuration)
    {
        var s3 = configuration.GetSection(Section);
        if (string.IsNullOrWhiteSpace(s3["Bucket"]))
            return $"{Section}:Bucket is not set: name the bucket attachments are kept in.";
        if (string.IsNullOrWhiteSpace(s3["ServiceUrl"]) && string.IsNullOrWhiteSpace(s3["Region"]))
            return $"Neither {Section}:ServiceUrl nor {Section}:Region is set: give the S3-compatible store's address (e.g. http://minio:9000), or the AWS region.";
        if (!string.IsNullOrWhiteSpace(s3["ServiceUrl"]) && !Uri.TryCreate(s3["ServiceUrl"], UriKind.Absolute, out _))
            return $"{Section}:ServiceUrl '{s3["ServiceUrl"]}' is not an absolute address such as http://minio:9000.";
        if (string.IsNullOrWhiteSpace(s3["AccessKey"]) != string.IsNullOrWhiteSpace(s3["SecretKey"]))
            return $"Set both {Section}:AccessKey and {Section}:SecretKey (environment Storage__S3__SecretKey, or a secret file of that name), or neither to use the AWS SDK's own credentials.";
        if (!bool.TryParse(s3["ForcePathStyle"] ?? "true", out _))
            return $"{Section}:ForcePathStyle is '{s3["ForcePathStyle"]}': true or false.";
        return null;
    }

    private static AmazonS3Client Connect(IConfiguration configuration)
    {
        if (SettingsProblem(configuration) is { } problem) throw new InvalidOperationException(problem);
        var s3 = configuration.GetSection(Section);
        var config = new AmazonS3Config
        {
            ForcePathStyle = bool.Parse(s3["ForcePathStyle"] ?? "true"),
            Timeout = TimeSpan.FromSeconds(30),
            // The v4 SDK's default checksums (CRC32 headers and trailers) are not understood by every S3-compatible
            // store; they are sent only where the operation requires them.
            RequestChecksumCalculation = RequestChecksumCalculation.WHEN_REQUIRED,
            ResponseChecksumValidation = ResponseChecksumValidation.WHEN_REQUIRED,
        };
        if (!string.IsNullOrWhiteSpace(s3["ServiceUrl"]))
        {
            config.ServiceURL = s3["ServiceUrl"];
            config.AuthenticationRegion = string.IsNullOrWhiteSpace(s3["Region"]) ? "us-east-1" : s3["Region"];
        }
        else
        {
            config.RegionEndpoint = Amazon.RegionEndpoint.GetBySystemName(s3["Region"]);
        }
        return string.IsNullOrWhiteSpace(s3["AccessKey"])
            ? new AmazonS3Client(config)
            : new AmazonS3Client(new BasicAWSCredentials(s3["AccessKey"], s3["SecretKey"]), config);
    }

    /// <summary>The object's key for an attachment: one folder per application, the attachment's id as the name.</summary>
    public static string KeyOf(Guid applicationId, Guid attachmentId, string extension) =>
        $"uploads/{applicationId:N}/{attachmentId:N}{extension.ToLowerInvariant()}";

    /// <summary>Writes the file at <paramref name="path"/> as the object <paramref name="key"/>.</summary>
    public async Task PutAsync(string key, string path, CancellationToken cancellationToken)
    {
        await using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, FileOptions.Asynchronous | FileOptions.SequentialScan);
        await Reaching(() => _client.Value.PutObjectAsync(new PutObjectRequest
        {
            BucketName = Bucket,
            Key = key,
            InputStream = file,
            AutoCloseStream = false,
            ContentType = "application/octet-stream",
            // Signed whole rather than in aws-chunked pieces, which not every S3-compatible store decodes (s3rver
            // keeps the chunk signatures in the object).
            UseChunkEncoding = false,
        }, cancellationToken), cancellationToken);
    }

    /// <summary>The object's bytes as a stream from the store; the caller disposes it.</summary>
    public async Task<Stream> OpenReadAsync(string key, CancellationToken cancellationToken)
    {
        try
        {
            return (await Reaching(() => _client.Value.GetObjectAsync(Bucket, key, cancellationToken), cancellationToken)).ResponseStream;
        }
        catch (AmazonS3Exception missing) when (missing.StatusCode == HttpStatusCode.NotFound)
        {
            throw new FileNotFoundException($"The object {key} is not in the bucket {Bucket}.", key, missing);
        }
    }

    /// <summary>Deletes the objects (those already gone are no error).</summary>
    public Task DeleteAsync(IReadOnlyCollection<string> keys, CancellationToken cancellationToken) =>
        keys.Count == 0 ? Task.CompletedTask : Reaching(async () =>
        {
            // One request for up to 1,000 keys; a draft has far fewer attachments.
            foreach (var batch in keys.Chunk(1000))
                await _client.Value.DeleteObjectsAsync(new DeleteObjectsRequest
                {
                    BucketName = Bucket,
                    Objects = [.. batch.Select(key => new KeyVersion { Key = key })],
                    Quiet = true,
                }, cancellationToken);
            return true;
        }, cancellationToken);

    /// <summary>Runs a call to the store, turning "the store could not be reached" into <see cref="UploadStoreUnavailableException"/>.</summary>
    private static async Task<T> Reaching<T>(Func<Task<T>> call, CancellationToken cancellationToken)
    {
        try
        {
            return await call();
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested && IsUnavailable(exception))
        {
            throw new UploadStoreUnavailableException(exception);
        }
    }

    /// <summary>
    /// Refused connections, resets, timeouts, the store's own 5xx (500, 503 SlowDown), and a store that will not take the
    /// node's work as configured (the bucket missing, the keys refused: 403, NoSuchBucket) — an operator's matter, not the
    /// caller's, answered 503 until it is put right. Not a missing object (<c>NoSuchKey</c>), which the reader reports.
    /// </summary>
    private static bool IsUnavailable(Exception exception)
    {
        for (var current = exception; current is not null; current = current.InnerException)
        {
            if (current is HttpRequestException or SocketException or IOException or TimeoutException or TaskCanceledException) return true;
            if (current is AmazonServiceException { StatusCode: >= HttpStatusCode.InternalServerError }) return true;
            if (current is AmazonServiceException { StatusCode: HttpStatusCode.Forbidden or HttpStatusCode.Unauthorized }) return true;
            if (current is AmazonS3Exception { ErrorCode: "NoSuchBucket" }) return true;
        }
        return false;
    }

    public void Dispose()
    {
        if (_client.IsValueCreated) _client.Value.Dispose();
    }
}
