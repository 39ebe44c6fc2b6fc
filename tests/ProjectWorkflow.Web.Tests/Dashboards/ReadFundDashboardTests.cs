using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MiniExcelLibs;
using ProjectWorkflow.Application.Dashboards;
using ProjectWorkflow.Application.Persistence;
using ProjectWorkflow.Application.Workflows.Storage;
using ProjectWorkflow.Funding;
using ProjectWorkflow.Funding.Applications;
using ProjectWorkflow.Funding.Ledger;
using ProjectWorkflow.Web.Portal;
using ProjectWorkflow.Web.Tests.Fixtures;
using ProjectWorkflow.Web.Tests.Funding;
using static ProjectWorkflow.Web.Tests.Funding.FundingApi;
using static ProjectWorkflow.Web.Tests.Workflows.WorkflowApi;

namespace ProjectWorkflow.Web.Tests.Dashboards;

/// <summary>
/// The fund dashboard's figures, read by the city's leadership, are the database's: each budget's balances are the
/// sums of its ledger postings to the fen, the application counts and the plan's progress are the applications' own,
/// and the page and the Excel workbook show the same numbers as the API.
/// </summary>
[Collection(FundingAppCollection.Name)]
public sealed class ReadFundDashboardTests(FundingApp app)
{
    private readonly LifecycleWalk _walk = new(app);
    private readonly ReviewWalk _review = new(app);

    [Fact]
    public async Task ReadFundDashboard_AddsUpToTheLedgerAndTheApplications_ToTheFen()
    {
        var applicant = await _walk.ClientAsync("enterprise1");
        var approver = await _walk.ClientAsync("approver1");
        var (id, _) = await _walk.ApprovedGreenParkAsync(applicant, "Dashboard heat recovery", "310101198909090099");
        var number = (await ApplicationAsync(applicant, id)).GetProperty("number").GetString()!;
        await app.AdvanceAsync(TimeSpan.FromDays(8));
        await LifecycleWalk.SignAsync(applicant, id);
        var paid = await _walk.PayNextInstallmentAsync(id, number);

        var dashboard = await approver.GetFromJsonAsync<JsonElement>("/api/dashboards/fund");

        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ProjectWorkflowDbContext>();

        // Budgets: every figure is the sum of the budget's ledger postings (not the cached columns).
        var budgets = await db.Set<Budget>().AsNoTracking().ToListAsync();
        var postings = await db.Set<LedgerEntryPosting>().AsNoTracking().ToListAsync();
        var shown = dashboard.GetProperty("budgets").EnumerateArray().ToList();
        Assert.Equal(budgets.Count, shown.Count);
        foreach (var row in shown)
        {
            var budget = budgets.Single(b => b.Kind == row.GetProperty("kind").GetString() && b.OwnerKey == row.GetProperty("ownerKey").GetString() && b.Year == row.GetProperty("year").GetInt32());
            var ledger = BudgetBalances.Of(postings.Where(p => p.BudgetId == budget.Id).Select(p => p.ToPosting()));
            Assert.Equal(ledger.Allocated.Fen, row.GetProperty("allocatedFen").GetInt64());
            Assert.Equal(ledger.Reserved.Fen, row.GetProperty("reservedFen").GetInt64());
            Assert.Equal(ledger.Paid.Fen, row.GetProperty("paidFen").GetInt64());
            Assert.Equal(ledger.RecoveryDue.Fen, row.GetProperty("recoveryDueFen").GetInt64());
            Assert.Equal(ledger.ReturnedToTreasury.Fen, row.GetProperty("returnedToTreasuryFen").GetInt64());
            Assert.Equal(ledger.Available.Fen, row.GetProperty("availableFen").GetInt64());
        }
        var greenPark = shown.Single(b => b.GetProperty("ownerKey").GetString() == "green-park" && b.GetProperty("year").GetInt32() == 2026);
        Assert.True(greenPark.GetProperty("paidFen").GetInt64() >= paid, "the installment just paid is in the green-park budget's paid figure");

        // Applications per scheme and status: the applications' own count, drafts left out.
        var applications = (await db.Set<FundingApplication>().AsNoTracking().Select(a => new { a.SchemeKey, a.Status }).ToListAsync())
            .Where(a => a.Status != ApplicationStatus.Draft).ToList();
        var counted = dashboard.GetProperty("applications").EnumerateArray()
            .ToDictionary(a => (a.GetProperty("schemeKey").GetString()!, a.GetProperty("status").GetString()!), a => a.GetProperty("applications").GetInt32());
        var expected = applications.GroupBy(a => (a.SchemeKey, ApplicationStatusText.Of(a.Status))).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(expected.OrderBy(e => e.Key).ToList(), counted.OrderBy(e => e.Key).ToList());
        Assert.True(counted[("green-park", "building")] >= 1);

        // The plan: targets as DOMAIN.md seeds them; promised = approved onward, with their investment to the fen.
        var plan = dashboard.GetProperty("plan").EnumerateArray().ToDictionary(p => p.GetProperty("key").GetString()!);
        Assert.Equal(500, plan["tech-upgrade-projects"].GetProperty("target").GetInt64());
        Assert.Equal(300_000_000_000L * 100, plan["tech-upgrade-investment"].GetProperty("target").GetInt64());
        Assert.Equal(100, plan["smart-factory-plants"].GetProperty("target").GetInt64());
        Assert.Equal(1500, plan["specialised-smes"].GetProperty("target").GetInt64());
        Assert.Equal(15, plan.Values.Count(p => p.GetProperty("group").GetString()!.StartsWith("indicator-", StringComparison.Ordinal)));
        var funded = (await db.Set<FundingApplication>().AsNoTracking()
                .Select(a => new { a.SchemeKey, a.Status, Investment = a.EquipmentFen + a.SoftwareFen + a.ConstructionFen + a.OtherFen }).ToListAsync())
            .Where(a => ReadFundDashboard.Promised.Contains(a.Status)).ToList();
        Assert.Equal(funded.Count(a => a.SchemeKey == "tech-upgrade"), plan["tech-upgrade-projects"].GetProperty("promised").GetInt64());
        Assert.Equal(funded.Where(a => a.SchemeKey == "tech-upgrade").Sum(a => a.Investment), plan["tech-upgrade-investment"].GetProperty("promised").GetInt64());
        Assert.Equal(JsonValueKind.Null, plan["specialised-smes"].GetProperty("reached").ValueKind);

        // Review times: each step's finished count is the engine's completed tasks of that step.
        var completed = (await db.Set<TaskRecord>().AsNoTracking().Where(t => t.Status == TaskStatuses.Completed && t.EndedAt != null)
                .Select(t => new { t.DefinitionKey, t.ElementId }).ToListAsync())
            .GroupBy(t => (t.DefinitionKey, t.ElementId)).ToDictionary(g => g.Key, g => g.Count());
        foreach (var step in dashboard.GetProperty("stageTimes").EnumerateArray())
            Assert.Equal(completed.GetValueOrDefault((step.GetProperty("processKey").GetString()!, step.GetProperty("elementId").GetString()!)), step.GetProperty("finished").GetInt32());
        Assert.Contains(dashboard.GetProperty("stageTimes").EnumerateArray(), s => s.GetProperty("processKey").GetString() == "green-park" && s.GetProperty("finished").GetInt32() > 0);
    }

