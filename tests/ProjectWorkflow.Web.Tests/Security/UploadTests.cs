using System.IO.Compression;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using ProjectWorkflow.Application.Applications;
using ProjectWorkflow.Application.Persistence;
using ProjectWorkflow.Web.Tests.Fixtures;
using static ProjectWorkflow.Web.Tests.Funding.FundingApi;

namespace ProjectWorkflow.Web.Tests.Security;

/// <summary>
/// An applicant uploads files dressed up as something else — a web page that starts like a PDF, an SVG behind PNG
/// bytes, any ZIP named .docx — hoping a reviewer's browser opens them. Each is refused; real files are kept and
/// handed back as inert downloads.
/// </summary>
[Collection(PortalAppCollection.Name)]
public sealed class UploadTests(PortalApp app)
{
    public static readonly byte[] Png = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==");

    public static readonly byte[] Jpeg =
    [
        0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, 0x4A, 0x46, 0x49, 0x46, 0x00, 0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00,
        0xFF, 0xC0, 0x00, 0x0B, 0x08, 0x00, 0x10, 0x00, 0x20, 0x01, 0x01, 0x11, 0x00,
        0xFF, 0xDA, 0x00, 0x08, 0x01, 0x01, 0x00, 0x00, 0x3F, 0x00, 0xD2, 0xCF, 0x20, 0xFF, 0xD9,
    ];

    public static TheoryData<string, byte[]> Forged() => new()
    {
        { "report.pdf", "%PDF-<html><script>alert(document.cookie)</script></html>"u8.ToArray() },
        { "report.pdf", "%PDF-1.4\n1 0 obj << >> endobj\n<html><script>alert(1)</script>"u8.ToArray() },
        { "report.pdf", "%PDF-1.7\n1 0 obj << >> endobj\nstartxref\n999999\n%%EOF\n"u8.ToArray() },
        { "licence.png", [.. Png.Take(8), .. "<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\"/>"u8.ToArray()] },
        { "licence.png", [.. Png, .. "<script>alert(1)</script>"u8.ToArray()] },
        { "photo.jpg", [0xFF, 0xD8, 0xFF, .. "<html><script>alert(1)</script></html>"u8.ToArray()] },
        { "plan.docx", Zip(("hello.txt", "<html><script>alert(1)</script></html>")) },
        { "plan.docx", Zip(("[Content_Types].xml", "<Types/>"), ("xl/workbook.xml", "<workbook/>")) },
        { "sheet.xlsx", Zip(("[Content_Types].xml", "<Types/>"), ("word/document.xml", "<document/>")) },
        { "sheet.xlsx", [0x50, 0x4B, 0x03, 0x04, .. "not really a zip"u8.ToArray()] },
    };

