using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MiniExcelLibs;
using ProjectWorkflow.Application.Enterprises;
using ProjectWorkflow.Application.Persistence;
using ProjectWorkflow.Application.Treasury;
using ProjectWorkflow.Funding.Projects;
using ProjectWorkflow.Web.Tests.Fixtures;
using static ProjectWorkflow.Web.Tests.Funding.FundingApi;
using static ProjectWorkflow.Web.Tests.Workflows.WorkflowApi;

namespace ProjectWorkflow.Web.Tests.Funding;

/// <summary>
/// The controls of the 2026 rules: fixed assets above 60% of total input; the project pool as a register staff import
/// from Excel, looked up at submission; the district's forwarding deadline counted from the window's close.
/// </summary>
public sealed class EligibilityControlTests(FundingApp app) : IClassFixture<FundingApp>
{
    private static byte[] Workbook(IEnumerable<Dictionary<string, object>> rows)
    {
        using var stream = new MemoryStream();
        stream.SaveAs(rows);
        return stream.ToArray();
    }

    private static async Task<HttpResponseMessage> ImportAsync(HttpClient client, byte[] content, string fileName = "pool-2025.xlsx")
    {
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        form.Add(file, "file", fileName);
        return await client.PostAsync("/api/project-pool/imports", form);
    }

    [Fact]
    public async Task FixedAssetsNotAboveSixtyPercentOfTotalInput_AreRefusedAtSubmission()
    {
        using var applicant = await app.CreateClientForAsync("enterprise1");
        // Equipment ¥10,000,000 + construction ¥20,000,000 of ¥50,000,000 in all: exactly 60%, not above it.
        var draft = await SubmitReadyAsync(applicant, "tech-upgrade", Project("Mostly software upgrade", equipmentFen: 1_000_000_000));
        var refused = await ProblemAssert.IsProblemAsync(await SubmitAsync(applicant, draft.GetProperty("id").GetGuid()), HttpStatusCode.UnprocessableEntity);
        Assert.Equal("FixedAssetShareTooLow", refused.GetProperty("rule").GetString());
        Assert.Contains("须高于60%", refused.GetProperty("messageZh").GetString());
        Assert.Contains("must be more than 60%", refused.GetProperty("messageEn").GetString());
    }

