using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MiniExcelLibs;
using ProjectWorkflow.Application.Dashboards;
using ProjectWorkflow.Application.Persistence;
using ProjectWorkflow.Funding;
using ProjectWorkflow.Funding.Calendar;
using ProjectWorkflow.Funding.Applications;
using ProjectWorkflow.Funding.Projects;
using ProjectWorkflow.Web.Tests.Fixtures;
using ProjectWorkflow.Web.Tests.Funding;
using static ProjectWorkflow.Web.Tests.Funding.FundingApi;
using static ProjectWorkflow.Web.Tests.Workflows.WorkflowApi;

namespace ProjectWorkflow.Web.Tests.Dashboards;

/// <summary>
/// The plan's indicators (R&amp;D, patents, water, CO₂, solid waste, land …) as the city's leadership reads them: what the
/// funded projects promised in their applications beside what the accepted and evaluated ones delivered, to the fen and
/// the unit. Its own app: the story knows every project in the database.
/// </summary>
public sealed class PlanIndicatorTests(FundingApp app) : IClassFixture<FundingApp>
{
    private readonly ReviewWalk _review = new(app);
    private readonly LifecycleWalk _lifecycle = new(app);

    // Two green-park projects: the first is built, accepted and evaluated; the second is approved and still to be built.
    private static readonly Dictionary<string, object> Delivering = new()
    {
        ["projectName"] = "Plan indicators: heat pumps", ["site"] = "Lingang", ["description"] = "Heat pumps replace the gas boilers.",
        ["projectLeaderName"] = "Sun Qi", ["projectLeaderIdentity"] = "310101198505050011", ["equipmentFen"] = 300_000_000L,
        ["energyBeforeTce"] = 3_000m, ["energyAfterTce"] = 1_000m, ["outputFen"] = 50_000_000_000L, ["valueAddedFen"] = 10_000_000_000L,
        ["headcount"] = 200, ["robots"] = 4, ["rdSpendFen"] = 1_500_000_000L, ["inventionPatents"] = 3, ["waterBeforeM3"] = 120_000L,
        ["waterAfterM3"] = 90_000L, ["co2ReducedTonnes"] = 5_320.5m, ["solidWasteTonnes"] = 1_000.5m, ["solidWasteUtilisedTonnes"] = 950.25m,
        ["landM2"] = 25_000L,
    };

    private static readonly Dictionary<string, object> Promising = new()
    {
        ["projectName"] = "Plan indicators: variable-speed pumps", ["site"] = "Baoshan", ["description"] = "Variable-speed drives on the cooling pumps.",
        ["projectLeaderName"] = "Zhou Li", ["projectLeaderIdentity"] = "310101198606060022", ["equipmentFen"] = 200_000_000L,
        ["energyBeforeTce"] = 2_000m, ["energyAfterTce"] = 1_500m, ["outputFen"] = 30_000_000_000L, ["valueAddedFen"] = 6_000_000_000L,
        ["headcount"] = 150, ["robots"] = 2, ["rdSpendFen"] = 900_000_000L, ["inventionPatents"] = 2, ["waterBeforeM3"] = 80_000L,
        ["waterAfterM3"] = 70_000L, ["co2ReducedTonnes"] = 1_330m, ["solidWasteTonnes"] = 400m, ["solidWasteUtilisedTonnes"] = 380m,
        ["landM2"] = 12_000L,
    };

    private static readonly object Delivered = new
    {
        energySavedTce = 1_800m, outputFen = 45_000_000_000L, valueAddedFen = 9_000_000_000L, robots = 4, rdSpendFen = 1_200_000_000L,
        inventionPatents = 2, waterSavedM3 = 27_000L, co2ReducedTonnes = 4_788.45m, solidWasteTonnes = 980m, solidWasteUtilisedTonnes = 940.8m,
        landM2 = 25_000L, comment = "Most targets met.",
    };

