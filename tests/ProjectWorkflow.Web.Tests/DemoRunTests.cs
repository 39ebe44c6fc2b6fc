using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ProjectWorkflow.Application.Persistence;
using ProjectWorkflow.Funding.Ledger;
using ProjectWorkflow.Web.Tests.Fixtures;
using static ProjectWorkflow.Web.Tests.Funding.FundingApi;
using static ProjectWorkflow.Web.Tests.Workflows.WorkflowApi;

namespace ProjectWorkflow.Web.Tests;

/// <summary>The run command's demo on a fresh data folder, on today's clock: demo users, rules and budgets, and demo applications.</summary>
public sealed class DemoRunApp : PortalApp
{
    protected override bool RunsJobServer => false;

    protected override bool SeedDemoApplications => true;
}

[Collection(PortalAppCollection.Name)]
public sealed class DemoRunTests(DemoRunApp app) : IClassFixture<DemoRunApp>
{
    private async Task<int> InboxCountAsync(string user)
    {
        using var client = await app.CreateClientForAsync(user);
        return (await client.GetFromJsonAsync<JsonElement>("/api/notifications?take=200")).GetProperty("items").GetArrayLength();
    }

    [Fact]
    public async Task OnAFreshDemo_Enterprise1SubmitsAtOnce_AndEveryDemoDeskHasWork()
    {
        using var applicant = await app.CreateClientForAsync("enterprise1");
        var year = DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(8)).Year;

        // Whatever the day, this year's rules take applications: a tech-upgrade file for the project the district has
        // entered in the pool goes in at once.
        var draft = await DraftAsync(applicant, "tech-upgrade", Project(ProjectWorkflow.Application.Seeding.DemoApplications.ReadyProject, leader: "310101198001010054"), year);
        var id = draft.GetProperty("id").GetGuid();
        await AttachAsync(applicant, id, "feasibility-report", "feasibility.pdf", Pdf);
        var submitted = await SubmitAsync(applicant, id);
        Assert.True(submitted.IsSuccessStatusCode, await submitted.Content.ReadAsStringAsync());

        var all = await applicant.GetFromJsonAsync<JsonElement>("/api/applications?take=100");
        var files = string.Join("; ", (all.ValueKind == JsonValueKind.Array ? all : all.GetProperty("items")).EnumerateArray()
            .Select(a => $"{a.GetProperty("schemeKey").GetString()} {a.GetProperty("status").GetString()} at {a.GetProperty("stage")}"));

        // The demo applications left each desk something to do.
        foreach (var user in new[] { "reviewer1", "approver1", "finance1", "enterprise1" })
            Assert.True(await InboxCountAsync(user) > 0, $"{user}'s inbox is empty; the files: {files}");
        // The panels are drawn at random from the pool: some demo expert sits on one.
        var experts = ProjectWorkflow.Application.Seeding.DemoUsers.All.Where(u => u.Role == "expert").Select(u => u.UserName).ToList();
        var seated = 0;
        foreach (var expert in experts) seated += await InboxCountAsync(expert) > 0 ? 1 : 0;
        Assert.True(seated >= 3, $"only {seated} demo experts have work; the files: {files}");
        using var finance = await app.CreateClientForAsync("finance1");
        var orders = await finance.GetFromJsonAsync<JsonElement[]>("/api/ledger/payment-orders");
        Assert.Contains(orders!, o => o.GetProperty("status").GetString() == "awaiting-approval");

        var applications = await applicant.GetFromJsonAsync<JsonElement>("/api/applications?take=100");
        var statuses = (applications.ValueKind == JsonValueKind.Array ? applications : applications.GetProperty("items")).EnumerateArray()
            .Select(a => a.GetProperty("status").GetString()).ToHashSet();
        Assert.Superset(new HashSet<string?> { "draft", "under-review", "returned-for-supplement", "in-public-notice", "approved",
            "building", "acceptance-requested", "closed" }, statuses);

        // The file still building has its quarterly progress report due today.
        var building = (applications.ValueKind == JsonValueKind.Array ? applications : applications.GetProperty("items")).EnumerateArray()
            .Single(a => a.GetProperty("status").GetString() == "building");
        Assert.Contains(await TasksAsync(applicant, "mine", (await ApplicationAsync(applicant, building.GetProperty("id").GetGuid())).GetProperty("instanceId").GetGuid()),
            t => t.GetProperty("elementId").GetString() == "progressReport");
        // The closed one had both installments paid; the finance desk sees them paid.
        var closed = (applications.ValueKind == JsonValueKind.Array ? applications : applications.GetProperty("items")).EnumerateArray()
            .Single(a => a.GetProperty("status").GetString() == "closed").GetProperty("id").GetGuid();
        var closedOrders = await finance.GetFromJsonAsync<JsonElement[]>($"/api/ledger/payment-orders?applicationId={closed}");
        Assert.Equal(2, closedOrders!.Count(o => o.GetProperty("status").GetString() == "paid"));

        // The second demo enterprise's project was recovered: the money is back and the enterprise is barred from applying.
        using var recoveredApplicant = await app.CreateClientForAsync(ProjectWorkflow.Application.Seeding.DemoApplications.RecoveredEnterpriseUser);
        var theirs = await recoveredApplicant.GetFromJsonAsync<JsonElement>("/api/applications?take=100");
        var recovered = Assert.Single((theirs.ValueKind == JsonValueKind.Array ? theirs : theirs.GetProperty("items")).EnumerateArray());
        Assert.Equal("recovered", recovered.GetProperty("status").GetString());
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var recovery = await scope.ServiceProvider.GetRequiredService<ProjectWorkflowDbContext>().Set<Recovery>().AsNoTracking()
                .SingleAsync(r => r.ApplicationId == recovered.GetProperty("id").GetGuid());
            Assert.Equal(Recovery.Received, recovery.Status);
        }
        var barred = await DraftAsync(recoveredApplicant, "green-park", Project("示范：又一个项目 Another project", leader: "310101198001010097"), year);
        await AttachAsync(recoveredApplicant, barred.GetProperty("id").GetGuid(), "feasibility-report", "feasibility.pdf", Pdf);
        var problem = await ProblemAssert.IsProblemAsync(await SubmitAsync(recoveredApplicant, barred.GetProperty("id").GetGuid()), System.Net.HttpStatusCode.UnprocessableEntity);
        Assert.Equal("EnterpriseUnderSanction", problem.GetProperty("rule").GetString());

        using var admin = await app.CreateClientForAsync("admin1");
        var verified = await admin.GetFromJsonAsync<JsonElement>("/api/audit/verify");
        Assert.True(verified.GetProperty("verified").GetBoolean(), verified.ToString());
    }
}
