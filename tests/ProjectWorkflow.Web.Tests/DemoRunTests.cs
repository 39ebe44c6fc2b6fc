using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ProjectWorkflow.Application.Persistence;
using ProjectWorkflow.Application.Reviews;
using ProjectWorkflow.Application.Workflows.Storage;
using ProjectWorkflow.Funding.Applications;
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

        // Every file still building has its quarterly progress report due today.
        var mine = (applications.ValueKind == JsonValueKind.Array ? applications : applications.GetProperty("items")).EnumerateArray().ToList();
        foreach (var building in mine.Where(a => a.GetProperty("status").GetString() == "building"))
            Assert.Contains(await TasksAsync(applicant, "candidate", (await ApplicationAsync(applicant, building.GetProperty("id").GetGuid())).GetProperty("instanceId").GetGuid()),
                t => t.GetProperty("elementId").GetString() == "progressReport");
        // The closed ones had both installments paid; the finance desk sees them paid.
        foreach (var closed in mine.Where(a => a.GetProperty("status").GetString() == "closed").Select(a => a.GetProperty("id").GetGuid()))
        {
            var closedOrders = await finance.GetFromJsonAsync<JsonElement[]>($"/api/ledger/payment-orders?applicationId={closed}");
            Assert.Equal(2, closedOrders!.Count(o => o.GetProperty("status").GetString() == "paid"));
        }

        // The second demo enterprise's projects were recovered: the money is back and the enterprise is barred from applying.
        using var recoveredApplicant = await app.CreateClientForAsync(ProjectWorkflow.Application.Seeding.DemoApplications.RecoveredEnterpriseUser);
        var theirs = await recoveredApplicant.GetFromJsonAsync<JsonElement>("/api/applications?take=100");
        var recovered = (theirs.ValueKind == JsonValueKind.Array ? theirs : theirs.GetProperty("items")).EnumerateArray().ToList();
        Assert.Equal(3, recovered.Count);
        Assert.All(recovered, r => Assert.Equal("recovered", r.GetProperty("status").GetString()));
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var ids = recovered.Select(r => r.GetProperty("id").GetGuid()).ToList();
            var recoveries = await scope.ServiceProvider.GetRequiredService<ProjectWorkflowDbContext>().Set<Recovery>().AsNoTracking()
                .Where(r => ids.Contains(r.ApplicationId)).ToListAsync();
            Assert.Equal(3, recoveries.Count);
            Assert.All(recoveries, r => Assert.Equal(Recovery.Received, r.Status));
        }
        var barred = await DraftAsync(recoveredApplicant, "green-park", Project("示范：又一个项目 Another project", leader: "310101198001010097"), year);
        await AttachAsync(recoveredApplicant, barred.GetProperty("id").GetGuid(), "feasibility-report", "feasibility.pdf", Pdf);
        var problem = await ProblemAssert.IsProblemAsync(await SubmitAsync(recoveredApplicant, barred.GetProperty("id").GetGuid()), System.Net.HttpStatusCode.UnprocessableEntity);
        Assert.Equal("EnterpriseUnderSanction", problem.GetProperty("rule").GetString());

        using var admin = await app.CreateClientForAsync("admin1");
        var verified = await admin.GetFromJsonAsync<JsonElement>("/api/audit/verify");
        Assert.True(verified.GetProperty("verified").GetBoolean(), verified.ToString());
    }

    /// <summary>Where a file of each stage stands: its status, and for one under review the task it waits at.</summary>
    private static readonly (string Stage, ApplicationStatus Status, string? OpenTask)[] Stages =
    [
        ("draft", ApplicationStatus.Draft, null),
        ("district review", ApplicationStatus.UnderReview, "districtReview"),
        ("panel", ApplicationStatus.UnderReview, PanelReview.ReviewElementId),
        ("public notice", ApplicationStatus.InPublicNotice, null),
        ("building, progress report due", ApplicationStatus.Building, "progressReport"),
        ("acceptance requested", ApplicationStatus.AcceptanceRequested, null),
        ("closed", ApplicationStatus.Closed, null),
        ("recovered", ApplicationStatus.Recovered, null),
    ];

    [Fact]
    public async Task TheDemoHolds_EachScheme_AtEveryStage()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ProjectWorkflowDbContext>();
        var files = await db.Set<FundingApplication>().AsNoTracking()
            .Where(a => a.ProjectName.StartsWith("示范："))
            .Select(a => new { a.SchemeKey, a.Status, a.InstanceId, a.ProjectName }).ToListAsync();
        var open = await db.Set<TaskRecord>().AsNoTracking().Where(t => t.Status == TaskStatuses.Open)
            .Select(t => new { t.InstanceId, t.ElementId }).ToListAsync();

        var missing = new List<string>();
        foreach (var scheme in new[] { "tech-upgrade", "smart-factory", "green-park" })
            foreach (var (stage, status, task) in Stages)
                if (!files.Any(f => f.SchemeKey == scheme && f.Status == status
                        && (task is null || open.Any(t => t.InstanceId == f.InstanceId && t.ElementId == task))))
                    missing.Add($"{scheme} at {stage}");

        Assert.True(missing.Count == 0, $"the demo lacks: {string.Join("; ", missing)}; it holds: "
            + string.Join("; ", files.Select(f => $"{f.SchemeKey} {ApplicationStatusText.Of(f.Status)} {f.ProjectName}")));
    }
}
