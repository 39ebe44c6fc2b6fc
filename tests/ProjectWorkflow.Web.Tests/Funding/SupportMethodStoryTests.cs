using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ProjectWorkflow.Web.Tests.Fixtures;
using static ProjectWorkflow.Web.Tests.Funding.FundingApi;
using static ProjectWorkflow.Web.Tests.Workflows.WorkflowApi;

namespace ProjectWorkflow.Web.Tests.Funding;

/// <summary>The draft's fields plus the support method's own (the support method chosen, the loan's interest, the leased equipment).</summary>
internal static class SupportFields
{
    public static Dictionary<string, JsonElement> With(object project, object extra)
    {
        var fields = JsonSerializer.SerializeToElement(project).EnumerateObject().ToDictionary(p => p.Name, p => p.Value.Clone());
        foreach (var p in JsonSerializer.SerializeToElement(extra).EnumerateObject()) fields[p.Name] = p.Value.Clone();
        return fields;
    }
}

/// <summary>The review of a smart-factory project and the steps after it, shared by the instrument stories.</summary>
internal sealed class SmartFactoryWalk(FundingApp app)
{
    private readonly ReviewWalk _walk = new(app);

    public LifecycleWalk Lifecycle { get; } = new(app);

    private static Dictionary<string, Dictionary<string, decimal>> Scores(params decimal[] totals) =>
        totals.Select((total, i) => (ReviewWalk.FivePanel[i], new Dictionary<string, decimal> { ["intelligence"] = total * 0.4m, ["economics"] = total * 0.3m, ["management"] = total * 0.3m }))
            .ToDictionary(x => x.Item1, x => x.Item2);

    public async Task<(Guid Id, Guid Instance)> ReviewedAsync(HttpClient applicant, object fields)
    {
        var (id, instance) = await _walk.SubmitAsync(applicant, "smart-factory", fields);
        await _walk.DistrictAsync(instance, new { districtOutcome = "recommend" });
        await _walk.PanelAsync(id, instance, Scores(75, 70, 88, 64, 90));
        await _walk.ApproverAsync(instance, "siteCheck", new { siteOutcome = "pass" });
        return (id, instance);
    }

    public Task JointReviewAsync(Guid instance) => _walk.ApproverAsync(instance, "jointReview", new { jointOutcome = "approve" });

    public static async Task<Guid> AttachedAsync(HttpClient applicant, Guid id, string kind)
    {
        var response = await AttachAsync(applicant, id, kind, $"{kind}.pdf", Pdf);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    public async Task<JsonElement[]> OrdersAsync(Guid id) =>
        (await (await Lifecycle.ClientAsync("finance1")).GetFromJsonAsync<JsonElement[]>($"/api/ledger/payment-orders?applicationId={id}"))!;
}

/// <summary>
/// Smart-factory's loan-interest subsidy, chosen by the applicant among what the 2026 rule set offers: 50% of the
/// interest paid, capped at ¥10,000,000, paid on evidence of interest paid. Amounts to the fen.
/// </summary>
public sealed class LoanInterestStoryTests(FundingApp app) : IClassFixture<FundingApp>
{
    private readonly SmartFactoryWalk _smart = new(app);

