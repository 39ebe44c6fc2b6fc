using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ProjectWorkflow.Application.Persistence;
using ProjectWorkflow.Funding.Applications;

namespace ProjectWorkflow.Web.Tests.Funding;

/// <summary>The steps an applicant takes, shared by the funding stories.</summary>
internal static class FundingApi
{
    public static readonly byte[] Pdf = "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\nxref\n0 1\n0000000000 65535 f \ntrailer << /Root 1 0 R /Size 1 >>\nstartxref\n45\n%%EOF\n"u8.ToArray();

    public static async Task<JsonElement> DraftAsync(HttpClient applicant, string scheme, object fields, int year = 2026)
    {
        var created = await applicant.PostAsJsonAsync("/api/applications", new { schemeKey = scheme, year });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var draft = await created.Content.ReadFromJsonAsync<JsonElement>();
        var saved = await applicant.PutAsJsonAsync($"/api/applications/{draft.GetProperty("id")}", fields);
        Assert.True(saved.StatusCode == HttpStatusCode.OK, await saved.Content.ReadAsStringAsync());
        return await saved.Content.ReadFromJsonAsync<JsonElement>();
    }

    public static async Task<HttpResponseMessage> AttachAsync(HttpClient client, Guid application, string kind, string fileName, byte[] content)
    {
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        form.Add(file, "file", fileName);
        form.Add(new StringContent(kind), "kind");
        return await client.PostAsync($"/api/applications/{application}/attachments", form);
    }

    /// <summary>Attaches a file that must be accepted (201), and gives its id.</summary>
    public static async Task<Guid> AttachedAsync(HttpClient client, Guid application, string kind, string fileName, byte[] content)
    {
        var attached = await AttachAsync(client, application, kind, fileName, content);
        Assert.True(attached.StatusCode == HttpStatusCode.Created, await attached.Content.ReadAsStringAsync());
        return (await attached.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    /// <summary>Downloads an attachment, which must come as an inert download (application/octet-stream), and gives its bytes.</summary>
    public static async Task<byte[]> DownloadAsync(HttpClient client, Guid application, Guid attachment)
    {
        var download = await client.GetAsync($"/api/applications/{application}/attachments/{attachment}");
        Assert.True(download.StatusCode == HttpStatusCode.OK, await download.Content.ReadAsStringAsync());
        Assert.Equal("application/octet-stream", download.Content.Headers.ContentType?.MediaType);
        return await download.Content.ReadAsByteArrayAsync();
    }

    public static object Project(string name, long equipmentFen = 6_123_456_789, bool inPool = true, string leader = "310101198001010011", string[]? invoices = null) => new
    {
        projectName = name,
        site = "No. 88 Jinqiao Road, Pudong",
        description = "Retrofit of stamping line 3 with servo presses and an MES.",
        projectLeaderName = "Wang Wu",
        projectLeaderIdentity = leader,
        inProjectPool = inPool,
        equipmentFen,
        softwareFen = 1_500_000_000L,
        constructionFen = 2_000_000_000L,
        otherFen = 500_000_000L,
        energyBeforeTce = 12_000m,
        energyAfterTce = 9_500m,
        outputFen = 80_000_000_000L,
        valueAddedFen = 20_000_000_000L,
        headcount = 420,
        robots = 36,
        invoiceNumbers = invoices ?? [],
    };

    public static async Task<JsonElement> SubmitReadyAsync(HttpClient applicant, string scheme, object fields)
    {
        var draft = await DraftAsync(applicant, scheme, fields);
        var id = draft.GetProperty("id").GetGuid();
        Assert.Equal(HttpStatusCode.Created, (await AttachAsync(applicant, id, "feasibility-report", "feasibility.pdf", Pdf)).StatusCode);
        return draft;
    }

    public static Task<HttpResponseMessage> SubmitAsync(HttpClient applicant, Guid id) =>
        applicant.PostAsync($"/api/applications/{id}/submit", null);

    /// <summary>
    /// Puts a draft's project into the pool's register straight in the database, for stories that are not about the pool
    /// (ProjectPoolTests imports it from Excel over HTTP).
    /// </summary>
    public static async Task EnterPoolAsync(Fixtures.PortalApp app, JsonElement draft)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ProjectWorkflowDbContext>();
        var uscc = ProjectWorkflow.Funding.Enterprises.Uscc.Parse(draft.GetProperty("uscc").GetString()!);
        var name = draft.GetProperty("projectName").GetString()!;
        var year = draft.GetProperty("year").GetInt32();
        var normalised = ProjectFingerprint.Normalise(name);
        if (await db.Set<ProjectPoolEntry>().AnyAsync(e => e.Uscc == uscc.Value && e.NormalisedName == normalised && e.PoolYear == year)) return;
        db.Add(ProjectPoolEntry.Enter(uscc, name, year, null, Guid.NewGuid(), "test", DateTimeOffset.UtcNow));
        await db.SaveChangesAsync();
    }

    public static async Task<JsonElement> ApplicationAsync(HttpClient client, Guid id) =>
        await client.GetFromJsonAsync<JsonElement>($"/api/applications/{id}");
}