    [Fact]
    public async Task FundDashboard_ShowsEachIndicatorPromisedBesideDelivered_AsTheDatabaseHasThem()
    {
        var applicant = await _lifecycle.ClientAsync("enterprise1");
        var approver = await _lifecycle.ClientAsync("approver1");
        var delivering = await ApprovedAsync(applicant, Delivering);
        var promising = await ApprovedAsync(applicant, Promising);
        var number = (await ApplicationAsync(applicant, delivering)).GetProperty("number").GetString()!;
        await app.AdvanceAsync(TimeSpan.FromDays(8));
        await LifecycleWalk.SignAsync(applicant, delivering);
        await _lifecycle.PayNextInstallmentAsync(delivering, number);

        // The application shows what it promised, as typed.
        var indicators = (await ApplicationAsync(applicant, delivering)).GetProperty("indicators");
        Assert.Equal(1_500_000_000L, indicators.GetProperty("rdSpendFen").GetInt64());
        Assert.Equal(5_320.5m, indicators.GetProperty("co2ReducedTonnes").GetDecimal());
        Assert.Equal(25_000L, indicators.GetProperty("landM2").GetInt64());

        await app.AdvanceAsync(TimeSpan.FromDays(400));
        var audit = await LifecycleWalk.AttachAuditReportAsync(applicant, delivering);
        await OkAsync(applicant, $"/api/applications/{delivering}/acceptance", new { equipmentFen = 300_000_000L, summary = "All pumps in service.", auditReportId = audit });
        await OkAsync(approver, $"/api/applications/{delivering}/acceptance/review", new { outcome = "pass", reason = "Matches the agreement." });
        await _lifecycle.PayNextInstallmentAsync(delivering, number);

        // An evaluation with a figure out of range changes nothing; the right one records what was delivered.
        var refused = await PostAsync(approver, $"/api/applications/{delivering}/evaluation", new
        {
            energySavedTce = 1_800m, outputFen = 45_000_000_000L, valueAddedFen = 9_000_000_000L, robots = 4, waterSavedM3 = -5L,
            solidWasteTonnes = 10m, solidWasteUtilisedTonnes = 11m,
        });
        await AssertNamesAsync(refused, "waterSavedM3", "solidWasteUtilisedTonnes");
        Assert.Equal("accepted", await LifecycleWalk.StatusAsync(applicant, delivering));
        var evaluated = await (await PostAsync(approver, $"/api/applications/{delivering}/evaluation", Delivered)).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(4_788.45m, evaluated.GetProperty("delivered").GetProperty("co2ReducedTonnes").GetDecimal());
        // Scored against the promise: 1.2 of 1.5 billion fen of R&D is 80%.
        Assert.Equal(80m, evaluated.GetProperty("indicators").EnumerateArray().Single(i => i.GetProperty("indicator").GetString() == "rdSpendFen").GetProperty("percentReached").GetDecimal());
        Assert.Equal("closed", await LifecycleWalk.StatusAsync(applicant, delivering));
        Assert.Equal("approved", await LifecycleWalk.StatusAsync(applicant, promising));

        var dashboard = await approver.GetFromJsonAsync<JsonElement>("/api/dashboards/fund");
        var plan = dashboard.GetProperty("plan").EnumerateArray().ToDictionary(p => p.GetProperty("key").GetString()!);

        // The figures the story typed, worked out by hand: CO₂ is a sum in tonnes …
        AssertIndicator(plan["indicator-13"], "t", promised: 5_320.5m + 1_330m, promisedByDelivered: 5_320.5m, delivered: 4_788.45m, funded: 2, evaluated: 1);
        // … R&D a share of output in percent, water and solid waste shares of their baselines, land productivity per km².
        AssertIndicator(plan["indicator-02"], "percent", 3m, 3m, Round(1_200_000_000m * 100 / 45_000_000_000m), 2, 1);
        AssertIndicator(plan["indicator-14"], "percent", 20m, 25m, 22.5m, 2, 1);
        AssertIndicator(plan["indicator-15"], "percent", Round((950.25m + 380m) * 100 / 1_400.5m), Round(950.25m * 100 / 1_000.5m), 96m, 2, 1);
        AssertIndicator(plan["indicator-11"], "100m-yuan-per-km2", Round(80_000_000_000m * 0.0001m / 37_000), 200m, 180m, 2, 1);
        AssertIndicator(plan["indicator-10"], "10k-yuan-per-person", Round(16_000_000_000m * 0.000001m / 350), 50m, 45m, 2, 1);
        // Investment: applied for by both, the accepted one as its acceptance's audited actual, to the fen.
        AssertIndicator(plan["indicator-04"], "fen", 500_000_000m, 300_000_000m, 300_000_000m, 2, 1);
        Assert.Equal(JsonValueKind.Null, plan["indicator-09"].GetProperty("promisedValue").ValueKind);   // a city statistic the fund cannot measure

        // And the same figures straight from the database's rows.
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ProjectWorkflowDbContext>();
            var funded = (await db.Set<FundingApplication>().AsNoTracking().ToListAsync()).Where(a => ReadFundDashboard.Promised.Contains(a.Status)).ToList();
            var evaluations = await db.Set<Evaluation>().AsNoTracking().ToListAsync();
            Assert.Equal(funded.Sum(a => a.Co2ReducedTonnes), plan["indicator-13"].GetProperty("promisedValue").GetDecimal());
            Assert.Equal(evaluations.Sum(e => e.Co2ReducedTonnes), plan["indicator-13"].GetProperty("deliveredValue").GetDecimal());
            Assert.Equal(Round(funded.Sum(a => a.RdSpendFen) * 100m / funded.Sum(a => a.OutputFen)), plan["indicator-02"].GetProperty("promisedValue").GetDecimal());
            Assert.Equal(Round(evaluations.Sum(e => e.RdSpendFen) * 100m / evaluations.Sum(e => e.OutputFen)), plan["indicator-02"].GetProperty("deliveredValue").GetDecimal());
            Assert.Equal(Round(funded.Sum(a => a.WaterBeforeM3 - a.WaterAfterM3) * 100m / funded.Sum(a => a.WaterBeforeM3)), plan["indicator-14"].GetProperty("promisedValue").GetDecimal());
            Assert.Equal(funded.Sum(a => a.EquipmentFen + a.SoftwareFen + a.ConstructionFen + a.OtherFen), plan["indicator-04"].GetProperty("promisedValue").GetDecimal());
        }

