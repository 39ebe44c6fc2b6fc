using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ProjectWorkflow.Web.Tests.Fixtures;
using static ProjectWorkflow.Web.Tests.Funding.FundingApi;
using static ProjectWorkflow.Web.Tests.Workflows.WorkflowApi;

namespace ProjectWorkflow.Web.Tests.Funding;

/// <summary>A district reviewer's task carries its form; completing it without what the form asks is refused, and the process never faults.</summary>
public sealed class TaskFormTests(FundingApp app) : IClassFixture<FundingApp>
{
    private readonly ReviewWalk _walk = new(app);

    [Fact]
    public async Task DistrictReviewer_WhoCompletesWithNothing_IsToldTheOutcomeIsMissing_AndTheTaskStaysOpen()
    {
        using var applicant = await app.CreateClientForAsync("enterprise1");
        using var reviewer = await app.CreateClientForAsync("reviewer1");
        using var admin = await app.CreateClientForAsync("admin1");
        var (_, instance) = await _walk.SubmitAsync(applicant, "tech-upgrade", Project("Forms: empty completion"));
        var task = await OnlyTaskAsync(reviewer, "candidate", instance, "districtReview");

        var empty = await PostAsync(reviewer, $"/api/tasks/{task}/complete", new { variables = new { } });
        var problem = await ProblemAssert.IsProblemAsync(empty, HttpStatusCode.BadRequest);
        Assert.Contains(problem.GetProperty("errors").EnumerateArray(), e => e.GetProperty("field").GetString() == "districtOutcome");

        var noBody = await PostAsync(reviewer, $"/api/tasks/{task}/complete");
        Assert.Equal(HttpStatusCode.BadRequest, noBody.StatusCode);

        // Every wrong field is named at once: an outcome the process does not know, a deadline out of range, a wrong type.
        var wrong = await PostAsync(reviewer, $"/api/tasks/{task}/complete",
            new { variables = new { districtOutcome = "maybe", supplementDays = 99, returnReason = 7 } });
        var fields = (await ProblemAssert.IsProblemAsync(wrong, HttpStatusCode.BadRequest)).GetProperty("errors").EnumerateArray()
            .Select(e => e.GetProperty("field").GetString()!).ToHashSet();
        Assert.Equal(["districtOutcome", "supplementDays", "returnReason"], fields);

        var state = await InstanceAsync(admin, instance);
        Assert.Equal("running", state.GetProperty("status").GetString());
        Assert.Empty(state.GetProperty("incidents").EnumerateArray());
        Assert.Equal(task, await OnlyTaskAsync(reviewer, "candidate", instance, "districtReview"));

        await OkAsync(reviewer, $"/api/tasks/{task}/complete", new { variables = new { districtOutcome = "recommend" } });
        Assert.Equal("running", (await InstanceAsync(admin, instance)).GetProperty("status").GetString());
    }

    [Fact]
    public async Task AReasonIsRequired_OnlyWhenTheOutcomeShowsIt_ReturnOrReject()
    {
        using var applicant = await app.CreateClientForAsync("enterprise1");
        using var reviewer = await app.CreateClientForAsync("reviewer1");
        var (_, returned) = await _walk.SubmitAsync(applicant, "green-park", Project("Forms: returned without a reason"));
        var (_, rejected) = await _walk.SubmitAsync(applicant, "green-park", Project("Forms: rejected without a reason"));
        var (_, recommended) = await _walk.SubmitAsync(applicant, "green-park", Project("Forms: recommended without a reason"));

        // The form hides the return reason unless the outcome is "return", and the rejection reason unless it is "reject":
        // shown, they are required; hidden, they are not.
        var form = await reviewer.GetFromJsonAsync<JsonElement>("/api/forms/district-review");
        var returnReason = form.GetProperty("components").EnumerateArray().Single(c => c.GetProperty("key").GetString() == "returnReason");
        Assert.Equal("=districtOutcome != \"return\"", returnReason.GetProperty("conditional").GetProperty("hide").GetString());

        var returnTask = await OnlyTaskAsync(reviewer, "candidate", returned, "districtReview");
        var noReturnReason = await ProblemAssert.IsProblemAsync(await PostAsync(reviewer, $"/api/tasks/{returnTask}/complete",
            new { variables = new { districtOutcome = "return", supplementDays = 5 } }), HttpStatusCode.BadRequest);
        Assert.Equal(["returnReason"], noReturnReason.GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("field").GetString()));
        await OkAsync(reviewer, $"/api/tasks/{returnTask}/complete",
            new { variables = new { districtOutcome = "return", supplementDays = 5, returnReason = "Attach the energy audit report." } });

        var rejectTask = await OnlyTaskAsync(reviewer, "candidate", rejected, "districtReview");
        var noRejectionReason = await ProblemAssert.IsProblemAsync(await PostAsync(reviewer, $"/api/tasks/{rejectTask}/complete",
            new { variables = new { districtOutcome = "reject", rejectionReason = "  " } }), HttpStatusCode.BadRequest);
        Assert.Equal(["rejectionReason"], noRejectionReason.GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("field").GetString()));
        await OkAsync(reviewer, $"/api/tasks/{rejectTask}/complete",
            new { variables = new { districtOutcome = "reject", rejectionReason = "The project is outside the scheme's scope." } });

        // Recommended: neither reason is asked for.
        var recommendTask = await OnlyTaskAsync(reviewer, "candidate", recommended, "districtReview");
        await OkAsync(reviewer, $"/api/tasks/{recommendTask}/complete", new { variables = new { districtOutcome = "recommend" } });
    }

    [Fact]
    public async Task TheTaskShowsItsForm_AndTheFormIsServed()
    {
        using var applicant = await app.CreateClientForAsync("enterprise1");
        using var reviewer = await app.CreateClientForAsync("reviewer1");
        var (_, instance) = await _walk.SubmitAsync(applicant, "green-park", Project("Forms: the form"));
        var listed = (await TasksAsync(reviewer, "candidate", instance)).Single(t => t.GetProperty("elementId").GetString() == "districtReview");
        Assert.Equal("district-review", listed.GetProperty("formRef").GetString());

        var form = await reviewer.GetFromJsonAsync<JsonElement>($"/api/tasks/{listed.GetProperty("id").GetGuid()}/form");
        Assert.Equal("district-review", form.GetProperty("formRef").GetString());
        var outcome = form.GetProperty("schema").GetProperty("components").EnumerateArray().Single(c => c.GetProperty("key").GetString() == "districtOutcome");
        Assert.Equal(["recommend", "return", "reject"], outcome.GetProperty("values").EnumerateArray().Select(v => v.GetProperty("value").GetString()!).ToArray());

        var schema = await applicant.GetFromJsonAsync<JsonElement>("/api/forms/site-check");
        Assert.Equal("site-check", schema.GetProperty("id").GetString());
        await ProblemAssert.IsProblemAsync(await applicant.GetAsync("/api/forms/no-such-form"), HttpStatusCode.NotFound);
        // The applicant is not a candidate of the reviewer's task.
        await ProblemAssert.IsProblemAsync(await applicant.GetAsync($"/api/tasks/{listed.GetProperty("id").GetGuid()}/form"), HttpStatusCode.Forbidden);
    }
}
