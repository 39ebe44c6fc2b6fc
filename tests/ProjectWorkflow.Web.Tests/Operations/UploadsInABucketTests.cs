using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using ProjectWorkflow.Application.Applications;
using ProjectWorkflow.Web.Tests.Fixtures;
using ProjectWorkflow.Web.Tests.Funding;

namespace ProjectWorkflow.Web.Tests.Operations;

/// <summary>
/// Nodes keeping uploads in an S3-compatible bucket (a real S3-protocol server, s3rver): a file attached through one
/// node downloads byte for byte through either, rows written before the switch (in the database) still download, a
/// deleted draft takes its objects with it, and while the bucket cannot be reached uploads and downloads answer 503
/// with Retry-After and leave no row without its bytes.
/// </summary>
[Collection(PortalAppCollection.Name)]
public sealed class UploadsInABucketTests(TwoNodesKeepingUploadsInABucket cluster) : IClassFixture<TwoNodesKeepingUploadsInABucket>
{
    [S3Fact]
    public async Task FilesAttachedThroughEitherNode_DownloadByteForByteOnBoth_FromTheBucketOrTheDatabase_AndGoWithTheirDraft()
    {
        using var applicantOnA = await cluster.A.ClientForAsync("enterprise1");
        using var applicantOnB = await cluster.B.ClientForAsync("enterprise1");
        var id = (await FundingApi.DraftAsync(applicantOnA, "tech-upgrade", FundingApi.Project("Uploads in a bucket"))).GetProperty("id").GetGuid();

        // Node A keeps a 300 KB report in the bucket; node B, not switched yet, keeps its file in the database.
        var report = LargePdf(300_000);
        var inBucket = await FundingApi.AttachedAsync(applicantOnA, id, "feasibility-report", "feasibility.pdf", report);
        var inDatabase = await FundingApi.AttachedAsync(applicantOnB, id, "business-licence", "licence.pdf", FundingApi.Pdf);

        var bucketPath = await StoragePathAsync(inBucket);
        Assert.Equal($"{UploadStore.InBucket}uploads/{id:N}/{inBucket:N}.pdf", bucketPath);
        Assert.Equal(report, await cluster.Bucket.ReadAsync(bucketPath[UploadStore.InBucket.Length..]));
        Assert.Equal(UploadStore.InDatabase, await StoragePathAsync(inDatabase));
        foreach (var node in new[] { cluster.A, cluster.B })
            Assert.Empty(Directory.Exists(node.DataDirectory) ? Directory.GetFiles(node.DataDirectory, "*.pdf", SearchOption.AllDirectories) : []);

        foreach (var applicant in new[] { applicantOnA, applicantOnB })
        {
            Assert.Equal(report, await FundingApi.DownloadAsync(applicant, id, inBucket));
            Assert.Equal(FundingApi.Pdf, await FundingApi.DownloadAsync(applicant, id, inDatabase));
        }
        // The portal's preview (shown in the page, streamed from the store) reads the same bytes.
        var preview = await applicantOnB.GetAsync($"/portal/applications/{id}/attachments/{inBucket}/preview");
        Assert.Equal(HttpStatusCode.OK, preview.StatusCode);
        Assert.Equal("application/pdf", preview.Content.Headers.ContentType?.MediaType);
        Assert.Equal(report, await preview.Content.ReadAsByteArrayAsync());

        // Deleted through the node still on the database: the rows, the database's bytes and the bucket's objects go.
        var revision = (await applicantOnB.GetFromJsonAsync<JsonElement>($"/api/applications/{id}")).GetProperty("revision").GetInt64();
        Assert.Equal(HttpStatusCode.NoContent, (await applicantOnB.DeleteAsync($"/api/applications/{id}?revision={revision}")).StatusCode);
        Assert.Empty(await cluster.Bucket.KeysAsync($"uploads/{id:N}/"));
        Assert.False(await cluster.QueryAsync(db => db.Set<AttachmentRecord>().AnyAsync(a => a.ApplicationId == id)));
        Assert.False(await cluster.QueryAsync(db => db.Set<AttachmentBlob>().AnyAsync(b => b.AttachmentId == inDatabase)));
    }

