using System.Net;
using ProjectWorkflow.Web.Tests.Fixtures;
using static ProjectWorkflow.Web.Tests.Vouchers.VoucherApi;

namespace ProjectWorkflow.Web.Tests.Vouchers;

/// <summary>
/// A demo started on a day the seed file knows nothing of: half past midnight on New Year's Day 2024 in Shanghai, still
/// 2023 in UTC. The seed file has rules and budgets for 2026 only.
/// </summary>
public sealed class NewYearDemoApp() : FundingApp(new DateTimeOffset(2023, 12, 31, 16, 30, 0, TimeSpan.Zero));

/// <summary>
/// Whatever the day the demo starts, both voucher schemes have rules and budgets for the current year (in Shanghai) and
/// the next, computed from the clock, so the demo enterprise applies for a quota at once and orders with it.
/// </summary>
public sealed class VoucherDemoYearsTests(NewYearDemoApp app) : IClassFixture<NewYearDemoApp>
{
    [Fact]
    public async Task ADemoStartedOnNewYearsDay_AppliesForThisYearsAndNextYearsQuota_AndOrdersWithIt()
    {
        using var enterprise = await app.CreateClientForAsync("enterprise1");
        using var approver = await app.CreateClientForAsync("approver1");
        using var finance = await app.CreateClientForAsync("finance1");

        // Shanghai's year (2024), not UTC's (2023), and the year after, for both schemes, with a budget each.
        var schemes = await GetAsync(enterprise, "/api/vouchers/schemes");
        var budgets = (await GetAsync(finance, "/api/vouchers/budgets")).EnumerateArray()
            .Select(b => $"{b.GetProperty("schemeKey").GetString()}:{b.GetProperty("year").GetInt32()}").ToHashSet();
        foreach (var scheme in new[] { "innovation-voucher", "four-new-voucher" })
            foreach (var year in new[] { 2024, 2025 })
                Assert.Contains($"{scheme}:{year}", budgets);
        Assert.DoesNotContain("innovation-voucher:2023", budgets);
        Assert.Contains("2024", schemes.ToString());
        Assert.Contains("2025", schemes.ToString());

        // This year's quota is granted and ordered with from the demo provider; next year's can be applied for too.
        var quota = await GrantedQuotaAsync(enterprise, approver, "innovation-voucher", 10_000_000, year: 2024);
        var providerId = await DemoProviderAsync(enterprise);
        var order = await PostAsync(enterprise, "/api/vouchers/orders", new
        {
            quotaId = quota.GetProperty("id").GetGuid(), providerId, itemKey = "product-testing", contractValueFen = 2_000_000L, voucherShareFen = 1_000_000L,
        }, HttpStatusCode.Created);
        Assert.Equal("placed", order.GetProperty("status").GetString());
        var next = await GrantedQuotaAsync(enterprise, approver, "four-new-voucher", 5_000_000, year: 2025);
        Assert.Equal(2025, next.GetProperty("year").GetInt32());
    }
}
