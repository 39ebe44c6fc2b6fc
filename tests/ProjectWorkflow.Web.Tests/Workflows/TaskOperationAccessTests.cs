using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using ProjectWorkflow.Application.Identity;
using ProjectWorkflow.Web.Tests.Fixtures;
using static ProjectWorkflow.Web.Tests.Workflows.WorkflowApi;

namespace ProjectWorkflow.Web.Tests.Workflows;

/// <summary>
/// Attacks on the task buttons (issue 10, hole 3): people with no part in a stage press remind and copy-to,
/// and a holder hands the task to someone who could never hold it. Each is refused and nothing changes.
/// </summary>
[Collection(PortalAppCollection.Name)]
public sealed class TaskOperationAccessTests(PortalApp app) : IAsyncLifetime
{
    private HttpClient _admin = null!;
    private HttpClient _applicant = null!;
    private HttpClient _reviewer = null!;
    private string _otherEnterprise = "";
    private string _colleague = "";

    public async Task InitializeAsync()
    {
        _admin = await app.CreateClientForAsync("admin1");
        _applicant = await app.CreateClientForAsync("enterprise1");
        _reviewer = await app.CreateClientForAsync("reviewer1");
        _otherEnterprise = await PersonAsync(_admin, "enterprise-b", Roles.Enterprise);
        _colleague = await PersonAsync(_admin, "reviewer2", Roles.DistrictReviewer);
    }

    public Task DisposeAsync()
    {
        foreach (var client in new[] { _admin, _applicant, _reviewer }) client.Dispose();
        return Task.CompletedTask;
    }

    private async Task<(Guid Instance, Guid Review)> ClaimedByReviewer()
    {
        var id = await StartAsync(_admin, "general-approval", new { applicant = "enterprise1" });
        await OkAsync(_applicant, $"/api/tasks/{await OnlyTaskAsync(_applicant, "mine", id, "prepare")}/complete");
        var review = await OnlyTaskAsync(_reviewer, "candidate", id, "districtReview");
        await OkAsync(_reviewer, $"/api/tasks/{review}/claim");
        return (id, review);
    }

    private async Task<string[]> EventsAsync(Guid id) =>
        (await JournalAsync(_admin, id)).Select(j => j.GetProperty("event").GetString()!).ToArray();

    private async Task<string?> HolderAsync(Guid id, Guid task) =>
        (await TasksAsync(_admin, "all", id)).Single(t => t.GetProperty("id").GetGuid() == task).GetProperty("assignee").GetString();

    [Fact]
    public async Task AnAuditorAProviderAnotherEnterpriseOrTheApplicant_CannotRemindOrCopyTheReview()
    {
        var (id, review) = await ClaimedByReviewer();

        foreach (var outsider in new[] { "auditor1", "provider1", _otherEnterprise, "enterprise1" })
        {
            using var client = await app.CreateClientForAsync(outsider);
            var remind = await PostAsync(client, $"/api/tasks/{review}/remind", new { message = "hurry up" });
            await ProblemAssert.IsProblemAsync(remind, HttpStatusCode.Forbidden);
            var copy = await PostAsync(client, $"/api/tasks/{review}/copy-to", new { users = new[] { outsider } });
            await ProblemAssert.IsProblemAsync(copy, HttpStatusCode.Forbidden);
        }

        var events = await EventsAsync(id);
        Assert.DoesNotContain("reminded", events);
        Assert.DoesNotContain("copied", events);
    }

    [Fact]
    public async Task StaffOfTheStage_AndAnAdministrator_MayRemind()
    {
        var (id, review) = await ClaimedByReviewer();
        using var colleague = await app.CreateClientForAsync(_colleague);

        await OkAsync(colleague, $"/api/tasks/{review}/remind", new { message = "the window closes on Friday" });
        await OkAsync(_admin, $"/api/tasks/{review}/remind", new { message = "and again" });

        Assert.Equal(2, (await EventsAsync(id)).Count(e => e == "reminded"));
    }

    [Fact]
    public async Task CopyingEnterpriseAsTaskToEnterpriseB_IsRefused_AndBSeesNothing()
    {
        var id = await StartAsync(_admin, "general-approval", new { applicant = "enterprise1" });
        var prepare = await OnlyTaskAsync(_applicant, "mine", id, "prepare");

        var byApplicant = await PostAsync(_applicant, $"/api/tasks/{prepare}/copy-to", new { users = new[] { _otherEnterprise } });
        Assert.Contains(_otherEnterprise, (await ProblemAssert.IsProblemAsync(byApplicant, HttpStatusCode.BadRequest)).GetProperty("detail").GetString());

        await OkAsync(_applicant, $"/api/tasks/{prepare}/complete");
        var review = await OnlyTaskAsync(_reviewer, "candidate", id, "districtReview");
        await OkAsync(_reviewer, $"/api/tasks/{review}/claim");
        var byReviewer = await PostAsync(_reviewer, $"/api/tasks/{review}/copy-to", new { users = new[] { _otherEnterprise } });
        await ProblemAssert.IsProblemAsync(byReviewer, HttpStatusCode.BadRequest);

        using var enterpriseB = await app.CreateClientForAsync(_otherEnterprise);
        await ProblemAssert.IsProblemAsync(await enterpriseB.GetAsync($"/api/instances/{id}"), HttpStatusCode.Forbidden);
        await ProblemAssert.IsProblemAsync(await enterpriseB.GetAsync($"/api/instances/{id}/journal"), HttpStatusCode.Forbidden);
        Assert.Empty(await TasksAsync(enterpriseB, "all", id));
        Assert.DoesNotContain("copied", await EventsAsync(id));
    }

