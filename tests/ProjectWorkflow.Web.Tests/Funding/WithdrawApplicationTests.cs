using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ProjectWorkflow.Web.Tests.Fixtures;
using static ProjectWorkflow.Web.Tests.Funding.FundingApi;
using static ProjectWorkflow.Web.Tests.Workflows.WorkflowApi;

namespace ProjectWorkflow.Web.Tests.Funding;

/// <summary>What the applicant may take back: a draft it deletes, a submission it withdraws while the district has it.</summary>
public sealed class WithdrawApplicationTests(FundingApp app) : IClassFixture<FundingApp>
{
    private readonly ReviewWalk _walk = new(app);

    private static string Unique(string name) => $"{name} {Guid.NewGuid():N}"[..30];

    [Fact]
    public async Task DeleteDraft_RemovesTheDraftTheClerkSaw_AndNothingSubmitted()
    {
        using var applicant = await app.CreateClientForAsync("enterprise1");
        using var other = await app.CreateClientForAsync("reviewer1");
        var draft = await SubmitReadyAsync(applicant, "smart-factory", Project(Unique("Abandoned idea")));
        var id = draft.GetProperty("id").GetGuid();
        var revision = (await ApplicationAsync(applicant, id)).GetProperty("revision").GetInt64();

        await ProblemAssert.IsProblemAsync(await applicant.DeleteAsync($"/api/applications/{id}"), HttpStatusCode.BadRequest);
        await ProblemAssert.IsProblemAsync(await applicant.DeleteAsync($"/api/applications/{id}?revision={revision + 7}"), HttpStatusCode.Conflict);
        await ProblemAssert.IsProblemAsync(await other.DeleteAsync($"/api/applications/{id}?revision={revision}"), HttpStatusCode.Forbidden);
        Assert.Equal(HttpStatusCode.NoContent, (await applicant.DeleteAsync($"/api/applications/{id}?revision={revision}")).StatusCode);
        await ProblemAssert.IsProblemAsync(await applicant.GetAsync($"/api/applications/{id}"), HttpStatusCode.NotFound);

        var (submitted, _) = await _walk.SubmitAsync(applicant, "smart-factory", Project(Unique("Submitted idea")));
        var submittedRevision = (await ApplicationAsync(applicant, submitted)).GetProperty("revision").GetInt64();
        await ProblemAssert.IsProblemAsync(await applicant.DeleteAsync($"/api/applications/{submitted}?revision={submittedRevision}"), HttpStatusCode.Conflict);

        using var admin = await app.CreateClientForAsync("admin1");
        var audit = await admin.GetFromJsonAsync<JsonElement>($"/api/audit?action=application.draft-deleted&objectId={draft.GetProperty("number").GetString()}");
        Assert.Equal("enterprise1", Assert.Single(audit.GetProperty("entries").EnumerateArray()).GetProperty("actor").GetString());
    }

    [Fact]
    public async Task WithdrawApplication_WhileWithTheDistrict_EndsItsProcessAndFreesItsInvoices_ButNotOnceThePanelHasIt()
    {
        using var applicant = await app.CreateClientForAsync("enterprise1");
        using var admin = await app.CreateClientForAsync("admin1");
        var invoice = $"W{Guid.NewGuid():N}"[..20];
        var (id, instance) = await _walk.SubmitAsync(applicant, "smart-factory", Project(Unique("Withdrawn line"), invoices: [invoice]));

        await ProblemAssert.IsProblemAsync(await PostAsync(applicant, $"/api/applications/{id}/withdraw", new { }), HttpStatusCode.BadRequest);
        var withdrawn = await (await PostAsync(applicant, $"/api/applications/{id}/withdraw", new { reason = "We found a cheaper supplier and will apply next year." }))
            .Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("withdrawn", withdrawn.GetProperty("status").GetString());
        Assert.Equal("cancelled", (await InstanceAsync(admin, instance)).GetProperty("status").GetString());
        using var reviewer = await app.CreateClientForAsync("reviewer1");
        var open = await reviewer.GetFromJsonAsync<JsonElement>($"/api/tasks?scope=candidate&instanceId={instance}");
        Assert.Empty((open.ValueKind == JsonValueKind.Array ? open : open.GetProperty("items")).EnumerateArray());

        // The applicant reads its own reason back; the invoice is free for the next submission.
        var ended = (await applicant.GetFromJsonAsync<JsonElement>($"/api/applications/{id}/timeline")).GetProperty("entries").EnumerateArray()
            .Single(e => e.GetProperty("event").GetString() == "ended");
        Assert.Contains("cheaper supplier", ended.GetProperty("reason").GetString());
        Assert.StartsWith("Withdrawn on ", ended.GetProperty("textEn").GetString());
        await _walk.SubmitAsync(applicant, "smart-factory", Project(Unique("Same invoice again"), invoices: [invoice]));

        // Once the district recommended it, the file is the panel's: the enterprise cannot take it back.
        var (later, laterInstance) = await _walk.SubmitAsync(applicant, "green-park", Project(Unique("Past the district")));
        await _walk.DistrictAsync(laterInstance, new { districtOutcome = "recommend" });
        var refused = await PostAsync(applicant, $"/api/applications/{later}/withdraw", new { reason = "Changed our mind." });
        Assert.Equal("WithdrawnOnlyInDistrictReview", (await ProblemAssert.IsProblemAsync(refused, HttpStatusCode.UnprocessableEntity)).GetProperty("rule").GetString());
        Assert.Equal("under-review", (await ApplicationAsync(applicant, later)).GetProperty("status").GetString());
    }

    [Fact]
    public async Task TheRequiredAttachmentKinds_AreShownOnTheScheme_AndNamedWhenMissing()
    {
        using var applicant = await app.CreateClientForAsync("enterprise1");
        var scheme = await applicant.GetFromJsonAsync<JsonElement>("/api/schemes/green-park");
        var rules = scheme.GetProperty("ruleSets").EnumerateArray().First(r => r.GetProperty("year").GetInt32() == 2026);
        var required = Assert.Single(rules.GetProperty("rules").GetProperty("requiredAttachments").EnumerateArray());
        Assert.Equal("feasibility-report", required.GetProperty("kind").GetString());
        Assert.Equal("可行性研究报告", required.GetProperty("nameZh").GetString());

        var draft = await DraftAsync(applicant, "green-park", Project(Unique("No report yet")));
        var missing = await SubmitAsync(applicant, draft.GetProperty("id").GetGuid());
        var error = Assert.Single((await ProblemAssert.IsProblemAsync(missing, HttpStatusCode.BadRequest)).GetProperty("errors").EnumerateArray(),
            e => e.GetProperty("field").GetString() == "attachments");
        Assert.Contains("feasibility report (kind feasibility-report)", error.GetProperty("message").GetString());
    }
}