    [Fact]
    public async Task ThePoolIsImportedFromExcelByStaff_AndSubmissionLooksTheProjectUpInIt()
    {
        using var applicant = await app.CreateClientForAsync("enterprise1");
        using var reviewer = await app.CreateClientForAsync("reviewer1");
        using var admin = await app.CreateClientForAsync("admin1");
        var sheet = Workbook([
            new() { ["统一社会信用代码"] = DemoEnterpriseSeed.Uscc, ["项目名称"] = "Pooled press line", ["入库年度"] = 2025, ["区"] = "Pudong" },
            new() { ["统一社会信用代码"] = "91310000MA1FL4UJ5Y", ["项目名称"] = "Someone else's line", ["入库年度"] = 2026, ["区"] = "Jiading" },
        ]);

        // An applicant cannot put its own project into the pool; a sheet with a bad row is refused whole, naming the row.
        Assert.Equal(HttpStatusCode.Forbidden, (await ImportAsync(applicant, sheet)).StatusCode);
        var bad = Workbook([new() { ["统一社会信用代码"] = "91310000MA1FL4UJ5X", ["项目名称"] = "Typo line", ["入库年度"] = 2025 }]);
        var badRow = await ProblemAssert.IsProblemAsync(await ImportAsync(reviewer, bad), HttpStatusCode.BadRequest);
        Assert.Contains(badRow.GetProperty("errors").EnumerateArray(), e => e.GetProperty("field").GetString() == "row 2: USCC");
        var notExcel = await ProblemAssert.IsProblemAsync(await ImportAsync(reviewer, Pdf, "pool.xlsx"), HttpStatusCode.BadRequest);
        Assert.Contains(notExcel.GetProperty("errors").EnumerateArray(), e => e.GetProperty("field").GetString() == "file");

        // The district reviewer imports it; importing the same sheet again adds nothing.
        var imported = await ImportAsync(reviewer, sheet);
        Assert.Equal(HttpStatusCode.Created, imported.StatusCode);
        var first = await imported.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(2, first.GetProperty("added").GetInt32());
        var again = await (await ImportAsync(reviewer, sheet)).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(0, again.GetProperty("added").GetInt32());
        Assert.Equal(2, again.GetProperty("alreadyInPool").GetInt32());
        var register = (await admin.GetFromJsonAsync<JsonElement[]>($"/api/project-pool?uscc={DemoEnterpriseSeed.Uscc}"))!;
        Assert.Contains(register, e => e.GetProperty("projectName").GetString() == "Pooled press line" && e.GetProperty("importedBy").GetString() == "reviewer1");
        var audit = await admin.GetFromJsonAsync<JsonElement>("/api/audit?action=project-pool.imported");
        Assert.Contains(audit.GetProperty("entries").EnumerateArray(), e => e.GetProperty("objectId").GetString() == first.GetProperty("importId").GetString());

        // A project not in the register is refused whatever the applicant says; the pooled one (spelt differently) goes through.
        var unpooled = await SubmitReadyAsync(applicant, "smart-factory", Project("Unpooled press line", inPool: true));
        var refused = await ProblemAssert.IsProblemAsync(await SubmitAsync(applicant, unpooled.GetProperty("id").GetGuid()), HttpStatusCode.UnprocessableEntity);
        Assert.Equal("NotInProjectPool", refused.GetProperty("rule").GetString());
        var pooled = await SubmitReadyAsync(applicant, "smart-factory", Project("POOLED  press line。"));
        var submitted = await SubmitAsync(applicant, pooled.GetProperty("id").GetGuid());
        Assert.True(submitted.StatusCode == HttpStatusCode.OK, await submitted.Content.ReadAsStringAsync());
        Assert.True((await submitted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("inProjectPool").GetBoolean());
    }

    [Fact]
    public async Task TheDistrictForwards_TwoWorkingDaysAfterTheWindowCloses_NotTwoDaysAfterTheSubmission()
    {
        using var applicant = await app.CreateClientForAsync("enterprise1");
        using var reviewer = await app.CreateClientForAsync("reviewer1");
        var draft = await SubmitReadyAsync(applicant, "tech-upgrade", Project("Forwarded after the close"));
        await EnterPoolAsync(app, draft);
        var submitted = await (await SubmitAsync(applicant, draft.GetProperty("id").GetGuid())).Content.ReadFromJsonAsync<JsonElement>();
        var task = Assert.Single(await TasksAsync(reviewer, "candidate", submitted.GetProperty("instanceId").GetGuid()));
        // Submitted Monday 26 January; the window closes Wednesday 4 February 16:00: due by the end of Friday 6 February, Shanghai.
        Assert.Equal(new DateTimeOffset(2026, 2, 7, 0, 0, 0, TimeSpan.FromHours(8)), task.GetProperty("dueAt").GetDateTimeOffset());
    }
}

/// <summary>The credit check runs again before every payment: a sanction recorded after approval holds the payment, with the reason.</summary>
public sealed class PaymentCreditCheckTests(FundingApp app) : IClassFixture<FundingApp>
{
    private readonly LifecycleWalk _walk = new(app);

