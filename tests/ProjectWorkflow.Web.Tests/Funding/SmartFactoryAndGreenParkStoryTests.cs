using System.Net.Http.Json;
using System.Text.Json;
using ProjectWorkflow.Web.Tests.Fixtures;
using static ProjectWorkflow.Web.Tests.Funding.FundingApi;
using static ProjectWorkflow.Web.Tests.Workflows.WorkflowApi;

namespace ProjectWorkflow.Web.Tests.Funding;

/// <summary>The two year-round schemes from submission to approval, each with its own support rule, to the fen.</summary>
public sealed class SmartFactoryAndGreenParkStoryTests(FundingApp app) : IClassFixture<FundingApp>
{
    private readonly ReviewWalk _walk = new(app);

    private static Dictionary<string, Dictionary<string, decimal>> SmartScores(params decimal[] totals) =>
        totals.Select((total, i) => ($"expert{i + 1}", new Dictionary<string, decimal> { ["intelligence"] = total * 0.4m, ["economics"] = total * 0.3m, ["management"] = total * 0.3m }))
            .ToDictionary(x => x.Item1, x => x.Item2);

    [Fact]
    public async Task SmartFactory_PaysTwentyPercentOfEquipmentAndSoftware()
    {
        using var applicant = await app.CreateClientForAsync("enterprise1");
        var (id, instance) = await _walk.SubmitAsync(applicant, "smart-factory", Project("Digital stamping workshop"));
        await _walk.DistrictAsync(instance, new { districtOutcome = "recommend" });
        await _walk.PanelAsync(id, instance, SmartScores(75, 70, 88, 64, 90));
        await _walk.ApproverAsync(instance, "siteCheck", new { siteOutcome = "pass" });

        // 20% × (6,123,456,789 + 1,500,000,000 fen of equipment and software) = 1,524,691,357.8 → 1,524,691,357 fen
        Assert.Equal(1_524_691_357L, (await ApplicationAsync(applicant, id)).GetProperty("approvedAmountFen").GetInt64());
        await _walk.ApproverAsync(instance, "jointReview", new { jointOutcome = "approve" });
        await app.AdvanceAsync(TimeSpan.FromDays(8));

        var approved = await ApplicationAsync(applicant, id);
        Assert.Equal("approved", approved.GetProperty("status").GetString());
        using var admin = await app.CreateClientForAsync("admin1");
        Assert.Equal(77.67m, (await InstanceAsync(admin, instance)).GetProperty("variables").GetProperty("panelScore").GetDecimal());   // (70 + 75 + 88) / 3
    }

    [Fact]
    public async Task GreenPark_PaysPerTonneOfCoalSaved_CappedByShareOfInvestment()
    {
        using var applicant = await app.CreateClientForAsync("enterprise1");
        var small = new
        {
            projectName = "Small heat pump retrofit", site = "Lingang", description = "Heat pumps replace the gas boilers.", projectLeaderName = "Sun Qi",
            projectLeaderIdentity = "310101198505050055", inProjectPool = false, equipmentFen = 300_000_000L, energyBeforeTce = 3_000m, energyAfterTce = 1_000m,
        };
        var (id, instance) = await _walk.SubmitAsync(applicant, "green-park", small);
        await _walk.DistrictAsync(instance, new { districtOutcome = "recommend" });
        await _walk.PanelAsync(id, instance, ReviewWalk.GreenScores(70, 72, 74));
        await _walk.ApproverAsync(instance, "siteCheck", new { siteOutcome = "pass" });

        // 2,000 tce × ¥600 = ¥1,200,000, but at most 30% of the ¥3,000,000 investment = ¥900,000.
        Assert.Equal(90_000_000L, (await ApplicationAsync(applicant, id)).GetProperty("approvedAmountFen").GetInt64());
        using var admin = await app.CreateClientForAsync("admin1");
        Assert.Contains("30%", (await InstanceAsync(admin, instance)).GetProperty("variables").GetProperty("calculation").GetString());
        await _walk.ApproverAsync(instance, "jointReview", new { jointOutcome = "approve" });
        await app.AdvanceAsync(TimeSpan.FromDays(8));
        Assert.Equal("approved", (await ApplicationAsync(applicant, id)).GetProperty("status").GetString());
    }
}
