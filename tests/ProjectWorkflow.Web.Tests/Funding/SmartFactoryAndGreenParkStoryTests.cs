using System.Net.Http.Json;
using System.Text.Json;
using ProjectWorkflow.Web.Tests.Fixtures;
using static ProjectWorkflow.Web.Tests.Funding.FundingApi;
using static ProjectWorkflow.Web.Tests.Workflows.WorkflowApi;

namespace ProjectWorkflow.Web.Tests.Funding;

/// <summary>The two year-round schemes from submission to the closed project, each with its own support rule, to the fen.</summary>
public sealed class SmartFactoryAndGreenParkStoryTests(FundingApp app) : IClassFixture<FundingApp>
{
    private readonly ReviewWalk _walk = new(app);
    private readonly LifecycleWalk _lifecycle = new(app);

    private static Dictionary<string, Dictionary<string, decimal>> SmartScores(params decimal[] totals) =>
        totals.Select((total, i) => (ReviewWalk.FivePanel[i], new Dictionary<string, decimal> { ["intelligence"] = total * 0.4m, ["economics"] = total * 0.3m, ["management"] = total * 0.3m }))
            .ToDictionary(x => x.Item1, x => x.Item2);

    [Fact]
    public async Task SmartFactory_PaysTwentyPercentOfEquipmentAndSoftware_InTwoInstallments()
    {
        using var applicant = await app.CreateClientForAsync("enterprise1");
        using var approver = await app.CreateClientForAsync("approver1");
        using var admin = await app.CreateClientForAsync("admin1");
        var (id, instance) = await _walk.SubmitAsync(applicant, "smart-factory", Project("Digital stamping workshop"));
        var number = (await ApplicationAsync(applicant, id)).GetProperty("number").GetString()!;
        await _walk.DistrictAsync(instance, new { districtOutcome = "recommend" });
        await _walk.PanelAsync(id, instance, SmartScores(75, 70, 88, 64, 90));
        await _walk.ApproverAsync(instance, "siteCheck", new { siteOutcome = "pass" });

        // 20% × (6,123,456,789 + 1,500,000,000 fen of equipment and software) = 1,524,691,357.8 → 1,524,691,357 fen
        Assert.Equal(1_524_691_357L, (await ApplicationAsync(applicant, id)).GetProperty("approvedAmountFen").GetInt64());
        await _walk.ApproverAsync(instance, "jointReview", new { jointOutcome = "approve" });
        await app.AdvanceAsync(TimeSpan.FromDays(8));
        Assert.Equal("approved", await LifecycleWalk.StatusAsync(applicant, id));
        Assert.Equal(77.67m, (await InstanceAsync(admin, instance)).GetProperty("variables").GetProperty("panelScore").GetDecimal());   // (70 + 75 + 88) / 3

        // Agreement, then half of it (rounded down to the fen) as the first installment.
        await LifecycleWalk.SignAsync(applicant, id);
        Assert.Equal("Release installment 审核拨付", (await ApplicationAsync(applicant, id)).GetProperty("stage").GetString());   // the payment's own process
        Assert.Equal(762_345_678L, await _lifecycle.PayNextInstallmentAsync(id, number));
        Assert.Equal("building", await LifecycleWalk.StatusAsync(applicant, id));

        // A change to the project's content (not an extension) is reviewed and leaves the schedule alone.
        var asked = await (await PostAsync(applicant, $"/api/applications/{id}/change-requests", new { kind = "content", reason = "Swap the AGV supplier." })).Content.ReadFromJsonAsync<JsonElement>();
        var pending = await PostAsync(applicant, $"/api/applications/{id}/change-requests", new { kind = "content", reason = "Another one." });
        Assert.Equal("ChangeAlreadyPending", (await ProblemAssert.IsProblemAsync(pending, System.Net.HttpStatusCode.UnprocessableEntity)).GetProperty("rule").GetString());
        await OkAsync(approver, $"/api/applications/{id}/change-requests/{asked.GetProperty("id")}/decision", new { approved = true, reason = "Same specification." });
        Assert.Equal(0, (await ApplicationAsync(applicant, id)).GetProperty("project").GetProperty("extensionsGranted").GetInt32());

        // Finished early, at full investment: acceptance passes without a cut and the rest is paid.
        await app.AdvanceAsync(TimeSpan.FromDays(400));
        var audit = await LifecycleWalk.AttachAuditReportAsync(applicant, id);
        await OkAsync(applicant, $"/api/applications/{id}/acceptance", new { equipmentFen = 6_200_000_000L, softwareFen = 1_500_000_000L, summary = "Workshop in service.", auditReportId = audit });
        await OkAsync(approver, $"/api/applications/{id}/acceptance/review", new { outcome = "pass", reason = "Matches the agreement." });
        Assert.Equal(1_524_691_357L, (await ApplicationAsync(applicant, id)).GetProperty("project").GetProperty("acceptedAmountFen").GetInt64());
        Assert.Equal(762_345_679L, await _lifecycle.PayNextInstallmentAsync(id, number));   // 1,524,691,357 − 762,345,678

        await OkAsync(approver, $"/api/applications/{id}/evaluation", new { energySavedTce = 2_500m, outputFen = 80_000_000_000L, valueAddedFen = 20_000_000_000L, robots = 40 });
        Assert.Equal("closed", await LifecycleWalk.StatusAsync(applicant, id));
        var history = await LifecycleWalk.ProjectAsync(applicant, id);
        Assert.Equal("approved", history.GetProperty("changeRequests")[0].GetProperty("status").GetString());
        Assert.Equal("excellent", history.GetProperty("evaluation").GetProperty("grade").GetString());

        // Closure is not the end of accountability: an inspection later finds the output figures were invented,
        // and the department orders the recovery of everything paid, with the sanction on enterprise and leader.
        await OkAsync(approver, $"/api/applications/{id}/recovery", new { reason = "Output figures invented (inspection 2027-06)." });
        Assert.Equal("recovered", await LifecycleWalk.StatusAsync(applicant, id));
        var finance = await _lifecycle.ClientAsync("finance1");
        var claim = Assert.Single((await finance.GetFromJsonAsync<JsonElement[]>("/api/ledger/recoveries"))!, r => r.GetProperty("applicationNumber").GetString() == number);
        Assert.Equal(1_524_691_357L, claim.GetProperty("amountFen").GetInt64());
        var again = await PostAsync(approver, $"/api/applications/{id}/recovery", new { reason = "again" });
        await ProblemAssert.IsProblemAsync(again, System.Net.HttpStatusCode.Conflict);
    }

}