    [Fact]
    public async Task ADistrictReview_CannotBeTransferredToTheProvider_WhoThenCannotCompleteIt()
    {
        var (id, review) = await ClaimedByReviewer();

        var transfer = await PostAsync(_reviewer, $"/api/tasks/{review}/transfer", new { user = "provider1", reason = "you do it" });
        var problem = await ProblemAssert.IsProblemAsync(transfer, HttpStatusCode.BadRequest);
        Assert.Contains("district-reviewer", problem.GetProperty("detail").GetString());
        await ProblemAssert.IsProblemAsync(await PostAsync(_reviewer, $"/api/tasks/{review}/delegate", new { user = "provider1" }), HttpStatusCode.BadRequest);
        await ProblemAssert.IsProblemAsync(await PostAsync(_reviewer, $"/api/tasks/{review}/add-signers", new { users = new[] { "provider1" }, position = "before" }), HttpStatusCode.BadRequest);

        using var provider = await app.CreateClientForAsync("provider1");
        await ProblemAssert.IsProblemAsync(await PostAsync(provider, $"/api/tasks/{review}/complete", new { variables = new { districtOutcome = "recommend" } }), HttpStatusCode.Forbidden);
        Assert.Equal("reviewer1", await HolderAsync(id, review));
        Assert.DoesNotContain("transferred", await EventsAsync(id));
    }

    [Fact]
    public async Task TransferToSomeoneWhoDoesNotExist_OrToA100000CharacterName_Is400_AndTheTaskStaysPut()
    {
        var (id, review) = await ClaimedByReviewer();

        var nobody = await PostAsync(_reviewer, $"/api/tasks/{review}/transfer", new { user = "nobody-by-this-name" });
        Assert.Equal("user", (await ProblemAssert.IsProblemAsync(nobody, HttpStatusCode.BadRequest)).GetProperty("errors")[0].GetProperty("field").GetString());
        var huge = await PostAsync(_reviewer, $"/api/tasks/{review}/transfer", new { user = new string('x', 100_000) });
        await ProblemAssert.IsProblemAsync(huge, HttpStatusCode.BadRequest);
        var signers = await PostAsync(_reviewer, $"/api/tasks/{review}/add-signers", new { users = new[] { _colleague, "ghost" }, position = "after" });
        await ProblemAssert.IsProblemAsync(signers, HttpStatusCode.BadRequest);

        Assert.Equal("reviewer1", await HolderAsync(id, review));
        var events = await EventsAsync(id);
        Assert.DoesNotContain("transferred", events);
        Assert.DoesNotContain("signersAdded", events);
        await OkAsync(_reviewer, $"/api/tasks/{review}/complete", new { variables = new { districtOutcome = "recommend" } });
    }

    [Fact]
    public async Task ALockedOutColleague_CannotReceiveTheTask_AnActiveOneCan()
    {
        var (id, review) = await ClaimedByReviewer();
        var locked = await PersonAsync(_admin, "reviewer-locked", Roles.DistrictReviewer);
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
            var user = await users.FindByNameAsync(locked);
            await users.SetLockoutEndDateAsync(user!, DateTimeOffset.UtcNow.AddYears(1));
        }

        var refused = await PostAsync(_reviewer, $"/api/tasks/{review}/transfer", new { user = locked });
        Assert.Contains("locked", (await ProblemAssert.IsProblemAsync(refused, HttpStatusCode.BadRequest)).GetProperty("detail").GetString());
        Assert.Equal("reviewer1", await HolderAsync(id, review));

        await OkAsync(_reviewer, $"/api/tasks/{review}/transfer", new { user = _colleague.ToUpperInvariant(), reason = "leave" });
        Assert.Equal(_colleague, await HolderAsync(id, review));
        using var colleague = await app.CreateClientForAsync(_colleague);
        await OkAsync(colleague, $"/api/tasks/{review}/complete", new { variables = new { districtOutcome = "recommend" } });
    }

    [Fact]
    public async Task SomeoneWhoDoesNotHoldTheTask_CannotHandItOn()
    {
        var (id, review) = await ClaimedByReviewer();
        using var colleague = await app.CreateClientForAsync(_colleague);

        foreach (var (operation, refusedZh) in new[] { ("transfer", "转办此任务"), ("delegate", "委派此任务") })
        {
            var refused = await ProblemAssert.IsProblemAsync(await PostAsync(colleague, $"/api/tasks/{review}/{operation}", new { user = _colleague }), HttpStatusCode.Forbidden);
            Assert.Equal($"该任务由 reviewer1 办理，只有其本人才能{refusedZh}。", refused.GetProperty("detailZh").GetString());
        }
        await ProblemAssert.IsProblemAsync(await PostAsync(colleague, $"/api/tasks/{review}/copy-to", new { users = new[] { "approver1" } }), HttpStatusCode.Forbidden);

        Assert.Equal("reviewer1", await HolderAsync(id, review));
    }
}