    [Fact]
    public async Task ASanctionRecordedAfterApproval_HoldsThePayment_WithTheReason()
    {
        var applicant = await _walk.ClientAsync("enterprise1");
        var finance = await _walk.ClientAsync("finance1");
        const string leader = "310101198707070077";
        var (id, _) = await _walk.ApprovedGreenParkAsync(applicant, "Sanctioned after approval", leader);
        var number = (await ApplicationAsync(applicant, id)).GetProperty("number").GetString()!;
        await app.AdvanceAsync(TimeSpan.FromDays(8));
        Assert.Equal("approved", await LifecycleWalk.StatusAsync(applicant, id));
        await LifecycleWalk.SignAsync(applicant, id);

        // The city's credit platform bars the project leader after the approval: an administrator records it from its
        // notice. Nobody else may, and a record without its grounds, a known subject or a future end is refused.
        var admin = await _walk.ClientAsync("admin1");
        var approver = await _walk.ClientAsync("approver1");
        var until = DateOnly.FromDateTime(app.Clock.GetUtcNow().UtcDateTime).AddYears(3);
        const string grounds = "false invoices in another city's fund (credit platform notice 2026-12)";
        await ProblemAssert.IsProblemAsync(await PostAsync(approver, "/api/credit-sanctions", new { subjectKind = "leader", subject = leader, until, reason = grounds }), HttpStatusCode.Forbidden);
        await ProblemAssert.IsProblemAsync(await PostAsync(applicant, "/api/credit-sanctions", new { subjectKind = "leader", subject = leader, until, reason = grounds }), HttpStatusCode.Forbidden);
        var incomplete = await ProblemAssert.IsProblemAsync(await PostAsync(admin, "/api/credit-sanctions",
            new { subjectKind = "enterprise", subject = "91310000MA1FL4UJ5X", until = until.AddYears(-10), reason = " " }), HttpStatusCode.BadRequest);
        Assert.Equal(["reason", "subject", "until"], incomplete.GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("field").GetString()).Order());
        var recorded = await PostAsync(admin, "/api/credit-sanctions", new { subjectKind = "leader", subject = leader, until, reason = grounds });
        Assert.Equal(HttpStatusCode.Created, recorded.StatusCode);
        var sanction = await recorded.Content.ReadFromJsonAsync<JsonElement>();
        var audit = await admin.GetFromJsonAsync<JsonElement>("/api/audit?action=credit-sanction.recorded");
        Assert.Contains(audit.GetProperty("entries").EnumerateArray(), e => e.GetProperty("objectId").GetString() == sanction.GetProperty("id").GetString()
            && e.GetProperty("actor").GetString() == "admin1");

        // The enterprise reads the bar on its leader, its end and its grounds, not who recorded it.
        var enterprise = (await applicant.GetFromJsonAsync<JsonElement>("/api/enterprises/mine")).GetProperty("id").GetGuid();
        var itsRecord = Assert.Single((await applicant.GetFromJsonAsync<JsonElement[]>($"/api/enterprises/{enterprise}/credit-sanctions"))!);
        Assert.Equal(grounds, itsRecord.GetProperty("reason").GetString());
        Assert.Equal("leader", itsRecord.GetProperty("subjectKind").GetString());
        Assert.DoesNotContain("admin1", itsRecord.ToString());

        var order = await Eventually.WaitForAsync(async () => (await finance.GetFromJsonAsync<JsonElement[]>($"/api/ledger/payment-orders?applicationId={id}"))!
            .Where(o => o.GetProperty("status").GetString() == "awaiting-approval").Select(o => (object)o).FirstOrDefault(), "the first payment order");
        var orderId = ((JsonElement)order).GetProperty("id").GetGuid();
        var approved = await (await PostAsync(finance, $"/api/ledger/payment-orders/{orderId}/approve")).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains("false invoices in another city's fund", approved.GetProperty("holdReason").GetString());
        Assert.Contains("credit sanction", approved.GetProperty("holdReason").GetString());
        Assert.Equal("approved", (await finance.GetFromJsonAsync<JsonElement>($"/api/ledger/payment-orders/{orderId}")).GetProperty("status").GetString());
        await using (var scope = app.Services.CreateAsyncScope())
            Assert.False(await scope.ServiceProvider.GetRequiredService<ProjectWorkflowDbContext>().Set<TreasuryPayment>().AnyAsync(p => p.BusinessKey == number));
    }
}