    [S3Fact]
    public async Task WhileTheBucketIsUnreachable_UploadsAndDownloadsAnswer503WithRetryAfter_AndNoRowIsLeftWithoutItsBytes()
    {
        using var applicant = await cluster.A.ClientForAsync("enterprise1");
        var id = (await FundingApi.DraftAsync(applicant, "tech-upgrade", FundingApi.Project("Bucket outage"))).GetProperty("id").GetGuid();
        var before = await FundingApi.AttachedAsync(applicant, id, "feasibility-report", "feasibility.pdf", FundingApi.Pdf);

        TestBucket.StopServer();
        HttpResponseMessage upload, download;
        try
        {
            upload = await FundingApi.AttachAsync(applicant, id, "audit-report", "audit.pdf", FundingApi.Pdf);
            download = await applicant.GetAsync($"/api/applications/{id}/attachments/{before}");
        }
        finally
        {
            TestBucket.StartServer();
        }

        foreach (var response in new[] { upload, download })
        {
            var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.ServiceUnavailable);
            Assert.Equal("The upload store is unavailable", problem.GetProperty("title").GetString());
            Assert.Equal(TimeSpan.FromSeconds(7), response.Headers.RetryAfter?.Delta);
        }
        // The refused upload left no row (and no scratch file on the node); the one before it still downloads.
        Assert.Equal([before], await cluster.QueryAsync(db => db.Set<AttachmentRecord>().Where(a => a.ApplicationId == id).Select(a => a.Id).ToListAsync()));
        Assert.Empty(Directory.GetFiles(cluster.A.DataDirectory, "*.pdf", SearchOption.AllDirectories));
        Assert.Equal(FundingApi.Pdf, await FundingApi.DownloadAsync(applicant, id, before));

        // Sent again once the store is back, it is kept.
        var again = await FundingApi.AttachedAsync(applicant, id, "audit-report", "audit.pdf", FundingApi.Pdf);
        Assert.Equal(FundingApi.Pdf, await FundingApi.DownloadAsync(applicant, id, again));
    }

    [S3Fact]
    public async Task AnObjectLostFromTheBucket_AnswersGone_NotAServerError()
    {
        using var applicant = await cluster.A.ClientForAsync("enterprise1");
        var id = (await FundingApi.DraftAsync(applicant, "tech-upgrade", FundingApi.Project("Object lost"))).GetProperty("id").GetGuid();
        var attachment = await FundingApi.AttachedAsync(applicant, id, "feasibility-report", "feasibility.pdf", FundingApi.Pdf);
        var kept = await StoragePathAsync(attachment);
        Assert.StartsWith(UploadStore.InBucket, kept, StringComparison.Ordinal);

        // Deleted from the bucket behind the portal's back (or left out of a restore): the row stays, its bytes are gone.
        await cluster.Bucket.DeleteAsync(kept[UploadStore.InBucket.Length..]);

        foreach (var node in new[] { cluster.A, cluster.B })
        {
            using var reader = await node.ClientForAsync("enterprise1");
            var problem = await ProblemAssert.IsProblemAsync(await reader.GetAsync($"/api/applications/{id}/attachments/{attachment}"), HttpStatusCode.Gone);
            Assert.Equal("The attachment's file is missing", problem.GetProperty("title").GetString());
        }
        Assert.Equal([attachment], await cluster.QueryAsync(db => db.Set<AttachmentRecord>().Where(a => a.ApplicationId == id).Select(a => a.Id).ToListAsync()));
    }

    private Task<string> StoragePathAsync(Guid attachment) =>
        cluster.QueryAsync(db => db.Set<AttachmentRecord>().Where(a => a.Id == attachment).Select(a => a.StoragePath).SingleAsync());

    /// <summary>A well-formed PDF carrying <paramref name="size"/> random bytes in a stream: large enough to come in several reads.</summary>
    private static byte[] LargePdf(int size)
    {
        var body = new byte[size];
        Random.Shared.NextBytes(body);
        using var pdf = new MemoryStream();
        pdf.Write(Encoding.ASCII.GetBytes($"%PDF-1.4\n1 0 obj << /Length {size} >>\nstream\n"));
        pdf.Write(body);
        pdf.Write("\nendstream\nendobj\n"u8);
        var xref = pdf.Position;
        pdf.Write(Encoding.ASCII.GetBytes($"xref\n0 1\n0000000000 65535 f \ntrailer << /Size 1 >>\nstartxref\n{xref}\n%%EOF\n"));
        return pdf.ToArray();
    }
}
