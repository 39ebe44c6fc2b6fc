using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MiniExcelLibs;
using ProjectWorkflow.Application.Persistence;
using ProjectWorkflow.Funding.Vouchers;
using ProjectWorkflow.Web.Tests.Fixtures;
using static ProjectWorkflow.Web.Tests.Vouchers.VoucherApi;

namespace ProjectWorkflow.Web.Tests.Dashboards;

/// <summary>
/// The leadership reads the vouchers on the fund dashboard: per scheme-year what was granted to holders, what providers
/// redeemed, what the treasury settled, each the database's sum to the fen, on the page and in the workbook alike.
/// </summary>
public sealed class FundDashboardVoucherTests(FundingApp app) : IClassFixture<FundingApp>
{
    [Fact]
    public async Task FundDashboard_ShowsVouchersGrantedRedeemedAndSettled_ToTheFen()
    {
        using var approver = await app.CreateClientForAsync("approver1");
        using var finance = await app.CreateClientForAsync("finance1");
        using var enterprise = await app.CreateClientForAsync("enterprise1");
        // One quota granted and never used; one walked to a settlement the treasury pays (1,234,567 fen).
        await GrantedQuotaAsync(enterprise, approver, "four-new-voucher", 3_000_001, "Qian Dashboard");
        var settlement = await DueSettlementAsync(app, approver, "INV-DASH-2026-0001", contractFen: 2_469_134, shareFen: 1_234_567);
        var settlementId = settlement.GetProperty("id").GetGuid();
        await PostAsync(finance, $"/api/vouchers/settlements/{settlementId}/release", new { });
        await Eventually.WaitUntilAsync(async () => (await GetAsync(finance, $"/api/vouchers/settlements/{settlementId}")).GetProperty("status").GetString() == "paid",
            "the treasury to pay the settlement");

        var dashboard = await approver.GetFromJsonAsync<JsonElement>("/api/dashboards/fund");

        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ProjectWorkflowDbContext>();
        var quotas = await db.Set<VoucherQuota>().AsNoTracking().Select(q => new { q.SchemeKey, q.Year, q.GrantedFen, q.RedeemedFen }).ToListAsync();
        var paid = await db.Set<VoucherSettlement>().AsNoTracking().Where(s => s.Status == VoucherSettlementStatus.Paid)
            .Select(s => new { s.SchemeKey, s.Year, s.AmountFen }).ToListAsync();
        var shown = dashboard.GetProperty("vouchers").EnumerateArray().ToList();
        Assert.NotEmpty(shown);
        foreach (var row in shown)
        {
            var (scheme, year) = (row.GetProperty("schemeKey").GetString(), row.GetProperty("year").GetInt32());
            var mine = quotas.Where(q => q.SchemeKey == scheme && q.Year == year && q.GrantedFen > 0).ToList();
            Assert.Equal(mine.Count, row.GetProperty("quotas").GetInt32());
            Assert.Equal(mine.Sum(q => q.GrantedFen), row.GetProperty("grantedFen").GetInt64());
            Assert.Equal(mine.Sum(q => q.RedeemedFen), row.GetProperty("redeemedFen").GetInt64());
            Assert.Equal(paid.Where(s => s.SchemeKey == scheme && s.Year == year).Sum(s => s.AmountFen), row.GetProperty("settledFen").GetInt64());
        }
        var innovation = shown.Single(v => v.GetProperty("schemeKey").GetString() == "innovation-voucher" && v.GetProperty("year").GetInt32() == 2026);
        Assert.True(innovation.GetProperty("grantedFen").GetInt64() >= 10_000_000);
        Assert.Equal(1_234_567, innovation.GetProperty("redeemedFen").GetInt64());
        Assert.Equal(1_234_567, innovation.GetProperty("settledFen").GetInt64());
        var fourNew = shown.Single(v => v.GetProperty("schemeKey").GetString() == "four-new-voucher" && v.GetProperty("year").GetInt32() == 2026);
        Assert.True(fourNew.GetProperty("grantedFen").GetInt64() >= 3_000_001);

        // The page shows the same row, exact to the fen; the workbook's vouchers sheet too.
        using var portal = await app.CreateSignedInClientAsync("approver1");
        var html = WebUtility.HtmlDecode(await portal.GetStringAsync("/portal/dashboards/fund"));
        Assert.Contains("id=\"vouchers-table\"", html);
        Assert.Contains("data-voucher=\"innovation-voucher-2026\"", html);
        Assert.Contains("data-fen=\"1234567\"", html);
        var workbook = await approver.GetAsync("/api/dashboards/fund.xlsx");
        await using var stream = new MemoryStream(await workbook.Content.ReadAsByteArrayAsync());
        var sheet = stream.Query(useHeaderRow: true, sheetName: "vouchers").Cast<IDictionary<string, object>>().ToList();
        var line = sheet.Single(r => (string)r["Scheme 专项"] == "innovation-voucher" && Convert.ToInt32(r["Year 年度"], System.Globalization.CultureInfo.InvariantCulture) == 2026);
        Assert.Equal(1_234_567L, Convert.ToInt64(line["Settled (fen) 已结算(分)"], System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(innovation.GetProperty("grantedFen").GetInt64(), Convert.ToInt64(line["Granted (fen) 已发放(分)"], System.Globalization.CultureInfo.InvariantCulture));
    }
}
