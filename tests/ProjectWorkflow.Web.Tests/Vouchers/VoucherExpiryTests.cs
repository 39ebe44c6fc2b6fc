using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using ProjectWorkflow.Application.Vouchers;
using ProjectWorkflow.Web.Tests.Fixtures;
using static ProjectWorkflow.Web.Tests.Vouchers.VoucherApi;

namespace ProjectWorkflow.Web.Tests.Vouchers;

/// <summary>At year end a quota lapses and returns what no order holds to the budget — once, whether the quota's timer or the year-end check comes first, however often it runs.</summary>
public sealed class VoucherExpiryTests(FundingApp app) : IClassFixture<FundingApp>
{
    [Fact]
    public async Task AtYearEnd_UnusedQuotaReturnsToTheBudgetOnce_AndTheQuotaCannotBeUsed()
    {
        using var enterprise = await app.CreateClientForAsync("enterprise1");
        using var approver = await app.CreateClientForAsync("approver1");
        using var finance = await app.CreateClientForAsync("finance1");
        var before = await BudgetAsync(finance, "innovation-voucher");
        var quota = await GrantedQuotaAsync(enterprise, approver, "innovation-voucher", 5_000_000);
        var quotaId = quota.GetProperty("id").GetGuid();
        var providerId = await DemoProviderAsync(enterprise);
        await PostAsync(enterprise, "/api/vouchers/orders", new { quotaId, providerId, itemKey = "product-testing", contractValueFen = 2_468_642L, voucherShareFen = 1_234_321L }, HttpStatusCode.Created);

        // Into the next year: the quota's timer and the year-end check both run, twice.
        await app.AdvanceAsync(new DateTimeOffset(2027, 1, 1, 1, 0, 0, TimeSpan.Zero) - app.Clock.GetUtcNow());
        await Task.WhenAll(InScopeAsync(app, async s => { await s.GetRequiredService<LapseQuotas>().RunAsync(default); return true; }),
                           InScopeAsync(app, async s => { await s.GetRequiredService<LapseQuotas>().RunAsync(default); return true; }));
        await InScopeAsync(app, async s => { await s.GetRequiredService<LapseQuotas>().RunAsync(default); return true; });

        var lapsed = await GetAsync(enterprise, $"/api/vouchers/quotas/{quotaId}");
        Assert.Equal("lapsed", lapsed.GetProperty("status").GetString());
        Assert.Equal(5_000_000 - 1_234_321, lapsed.GetProperty("releasedFen").GetInt64());
        var after = await BudgetAsync(finance, "innovation-voucher");
        Assert.Equal(before.GetProperty("availableFen").GetInt64() - 1_234_321, after.GetProperty("availableFen").GetInt64());
        Assert.Equal(before.GetProperty("reservedFen").GetInt64() + 1_234_321, after.GetProperty("reservedFen").GetInt64());

        await RefusedByAsync(await enterprise.PostAsJsonAsync("/api/vouchers/orders", new { quotaId, providerId, itemKey = "product-testing", contractValueFen = 200L, voucherShareFen = 100L }), "VoucherQuotaLapsed");
    }
}