        // The page's indicator table and the workbook's sheet carry the API's figures.
        using var portal = await app.CreateSignedInClientAsync("approver1");
        var html = await portal.GetStringAsync("/portal/dashboards/fund");
        var row = Regex.Match(html, "<tr data-indicator=\"indicator-13\">.*?</tr>", RegexOptions.Singleline).Value;
        Assert.Equal(4_788.45m, decimal.Parse(Regex.Match(row, "data-which=\"delivered\" data-exact=\"([^\"]+)\"").Groups[1].Value, CultureInfo.InvariantCulture));
        Assert.Equal(6_650.5m, decimal.Parse(Regex.Match(row, "data-which=\"promised\" data-exact=\"([^\"]+)\"").Groups[1].Value, CultureInfo.InvariantCulture));
        Assert.Contains("id=\"indicator-progress-table\"", html);
        Assert.Contains("/portal/schemes/green-park/changes", html);

        var workbook = await approver.GetAsync("/api/dashboards/fund.xlsx");
        await using var stream = new MemoryStream(await workbook.Content.ReadAsByteArrayAsync());
        var sheet = stream.Query(useHeaderRow: true, sheetName: "indicators").Cast<IDictionary<string, object>>().ToList();
        var co2 = sheet.Single(r => (string)r["Key 编号"] == "indicator-13");
        Assert.Equal(4_788.45m, Convert.ToDecimal(co2["Delivered (evaluated) 已评价项目完成"], CultureInfo.InvariantCulture));
        Assert.Equal(2, Convert.ToInt32(co2["Funded projects 立项项目数"], CultureInfo.InvariantCulture));
    }

    private static decimal Round(decimal value) => decimal.Round(value, 4);

    private static void AssertIndicator(JsonElement row, string unit, decimal promised, decimal promisedByDelivered, decimal delivered, int funded, int evaluated)
    {
        var key = row.GetProperty("key").GetString();
        Assert.True(unit == row.GetProperty("valueUnit").GetString(), $"{key}'s unit");
        Assert.True(promised == row.GetProperty("promisedValue").GetDecimal(), $"{key} promised {row.GetProperty("promisedValue")}, expected {promised}");
        Assert.True(promisedByDelivered == row.GetProperty("promisedByDeliveredValue").GetDecimal(), $"{key} promised by the evaluated {row.GetProperty("promisedByDeliveredValue")}, expected {promisedByDelivered}");
        Assert.True(delivered == row.GetProperty("deliveredValue").GetDecimal(), $"{key} delivered {row.GetProperty("deliveredValue")}, expected {delivered}");
        Assert.Equal(funded, row.GetProperty("projectsFunded").GetInt32());
        Assert.Equal(evaluated, row.GetProperty("projectsDelivered").GetInt32());
    }

    internal static async Task AssertNamesAsync(HttpResponseMessage response, params string[] fields)
    {
        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest);
        var named = problem.GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("field").GetString()).ToList();
        foreach (var field in fields) Assert.Contains(field, named);
    }

    private async Task<Guid> ApprovedAsync(HttpClient applicant, Dictionary<string, object> project)
    {
        var (id, instance) = await _review.SubmitAsync(applicant, "green-park", project);
        await _review.DistrictAsync(instance, new { districtOutcome = "recommend" });
        await _review.PanelAsync(id, instance, ReviewWalk.GreenScores(70, 72, 74, 72, 72));
        await _review.ApproverAsync(instance, "siteCheck", new { siteOutcome = "pass" });
        await _review.ApproverAsync(instance, "jointReview", new { jointOutcome = "approve" });
        return id;
    }
}