    [Fact]
    public async Task FundDashboard_PageAndWorkbook_ShowTheApisFigures()
    {
        var approver = await _walk.ClientAsync("approver1");
        var dashboard = await approver.GetFromJsonAsync<JsonElement>("/api/dashboards/fund");
        var budget = dashboard.GetProperty("budgets").EnumerateArray().First(b => b.GetProperty("kind").GetString() == "scheme");

        using var portal = await app.CreateSignedInClientAsync("approver1");
        var page = await portal.GetAsync("/portal/dashboards/fund");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var html = WebUtility.HtmlDecode(await page.Content.ReadAsStringAsync());
        Assert.Contains($"data-fen=\"{budget.GetProperty("availableFen").GetInt64()}\"", html);
        Assert.Contains(PortalFormat.Yuan(budget.GetProperty("availableFen").GetInt64()), html);
        Assert.Contains("id=\"plan-table\"", html);
        Assert.Contains("/lib/echarts/echarts.min.js", html);

        var workbook = await approver.GetAsync("/api/dashboards/fund.xlsx");
        Assert.Equal(HttpStatusCode.OK, workbook.StatusCode);
        await using var stream = new MemoryStream(await workbook.Content.ReadAsByteArrayAsync());
        var rows = stream.Query(useHeaderRow: true, sheetName: "budgets").Cast<IDictionary<string, object>>().ToList();
        var row = rows.Single(r => (string)r["Kind 类别"] == budget.GetProperty("kind").GetString() && (string)r["Scheme 专项"] == budget.GetProperty("ownerKey").GetString()
            && Convert.ToInt32(r["Year 年度"], System.Globalization.CultureInfo.InvariantCulture) == budget.GetProperty("year").GetInt32());
        Assert.Equal(budget.GetProperty("availableFen").GetInt64(), Convert.ToInt64(row["Available (fen) 可用(分)"], System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(budget.GetProperty("paidFen").GetInt64(), Convert.ToInt64(row["Paid (fen) 已拨付(分)"], System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task FundDashboard_CountsWhereApplicationsAreReturned_AndForecastsEachBudgetFromItsLedger()
    {
        using var applicant = await app.CreateClientForAsync("enterprise1");
        var approver = await _walk.ClientAsync("approver1");
        var (_, instance) = await _review.SubmitAsync(applicant, "green-park", Project($"Returned twice {Guid.NewGuid():N}"[..30]));
        for (var i = 0; i < 2; i++)
        {
            await _review.DistrictAsync(instance, new { districtOutcome = "return", supplementDays = 5, returnReason = "Attach the energy audit report." });
            await OkAsync(applicant, $"/api/tasks/{await OnlyTaskAsync(applicant, "candidate", instance, "supplement")}/complete");
        }

        var dashboard = await approver.GetFromJsonAsync<JsonElement>("/api/dashboards/fund");

        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ProjectWorkflowDbContext>();
        // Returns: completed tasks whose answers chose "return", read here from the answers' JSON itself.
        var answered = await db.Set<TaskRecord>().AsNoTracking().Where(t => t.Status == TaskStatuses.Completed && t.Answers != null)
            .Select(t => new { t.DefinitionKey, t.ElementId, t.Answers }).ToListAsync();
        var expected = answered.Where(t => JsonDocument.Parse(t.Answers!).RootElement.EnumerateObject()
                .Any(p => p.Value.ValueKind == JsonValueKind.String && p.Value.GetString() == "return"))
            .GroupBy(t => (t.DefinitionKey, t.ElementId)).ToDictionary(g => g.Key, g => g.Count());
        var returns = dashboard.GetProperty("returns").EnumerateArray()
            .ToDictionary(r => (r.GetProperty("processKey").GetString()!, r.GetProperty("elementId").GetString()!), r => r.GetProperty("returned").GetInt32());
        Assert.Equal(expected.OrderBy(e => e.Key).ToList(), returns.OrderBy(e => e.Key).ToList());
        Assert.True(returns[("green-park", "districtReview")] >= 2);

        // Burn-down: each budget's forecast is the domain's arithmetic over the ledger's draws on available money.
        var budgets = await db.Set<Budget>().AsNoTracking().ToListAsync();
        var entries = await db.Set<LedgerEntry>().AsNoTracking().Include(e => e.Postings).ToListAsync();
        var today = DateOnly.FromDateTime(dashboard.GetProperty("at").GetDateTimeOffset().UtcDateTime);
        foreach (var row in dashboard.GetProperty("burnDowns").EnumerateArray())
        {
            var budget = budgets.Single(b => b.Kind == row.GetProperty("kind").GetString() && b.OwnerKey == row.GetProperty("ownerKey").GetString() && b.Year == row.GetProperty("year").GetInt32());
            var draws = entries.Where(e => e.BudgetId == budget.Id && e.Kind != LedgerEntryKinds.Allocate && e.Kind != LedgerEntryKinds.Lower)
                .SelectMany(e => e.Postings.Where(p => p.Account == nameof(LedgerAccount.Available))
                    .Select(p => new DailyDraw(DateOnly.FromDateTime(e.At.UtcDateTime), new Money(-p.AmountFen))));
            var forecast = BudgetBurnDown.Forecast(new Money(budget.AvailableFen), draws, today);
            Assert.Equal(forecast.DrawnInWindow.Fen, row.GetProperty("drawnInWindowFen").GetInt64());
            Assert.Equal(forecast.RunsOutOn?.ToString("yyyy-MM-dd"), row.GetProperty("runsOutOn").GetString());
            Assert.Equal(forecast.EarliestOn?.ToString("yyyy-MM-dd"), row.GetProperty("earliestOn").GetString());
        }
        Assert.Contains(dashboard.GetProperty("burnDowns").EnumerateArray(), b => b.GetProperty("drawnInWindowFen").GetInt64() > 0);

        // The drawing's page carries the returned count beside the step's times.
        using var portal = await app.CreateSignedInClientAsync("approver1");
        var html = await portal.GetStringAsync("/portal/dashboards/processes/green-park");
        Assert.Matches("data-element=\"districtReview\"[^>]*data-returned=\"[1-9]", html);
        var fund = await portal.GetStringAsync("/portal/dashboards/fund");
        Assert.Contains("id=\"returns-table\"", fund);
        Assert.Contains("id=\"burn-down-table\"", fund);
    }

    [Fact]
    public void Percentile_TakesTheNearestRank()
    {
        Assert.Null(ReadFundDashboard.Percentile([], 0.5));
        Assert.Equal(2.0, ReadFundDashboard.Percentile([3, 1, 2], 0.5));
        Assert.Equal(9.0, ReadFundDashboard.Percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 0.9));
    }
}
