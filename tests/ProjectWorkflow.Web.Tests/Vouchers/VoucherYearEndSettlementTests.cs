using System.Net.Http.Json;
using System.Text.Json;
using ProjectWorkflow.Web.Tests.Fixtures;
using static ProjectWorkflow.Web.Tests.Vouchers.VoucherApi;

namespace ProjectWorkflow.Web.Tests.Vouchers;

/// <summary>
/// A story that starts in the last days of a year: 10:00 in Shanghai on 28 December 2025 (in the past, so the tokens it
/// issues are valid on the machine's clock); the demo seeds the voucher rules and budgets of 2025 and 2026.
/// </summary>
public sealed class LateDecemberApp() : FundingApp(new DateTimeOffset(2025, 12, 28, 2, 0, 0, TimeSpan.Zero));

/// <summary>
/// A claim on this year's quota approved in the last days of December stays in its notice into January, so the first
/// quarter of the next year settles it: it is paid from the budget the quota was granted from, and the ledger reconciles.
/// </summary>
public sealed class VoucherYearEndSettlementTests(LateDecemberApp app) : IClassFixture<LateDecemberApp>
{
    [Fact]
    public async Task AClaimNoticedIntoJanuary_IsSettledNextQuarter_FromTheBudgetItsQuotaWasGrantedFrom_AndTheLedgerReconciles()
    {
        using var approver = await app.CreateClientForAsync("approver1");
        using var finance = await app.CreateClientForAsync("finance1");
        var before = await BudgetsAsync(finance);

        // 2025's quota is granted, used and claimed on 28 December; the claim's notice ends in January; in April the run
        // settles the first quarter of 2026 (the quota lapsed on New Year's Day, the ordered share still held).
        var settlement = await DueSettlementAsync(app, approver, "INV-YEAR-END-0001", shareFen: 1_000_000, year: 2025);
        Assert.Equal("2026-Q1", settlement.GetProperty("cycle").GetString());
        var settlementId = settlement.GetProperty("id").GetGuid();
        await PostAsync(finance, $"/api/vouchers/settlements/{settlementId}/release", new { });
        await Eventually.WaitUntilAsync(async () => (await GetAsync(finance, $"/api/vouchers/settlements/{settlementId}")).GetProperty("status").GetString() == "paid",
            "the treasury to pay the settlement");

        // Paid from 2025's budget, where the grant reserved it: nothing of it reserved there any more, 2026's untouched.
        var after = await BudgetsAsync(finance);
        Assert.Equal(before[2025].PaidFen + 1_000_000, after[2025].PaidFen);
        Assert.Equal(before[2025].ReservedFen, after[2025].ReservedFen);
        Assert.Equal(before[2026], after[2026]);
        var reconciliation = await (await finance.PostAsync("/api/ledger/reconciliations", null)).Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(reconciliation.GetProperty("clean").GetBoolean(), $"the ledger does not reconcile: {reconciliation}");
    }

    private static async Task<Dictionary<int, (long PaidFen, long ReservedFen)>> BudgetsAsync(HttpClient finance) =>
        (await GetAsync(finance, "/api/vouchers/budgets")).EnumerateArray().Where(b => b.GetProperty("schemeKey").GetString() == "innovation-voucher")
            .ToDictionary(b => b.GetProperty("year").GetInt32(), b => (b.GetProperty("paidFen").GetInt64(), b.GetProperty("reservedFen").GetInt64()));
}