/// <summary>The indicator fields of the application form refuse what is out of range, naming each field (its own app: a fresh clock).</summary>
public sealed class IndicatorInputTests(FundingApp app) : IClassFixture<FundingApp>
{
    [Fact]
    public async Task SaveDraft_RefusesIndicatorsOutOfRange_NamingEachField()
    {
        using var applicant = await app.CreateClientForAsync("enterprise1");
        var created = await applicant.PostAsJsonAsync("/api/applications", new { schemeKey = "green-park", year = ShanghaiDate.Of(app.Clock.GetUtcNow()).Year });
        Assert.True(created.StatusCode == HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var draft = await created.Content.ReadFromJsonAsync<JsonElement>();
        var id = draft.GetProperty("id").GetGuid();

        await PlanIndicatorTests.AssertNamesAsync(await applicant.PutAsJsonAsync($"/api/applications/{id}", new { inventionPatents = -1 }), "inventionPatents");
        await PlanIndicatorTests.AssertNamesAsync(await applicant.PutAsJsonAsync($"/api/applications/{id}", new { co2ReducedTonnes = 1.2345m }), "co2ReducedTonnes");
        await PlanIndicatorTests.AssertNamesAsync(await applicant.PutAsJsonAsync($"/api/applications/{id}", new { landM2 = 10_000_000_001L, waterBeforeM3 = -1L }), "landM2", "waterBeforeM3");
        await PlanIndicatorTests.AssertNamesAsync(await applicant.PutAsJsonAsync($"/api/applications/{id}", new { rdSpendFen = Money.MaxFen + 1 }), "rdSpendFen");
        await PlanIndicatorTests.AssertNamesAsync(await applicant.PutAsJsonAsync($"/api/applications/{id}", new { solidWasteTonnes = 100m, solidWasteUtilisedTonnes = 120m }), "solidWasteUtilisedTonnes");

        // Nothing refused was kept; a draft within range saves, and a later save of one figure is judged with the other kept.
        var unchanged = await ApplicationAsync(applicant, id);
        Assert.Equal(0, unchanged.GetProperty("indicators").GetProperty("inventionPatents").GetInt32());
        Assert.Equal(draft.GetProperty("revision").GetInt64(), unchanged.GetProperty("revision").GetInt64());
        var saved = await applicant.PutAsJsonAsync($"/api/applications/{id}", new { solidWasteTonnes = 100m, solidWasteUtilisedTonnes = 90.125m, inventionPatents = 4 });
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        await PlanIndicatorTests.AssertNamesAsync(await applicant.PutAsJsonAsync($"/api/applications/{id}", new { solidWasteUtilisedTonnes = 100.5m }), "solidWasteUtilisedTonnes");
        Assert.Equal(90.125m, (await ApplicationAsync(applicant, id)).GetProperty("indicators").GetProperty("solidWasteUtilisedTonnes").GetDecimal());
    }

}

/// <summary>
/// The department may evaluate on the evaluation task's own form (the portal's task page) instead of POST …/evaluation:
/// the form takes the delivered figures, and closing the project records them as the evaluation. Its own app.
/// </summary>
public sealed class EvaluationFormTests(FundingApp app) : IClassFixture<FundingApp>
{
    private readonly LifecycleWalk _lifecycle = new(app);

