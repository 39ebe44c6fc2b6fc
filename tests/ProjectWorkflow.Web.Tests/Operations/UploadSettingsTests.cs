using Microsoft.Extensions.Configuration;
using ProjectWorkflow.Application.Applications;

namespace ProjectWorkflow.Web.Tests.Operations;

/// <summary>
/// A node whose upload store is named but not configured refuses to start (Program.cs logs "Refusing to start: …"),
/// saying which setting to give, instead of failing at the first upload.
/// </summary>
public sealed class UploadSettingsTests
{
    [Theory]
    [InlineData("S3", "http://minio:9000", "attachments", null, "k", "s", null)]
    [InlineData("S3", null, "attachments", "cn-north-1", null, null, null)]
    [InlineData("Database", null, null, null, null, null, null)]
    [InlineData("S3", "http://minio:9000", null, null, "k", "s", "Storage:S3:Bucket")]
    [InlineData("S3", null, "attachments", null, "k", "s", "Storage:S3:ServiceUrl")]
    [InlineData("S3", "minio", "attachments", null, "k", "s", "not an absolute address")]
    [InlineData("S3", "http://minio:9000", "attachments", null, "k", null, "Storage:S3:SecretKey")]
    [InlineData("Bucket", null, null, null, null, null, "set it to Database, S3 or FileSystem")]
    public void TheUploadSettings_AreCheckedAtStart_NamingWhatIsMissing(string uploads, string? serviceUrl, string? bucket, string? region, string? accessKey, string? secretKey, string? refusal)
    {
        var settings = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Storage:Uploads"] = uploads,
            ["Storage:S3:ServiceUrl"] = serviceUrl,
            ["Storage:S3:Bucket"] = bucket,
            ["Storage:S3:Region"] = region,
            ["Storage:S3:AccessKey"] = accessKey,
            ["Storage:S3:SecretKey"] = secretKey,
        }).Build();

        var problem = UploadStore.SettingsProblem(settings);

        if (refusal is null) Assert.Null(problem);
        else Assert.Contains(refusal, problem);
    }
}