/// <summary>A green-park project (its own app: the smart-factory story moves the clock by a year).</summary>
public sealed class GreenParkStoryTests(FundingApp app) : IClassFixture<FundingApp>
{
    private readonly LifecycleWalk _lifecycle = new(app);

    [Fact]
    public async Task GreenPark_PaysPerTonneOfCoalSaved_AndAShortfallBelowWhatWasPaid_IsReclaimed()
    {
        using var applicant = await app.CreateClientForAsync("enterprise1");
        using var approver = await app.CreateClientForAsync("approver1");
        using var admin = await app.CreateClientForAsync("admin1");
        var (id, instance) = await _lifecycle.ApprovedGreenParkAsync(applicant, "Small heat pump retrofit", "310101198505050055");
        var number = (await ApplicationAsync(applicant, id)).GetProperty("number").GetString()!;

        // 2,000 tce × ¥600 = ¥1,200,000, but at most 30% of the ¥3,000,000 investment = ¥900,000.
        Assert.Equal(90_000_000L, (await ApplicationAsync(applicant, id)).GetProperty("approvedAmountFen").GetInt64());
        Assert.Contains("30%", (await InstanceAsync(admin, instance)).GetProperty("variables").GetProperty("calculation").GetString());
        await app.AdvanceAsync(TimeSpan.FromDays(8));
        Assert.Equal("approved", await LifecycleWalk.StatusAsync(applicant, id));

        await LifecycleWalk.SignAsync(applicant, id);
        Assert.Equal(45_000_000L, await _lifecycle.PayNextInstallmentAsync(id, number));

        // Only ¥1,200,000 of the ¥3,000,000 was invested: entitled to 40% of ¥900,000 = ¥360,000, less than the ¥450,000 paid.
        await app.AdvanceAsync(TimeSpan.FromDays(700));
        var audit = await LifecycleWalk.AttachAuditReportAsync(applicant, id);
        await OkAsync(applicant, $"/api/applications/{id}/acceptance", new { equipmentFen = 120_000_000L, summary = "Two of the five heat pumps installed.", auditReportId = audit });
        await OkAsync(approver, $"/api/applications/{id}/acceptance/review", new { outcome = "pass", reason = "Installed pumps work; the rest were dropped." });
        var accepted = await ApplicationAsync(applicant, id);
        Assert.Equal(36_000_000L, accepted.GetProperty("project").GetProperty("acceptedAmountFen").GetInt64());

        // Nothing more is paid: the final installment is zero and the overpayment goes to recovery, without a sanction.
        var finance = await _lifecycle.ClientAsync("finance1");
        Assert.DoesNotContain((await finance.GetFromJsonAsync<JsonElement[]>("/api/tasks?scope=candidate"))!, t => t.GetProperty("businessKey").GetString() == number);
        var journal = await JournalAsync(admin, instance);
        Assert.Contains(journal, j => j.GetProperty("elementId").GetString() == "reclaimOverpayment" && j.GetProperty("event").GetString() == "left");
        await OkAsync(approver, $"/api/applications/{id}/evaluation", new { energySavedTce = 800m, outputFen = 50_000_000_000L, valueAddedFen = 10_000_000_000L, robots = 4 });
        var closed = await ApplicationAsync(applicant, id);
        Assert.Equal("closed", closed.GetProperty("status").GetString());
        Assert.Equal("good", (await LifecycleWalk.ProjectAsync(approver, id)).GetProperty("evaluation").GetProperty("grade").GetString());   // (40 + 100 + 100 + 100) / 4 = 85
    }
}
