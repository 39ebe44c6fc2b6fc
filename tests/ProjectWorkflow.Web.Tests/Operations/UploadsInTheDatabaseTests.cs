using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using ProjectWorkflow.Application.Applications;
using ProjectWorkflow.Web.Tests.Fixtures;
using ProjectWorkflow.Web.Tests.Funding;

namespace ProjectWorkflow.Web.Tests.Operations;

/// <summary>
/// Nodes that share no folder keep uploads in the database: a file attached through node A downloads through node B,
/// byte for byte, no file is written on either node, and deleting the draft deletes the bytes.
/// </summary>
[Collection(PortalAppCollection.Name)]
public sealed class UploadsInTheDatabaseTests(TwoNodesKeepingUploadsInTheDatabase cluster) : IClassFixture<TwoNodesKeepingUploadsInTheDatabase>
{
    [Fact]
    public async Task AFileAttachedThroughNodeA_IsDownloadedThroughNodeB_FromTheDatabase_AndGoesWithItsDraft()
    {
        using var applicantOnA = await cluster.A.ClientForAsync("enterprise1");
        using var applicantOnB = await cluster.B.ClientForAsync("enterprise1");
        var draft = await FundingApi.DraftAsync(applicantOnA, "tech-upgrade", FundingApi.Project("Uploads in the database"));
        var id = draft.GetProperty("id").GetGuid();

        var attachmentId = await FundingApi.AttachedAsync(applicantOnA, id, "feasibility-report", "feasibility.pdf", FundingApi.Pdf);

        Assert.Equal(FundingApi.Pdf, await FundingApi.DownloadAsync(applicantOnB, id, attachmentId));
        Assert.Equal(FundingApi.Pdf, await cluster.QueryAsync(db => db.Set<AttachmentBlob>().Where(b => b.AttachmentId == attachmentId).Select(b => b.Content).SingleAsync()));
        foreach (var node in new[] { cluster.A, cluster.B })
            Assert.Empty(Directory.Exists(node.DataDirectory)
                ? Directory.GetFiles(node.DataDirectory, "*.pdf", SearchOption.AllDirectories)
                : []);

        var revision = (await applicantOnB.GetFromJsonAsync<JsonElement>($"/api/applications/{id}")).GetProperty("revision").GetInt64();
        Assert.Equal(HttpStatusCode.NoContent, (await applicantOnB.DeleteAsync($"/api/applications/{id}?revision={revision}")).StatusCode);
        Assert.False(await cluster.QueryAsync(db => db.Set<AttachmentBlob>().AnyAsync(b => b.AttachmentId == attachmentId)));
    }
}