    [Fact]
    public async Task LoanInterest_IsApprovedOnTheLoansInterest_AndPaidOnlyOnEvidenceOfInterestPaid_NeverAboveTheApprovedAmount()
    {
        var applicant = await _smart.Lifecycle.ClientAsync("enterprise1");
        var admin = await _smart.Lifecycle.ClientAsync("admin1");
        var fields = SupportFields.With(Project("Loan-financed MES line"), new { supportMethod = "loan-interest", loanInterestFen = 345_678_901L, lender = "Bank of Shanghai, Pudong branch" });
        var (id, instance) = await _smart.ReviewedAsync(applicant, fields);
        var number = (await ApplicationAsync(applicant, id)).GetProperty("number").GetString()!;

        // 50% × ¥3,456,789.01 of interest over the build period = ¥1,728,394.505 → 172,839,450 fen.
        var reviewed = await ApplicationAsync(applicant, id);
        Assert.Equal(172_839_450L, reviewed.GetProperty("approvedAmountFen").GetInt64());
        Assert.Equal("loan-interest", reviewed.GetProperty("supportMethod").GetString());
        Assert.StartsWith("loan-interest: 50% × loan interest", (await InstanceAsync(admin, instance)).GetProperty("variables").GetProperty("calculation").GetString());
        await _smart.JointReviewAsync(instance);
        await app.AdvanceAsync(TimeSpan.FromDays(8));

        // Signed: nothing is paid before interest is: the first installment finds nothing due and building starts.
        await LifecycleWalk.SignAsync(applicant, id);
        await Eventually.WaitForAsync(async () => await LifecycleWalk.StatusAsync(applicant, id) == "building" ? (object)true : null, "building to start");
        Assert.Empty(await _smart.OrdersAsync(id));

        // Interest for the first quarter: ¥1,234,567.89 × 50% = ¥617,283.945 → 61,728,394 fen.
        var statement = await SmartFactoryWalk.AttachedAsync(applicant, id, "interest-evidence");
        var filed = await PostAsync(applicant, $"/api/applications/{id}/interest-evidence",
            new { interestPaidFen = 123_456_789L, periodFrom = "2026-02-01", periodTo = "2026-04-30", lender = "Bank of Shanghai, Pudong branch", attachmentId = statement });
        Assert.True(filed.StatusCode == HttpStatusCode.OK, await filed.Content.ReadAsStringAsync());
        Assert.Equal(61_728_394L, await _smart.Lifecycle.PayNextInstallmentAsync(id, number));
        // The applicant's timeline says what it filed and what it was paid for it, in both languages.
        var timeline = (await applicant.GetFromJsonAsync<JsonElement>($"/api/applications/{id}/timeline")).GetProperty("entries").EnumerateArray().ToList();
        var evidenceLine = Assert.Single(timeline, e => e.GetProperty("event").GetString() == "interest-evidence-filed");
        Assert.EndsWith("提交付息凭证：2026-02-01 至 2026-04-30 向Bank of Shanghai, Pudong branch支付贷款利息 ¥1,234,567.89。", evidenceLine.GetProperty("textZh").GetString());
        Assert.EndsWith("¥1,234,567.89 of loan interest paid to Bank of Shanghai, Pudong branch for 2026-02-01 to 2026-04-30.", evidenceLine.GetProperty("textEn").GetString());
        Assert.StartsWith("Evidence of interest filed on ", evidenceLine.GetProperty("textEn").GetString());
        Assert.Contains(timeline, e => e.GetProperty("event").GetString() == "installment-paid" && e.GetProperty("textEn").GetString()!.Contains(" of ¥617,283.94 paid on "));

        // A second statement of ¥3,000,000 would give ¥1,500,000, but only ¥1,111,110.56 of the approved amount is left.
        var second = await SmartFactoryWalk.AttachedAsync(applicant, id, "interest-evidence");
        await OkAsync(applicant, $"/api/applications/{id}/interest-evidence",
            new { interestPaidFen = 300_000_000L, periodFrom = "2026-05-01", periodTo = "2026-10-31", lender = "Bank of Shanghai, Pudong branch", attachmentId = second });
        Assert.Equal(111_111_056L, await _smart.Lifecycle.PayNextInstallmentAsync(id, number));
        Assert.Equal(172_839_450L, (await _smart.OrdersAsync(id)).Sum(o => o.GetProperty("amountFen").GetInt64()));

        // Evidence without the bank's statement is refused with the field named.
        var missing = await PostAsync(applicant, $"/api/applications/{id}/interest-evidence", new { interestPaidFen = 1_000L, periodFrom = "2026-11-01", periodTo = "2026-11-30", lender = "x" });
        Assert.Contains((await ProblemAssert.IsProblemAsync(missing, HttpStatusCode.BadRequest)).GetProperty("errors").EnumerateArray(), e => e.GetProperty("field").GetString() == "attachmentId");

        // A year into building the annual report falls due beside the quarterly ones, and is filed as such.
        await app.AdvanceAsync(TimeSpan.FromDays(366));
        var annual = await PostAsync(applicant, $"/api/applications/{id}/progress-reports",
            new { kind = "annual", investedSoFarFen = 8_000_000_000L, percentComplete = 60, summary = "Year one: MES live on two lines." });
        Assert.True(annual.StatusCode == HttpStatusCode.OK, await annual.Content.ReadAsStringAsync());
        var report = await annual.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("annual", report.GetProperty("kind").GetString());
        Assert.Equal(1, report.GetProperty("sequence").GetInt32());
        await ProblemAssert.IsProblemAsync(await PostAsync(applicant, $"/api/applications/{id}/progress-reports",
            new { kind = "annual", investedSoFarFen = 1L, percentComplete = 60, summary = "again" }), HttpStatusCode.Conflict);
    }

}

/// <summary>Smart-factory's finance-lease subsidy: 5% of the leased equipment, capped at ¥10,000,000, in the usual installments.</summary>
public sealed class FinanceLeaseStoryTests(FundingApp app) : IClassFixture<FundingApp>
{
    private readonly SmartFactoryWalk _smart = new(app);

