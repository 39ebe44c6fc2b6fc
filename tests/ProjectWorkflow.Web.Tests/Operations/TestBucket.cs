using System.Diagnostics;
using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;

namespace ProjectWorkflow.Web.Tests.Operations;

/// <summary>
/// The tests' S3-compatible server (s3rver, started by <c>infra/scripts/s3.sh</c>): its address in <c>PW_TEST_S3</c>, and
/// how to stop and start it again in <c>PW_TEST_S3_CONTROL</c> (the script) and <c>PW_TEST_S3_DIR</c> (its folder), as
/// <c>infra/scripts/test.sh</c> sets them. A fixture makes a bucket of its own, so runs side by side never meet.
/// </summary>
public sealed class TestBucket : IDisposable
{
    public const string AddressVariable = "PW_TEST_S3";
    public const string ControlVariable = "PW_TEST_S3_CONTROL";
    public const string DirectoryVariable = "PW_TEST_S3_DIR";

    /// <summary>s3rver's fixed access key and secret: a test server's, not a secret.</summary>
    public const string AccessKey = "S3RVER";
    public const string SecretKey = "S3RVER";

    public static string? Address => Environment.GetEnvironmentVariable(AddressVariable) is { Length: > 0 } address ? address : null;

    public static bool IsAvailable => Address is not null
        && Environment.GetEnvironmentVariable(ControlVariable) is { Length: > 0 }
        && Environment.GetEnvironmentVariable(DirectoryVariable) is { Length: > 0 };

    public string Name { get; } = $"pw-test-{Guid.NewGuid():N}";

    private readonly AmazonS3Client _client = new(new BasicAWSCredentials(AccessKey, SecretKey), new AmazonS3Config
    {
        ServiceURL = Address,
        ForcePathStyle = true,
        AuthenticationRegion = "us-east-1",
        RequestChecksumCalculation = RequestChecksumCalculation.WHEN_REQUIRED,
        ResponseChecksumValidation = ResponseChecksumValidation.WHEN_REQUIRED,
    });

    /// <summary>The settings a node needs to keep its uploads in this bucket (what an operator puts in the environment).</summary>
    public IEnumerable<KeyValuePair<string, string?>> Settings =>
    [
        new("Storage:S3:ServiceUrl", Address),
        new("Storage:S3:Bucket", Name),
        new("Storage:S3:AccessKey", AccessKey),
        new("Storage:S3:SecretKey", SecretKey),
    ];

    public Task CreateAsync() => _client.PutBucketAsync(Name);

    /// <summary>The keys of the objects under <paramref name="prefix"/>.</summary>
    public async Task<IReadOnlyList<string>> KeysAsync(string prefix = "")
    {
        var listed = await _client.ListObjectsV2Async(new ListObjectsV2Request { BucketName = Name, Prefix = prefix });
        return listed.S3Objects?.Select(o => o.Key).ToList() ?? [];
    }

    public async Task<byte[]> ReadAsync(string key)
    {
        using var answer = await _client.GetObjectAsync(Name, key);
        using var bytes = new MemoryStream();
        await answer.ResponseStream.CopyToAsync(bytes);
        return bytes.ToArray();
    }

    /// <summary>Deletes one object, as someone cleaning the bucket behind the portal's back would.</summary>
    public Task DeleteAsync(string key) => _client.DeleteObjectAsync(Name, key);

    /// <summary>Stops the server, as an outage of the store would; <see cref="StartServer"/> brings it back.</summary>
    public static void StopServer() => Control("stop");

    public static void StartServer() => Control("start");

    private static void Control(string command)
    {
        using var script = Process.Start(new ProcessStartInfo("bash",
            [Environment.GetEnvironmentVariable(ControlVariable)!, command, Environment.GetEnvironmentVariable(DirectoryVariable)!])
        {
            RedirectStandardError = true,
        })!;
        var errors = script.StandardError.ReadToEnd();
        script.WaitForExit();
        if (script.ExitCode != 0) throw new InvalidOperationException($"s3.sh {command} failed ({script.ExitCode}): {errors}");
    }

    public void Dispose() => _client.Dispose();
}