    [Fact]
    public async Task EvaluationTaskForm_RecordsWhatTheProjectDelivered_WhenTheProjectCloses()
    {
        var applicant = await _lifecycle.ClientAsync("enterprise1");
        var approver = await _lifecycle.ClientAsync("approver1");
        var (id, instance) = await _lifecycle.ApprovedGreenParkAsync(applicant, "Evaluation form heat pumps", "310101198707070033");
        var number = (await ApplicationAsync(applicant, id)).GetProperty("number").GetString()!;
        await app.AdvanceAsync(TimeSpan.FromDays(8));
        await LifecycleWalk.SignAsync(applicant, id);
        await _lifecycle.PayNextInstallmentAsync(id, number);
        await app.AdvanceAsync(TimeSpan.FromDays(400));
        var audit = await LifecycleWalk.AttachAuditReportAsync(applicant, id);
        await OkAsync(applicant, $"/api/applications/{id}/acceptance", new { equipmentFen = 300_000_000L, summary = "All pumps in service.", auditReportId = audit });
        await OkAsync(approver, $"/api/applications/{id}/acceptance/review", new { outcome = "pass", reason = "Matches the agreement." });
        await _lifecycle.PayNextInstallmentAsync(id, number);

        var task = await OnlyTaskAsync(approver, "candidate", instance, "evaluation");
        await OkAsync(approver, $"/api/tasks/{task}/claim");
        // The form asks for the figures, not a score: a completion without them is refused naming each.
        var refused = await PostAsync(approver, $"/api/tasks/{task}/complete", new { variables = new { evaluationComment = "No figures." } });
        await PlanIndicatorTests.AssertNamesAsync(refused, "energySavedTce", "outputFen", "valueAddedFen", "robots");
        await OkAsync(approver, $"/api/tasks/{task}/complete", new
        {
            variables = new
            {
                energySavedTce = 1_900m, outputFen = 48_000_000_000L, valueAddedFen = 9_500_000_000L, robots = 4, co2ReducedTonnes = 5_054.25m,
                waterSavedM3 = 12_000L, evaluationComment = "Close to the promise.",
            },
        });

        Assert.Equal("closed", await LifecycleWalk.StatusAsync(applicant, id));
        var evaluation = (await LifecycleWalk.ProjectAsync(approver, id)).GetProperty("evaluation");
        Assert.Equal(5_054.25m, evaluation.GetProperty("delivered").GetProperty("co2ReducedTonnes").GetDecimal());
        Assert.Equal(12_000L, evaluation.GetProperty("delivered").GetProperty("waterSavedM3").GetInt64());
        Assert.Equal("approver1", evaluation.GetProperty("evaluatedBy").GetString());
        var plan = (await approver.GetFromJsonAsync<JsonElement>("/api/dashboards/fund")).GetProperty("plan").EnumerateArray()
            .ToDictionary(p => p.GetProperty("key").GetString()!);
        Assert.Equal(5_054.25m, plan["indicator-13"].GetProperty("deliveredValue").GetDecimal());
        Assert.Equal(1, plan["indicator-13"].GetProperty("projectsDelivered").GetInt32());
    }
}