    [Fact]
    public async Task FinanceLease_PaysFivePercentOfTheLeasedEquipment_InTheUsualInstallments_AndTakesNoInterestEvidence()
    {
        var applicant = await _smart.Lifecycle.ClientAsync("enterprise1");
        var fields = SupportFields.With(Project("Leased laser cutting cell"), new { supportMethod = "finance-lease", leasedEquipmentFen = 2_345_678_901L });
        var (id, instance) = await _smart.ReviewedAsync(applicant, fields);
        var number = (await ApplicationAsync(applicant, id)).GetProperty("number").GetString()!;

        // 5% × ¥23,456,789.01 of leased equipment = ¥1,172,839.4505 → 117,283,945 fen; half of it first.
        Assert.Equal(117_283_945L, (await ApplicationAsync(applicant, id)).GetProperty("approvedAmountFen").GetInt64());
        await _smart.JointReviewAsync(instance);
        await app.AdvanceAsync(TimeSpan.FromDays(8));
        await LifecycleWalk.SignAsync(applicant, id);
        Assert.Equal(58_641_972L, await _smart.Lifecycle.PayNextInstallmentAsync(id, number));

        var statement = await SmartFactoryWalk.AttachedAsync(applicant, id, "interest-evidence");
        var refused = await PostAsync(applicant, $"/api/applications/{id}/interest-evidence",
            new { interestPaidFen = 100_000L, periodFrom = "2026-02-01", periodTo = "2026-02-28", lender = "Leasing Co.", attachmentId = statement });
        Assert.Equal("NotALoanInterestProject", (await ProblemAssert.IsProblemAsync(refused, HttpStatusCode.UnprocessableEntity)).GetProperty("rule").GetString());
    }
}

/// <summary>
/// Green-park's energy-saving tiers and title awards in one 2026 rule set: the applicant names its tier. 1,234.568 tce
/// saved on a ¥30,000,000 investment; every tier's amount to the fen.
/// </summary>
public sealed class GreenParkTierStoryTests(FundingApp app) : IClassFixture<FundingApp>
{
    private readonly ReviewWalk _walk = new(app);

    private async Task<long> ApprovedAmountAsync(HttpClient applicant, string name, object method)
    {
        var project = SupportFields.With(new
        {
            projectName = name, site = "Lingang", description = "Waste-heat recovery and heat pumps.", projectLeaderName = "Sun Qi",
            projectLeaderIdentity = "310101198505050055", equipmentFen = 3_000_000_000L, energyBeforeTce = 5_000m, energyAfterTce = 3_765.432m,
            outputFen = 50_000_000_000L, valueAddedFen = 10_000_000_000L, robots = 4,
        }, method);
        var (id, instance) = await _walk.SubmitAsync(applicant, "green-park", project);
        await _walk.DistrictAsync(instance, new { districtOutcome = "recommend" });
        await _walk.PanelAsync(id, instance, ReviewWalk.GreenScores(70, 72, 74, 72, 72));
        await _walk.ApproverAsync(instance, "siteCheck", new { siteOutcome = "pass" });
        return (await ApplicationAsync(applicant, id)).GetProperty("approvedAmountFen").GetInt64();
    }

    [Fact]
    public async Task EachTier_PaysItsOwnRatePerTonne_AndATitleItsAward()
    {
        using var applicant = await app.CreateClientForAsync("enterprise1");
        // ¥600 × 1,234.568 tce = ¥740,740.80 (below 30% of the investment and the ¥5,000,000 cap).
        Assert.Equal(74_074_080L, await ApprovedAmountAsync(applicant, "Boiler heat recovery", new { supportMethod = "standard" }));
        // Energy-performance contract: ¥800 × 1,234.568 = ¥987,654.40.
        Assert.Equal(98_765_440L, await ApprovedAmountAsync(applicant, "EPC chiller plant", new { supportMethod = "energy-performance-contract" }));
        // Low-carbon technology: ¥2,000 × 1,234.568 = ¥2,469,136.00 (its own ¥10,000,000 cap).
        Assert.Equal(246_913_600L, await ApprovedAmountAsync(applicant, "Green hydrogen furnace", new { supportMethod = "low-carbon" }));
        // A green-factory title: the seeded award (assumed ¥500,000).
        Assert.Equal(50_000_000L, await ApprovedAmountAsync(applicant, "Green factory title", new { supportMethod = "title-award", titleSought = "green-factory" }));

        // A method the year's rules do not offer is refused at submission.
        var draft = await SubmitReadyAsync(applicant, "green-park", SupportFields.With(Project("Solar roof tier"), new { supportMethod = "solar-roof" }));
        var refused = await ProblemAssert.IsProblemAsync(await SubmitAsync(applicant, draft.GetProperty("id").GetGuid()), HttpStatusCode.UnprocessableEntity);
        Assert.Equal("SupportMethodNotOffered", refused.GetProperty("rule").GetString());
        Assert.Contains("low-carbon", refused.GetProperty("messageEn").GetString());
    }
}