    [Theory]
    [MemberData(nameof(Forged))]
    public async Task AFileThatOnlyStartsLikeItsKind_IsRefused_AndNotKept(string fileName, byte[] content)
    {
        var (applicant, application) = await DraftAsync();

        var response = await AttachAsync(applicant, application, "other", fileName, content);

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest);
        var file = Assert.Single(problem.GetProperty("errors").EnumerateArray(), e => e.GetProperty("field").GetString() == "file");
        // A clerk on a Chinese page reads what is wrong with this file in Chinese, not only the closing advice, and no English in it.
        var chinese = file.GetProperty("messageZh").GetString()!;
        Assert.Matches(@"^\p{IsCJKUnifiedIdeographs}", chinese);
        Assert.EndsWith("。请上传原始的 PDF、图片或 Office 文档。", chinese);
        Assert.DoesNotMatch("[A-Za-z]+ [a-z]+ [a-z]+", chinese);
        var folder = Path.Combine(app.DataDirectory, "uploads", application.ToString("N"));
        Assert.True(!Directory.Exists(folder) || Directory.GetFiles(folder).Length == 0, "nothing of the refused file is kept");
        // Nor in the node's scratch folder, where an upload bound for the database is checked (Storage:Uploads=Database).
        var incoming = Path.Combine(app.DataDirectory, "incoming");
        Assert.True(!Directory.Exists(incoming) || Directory.GetFiles(incoming, $"*{Path.GetExtension(fileName)}").Length == 0, "nothing of the refused file is left in scratch");
    }

    public static TheoryData<string, byte[]> Genuine() => new()
    {
        { "report.pdf", Pdf },
        { "licence.png", Png },
        { "photo.jpg", Jpeg },
        { "plan.docx", Zip(("[Content_Types].xml", "<Types/>"), ("word/document.xml", "<w:document/>")) },
        { "sheet.xlsx", Zip(("[Content_Types].xml", "<Types/>"), ("xl/workbook.xml", "<workbook/>")) },
    };

    [Theory]
    [MemberData(nameof(Genuine))]
    public async Task ARealFile_IsKept_AndDownloadedAsAnInertAttachment(string fileName, byte[] content)
    {
        var (applicant, application) = await DraftAsync();

        var added = await AttachAsync(applicant, application, "other", fileName, content);
        Assert.True(added.StatusCode == HttpStatusCode.Created, await added.Content.ReadAsStringAsync());
        var download = await applicant.GetAsync(added.Headers.Location);

        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal(Attachments.DownloadContentType, download.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", download.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal(fileName, download.Content.Headers.ContentDisposition?.FileNameStar ?? download.Content.Headers.ContentDisposition?.FileName);
        Assert.Equal("nosniff", string.Join("", download.Headers.GetValues("X-Content-Type-Options")));
        Assert.Contains("sandbox", string.Join("", download.Headers.GetValues("Content-Security-Policy")));
        Assert.Equal(content, await download.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task AFileLostFromTheStore_AnswersGone_NotAServerError()
    {
        var (applicant, application) = await DraftAsync();
        var added = await AttachAsync(applicant, application, "other", "report.pdf", Pdf);
        Assert.True(added.StatusCode == HttpStatusCode.Created, await added.Content.ReadAsStringAsync());

        // Someone deletes the bytes behind the portal's back (or a restore left them out): the file from the shared
        // folder (SQLite's default store) or the blob row (PostgreSQL's).
        await LoseTheBytesAsync((await added.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid());

        var download = await applicant.GetAsync(added.Headers.Location);
        var problem = await ProblemAssert.IsProblemAsync(download, HttpStatusCode.Gone);
        Assert.Equal("The attachment's file is missing", problem.GetProperty("title").GetString());
        // The attachment is still listed: only its bytes are gone, for an operator to restore.
        var listed = await applicant.GetFromJsonAsync<JsonElement>($"/api/applications/{application}");
        Assert.Contains("report.pdf", listed.GetRawText(), StringComparison.Ordinal);
    }

    private async Task LoseTheBytesAsync(Guid attachment)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ProjectWorkflowDbContext>();
        var kept = await db.Set<AttachmentRecord>().SingleAsync(a => a.Id == attachment);
        if (kept.StoragePath == UploadStore.InDatabase)
            Assert.Equal(1, await db.Set<AttachmentBlob>().Where(b => b.AttachmentId == attachment).ExecuteDeleteAsync());
        else
        {
            var file = Path.Combine(SharedStorage.Resolve(scope.ServiceProvider.GetRequiredService<IConfiguration>()), kept.StoragePath);
            Assert.True(File.Exists(file), file);
            File.Delete(file);
        }
    }

    private async Task<(HttpClient Applicant, Guid Application)> DraftAsync()
    {
        var applicant = await app.CreateClientForAsync("enterprise1");
        var created = await applicant.PostAsJsonAsync("/api/applications", new { schemeKey = "green-park", year = DateTime.UtcNow.Year });
        Assert.True(created.StatusCode == HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        return (applicant, (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid());
    }

    public static byte[] Zip(params (string Name, string Text)[] parts)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, text) in parts)
            {
                using var entry = zip.CreateEntry(name).Open();
                entry.Write(Encoding.UTF8.GetBytes(text));
            }
        }
        return buffer.ToArray();
    }
}
