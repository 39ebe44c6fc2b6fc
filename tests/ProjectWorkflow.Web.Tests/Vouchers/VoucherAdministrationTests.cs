using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ProjectWorkflow.Application.Notifications;
using ProjectWorkflow.Application.Persistence;
using ProjectWorkflow.Application.Vouchers;
using ProjectWorkflow.Web.Tests.Fixtures;
using static ProjectWorkflow.Web.Tests.Vouchers.VoucherApi;

namespace ProjectWorkflow.Web.Tests.Vouchers;

/// <summary>
/// The parts of the voucher schemes people keep up: an administrator adds a year's rules (never changed afterwards), a
/// provider lists a catalogue service with its price, and the daily check reminds a provider of a claim missing
/// documents, at most once a week, until it is complete.
/// </summary>
public sealed class VoucherAdministrationTests(FundingApp app) : IClassFixture<FundingApp>
{
    private async Task<int> RemindersAsync(string claimNumber)
    {
        await InScopeAsync(app, async s => { await s.GetRequiredService<RemindIncompleteClaims>().RunAsync(default); return 0; });
        return await InScopeAsync(app, s => s.GetRequiredService<ProjectWorkflowDbContext>().Set<Notification>()
            .CountAsync(n => n.Recipient == "provider1" && n.BusinessKey == claimNumber && n.Kind == NotificationKinds.Voucher));
    }

    [Fact]
    public async Task AnAdministratorAddsAYearsRules_AProviderListsAService_AndAnIncompleteClaimIsRemindedWeekly()
    {
        using var admin = await app.CreateClientForAsync("admin1");
        using var enterprise = await app.CreateClientForAsync("enterprise1");
        using var approver = await app.CreateClientForAsync("approver1");
        using var provider = await app.CreateClientForAsync("provider1");

        // 2030's four-new rules, added once: the same year again is refused, whatever it says.
        var rules = new
        {
            year = 2030, issuerZh = "上海市经济和信息化委员会", issuerEn = "Shanghai Municipal Commission of Economy and Informatization",
            source = "test: the administrator's 2030 rules", eligibleApplicants = new[] { "certified-sme" },
            enterpriseAnnualCapFen = 15_000_000L, teamAnnualCapFen = 5_000_000L, coPaymentRatio = 0.4m, perClaimCapFen = 1_000_000L,
            catalogue = new[] { new { key = "digital", nameZh = "数字化转型", nameEn = "Digital transformation", items = new[] { new { key = "digital-diagnosis", nameZh = "数字化诊断", nameEn = "Digital maturity diagnosis" } } } },
            noticeDays = 7,
        };
        Assert.True((await admin.PostAsJsonAsync("/api/vouchers/schemes/four-new-voucher/rule-sets", rules)).IsSuccessStatusCode);
        await ProblemAssert.IsProblemAsync(await admin.PostAsJsonAsync("/api/vouchers/schemes/four-new-voucher/rule-sets", rules with { coPaymentRatio = 0.9m }), HttpStatusCode.Conflict);
        Assert.Contains("2030", (await GetAsync(enterprise, "/api/vouchers/schemes")).ToString());
        // Rules that read well field by field but do not make a usable rule set are refused in both languages, kept apart.
        var unusable = await ProblemAssert.IsProblemAsync(await admin.PostAsJsonAsync("/api/vouchers/schemes/four-new-voucher/rule-sets", new
        {
            year = 2031, rules.issuerZh, rules.issuerEn, rules.source, rules.eligibleApplicants, rules.enterpriseAnnualCapFen, rules.teamAnnualCapFen, rules.catalogue,
            settlementCycleMonths = 4,
        }), HttpStatusCode.BadRequest);
        Assert.Contains(unusable.GetProperty("errors").EnumerateArray(), e => e.GetProperty("field").GetString() == "ruleSet"
            && e.GetProperty("message").GetString() == "The settlement cycle is 1, 3, 6 or 12 months." && e.GetProperty("messageZh").GetString() == "结算周期为 1、3、6 或 12 个月。");

        // The demo provider lists calibration at ¥8,800.00; an item outside the catalogue is refused, naming it.
        var demo = await DemoProviderAsync(provider);
        var listed = await ReadAsync(await provider.PutAsJsonAsync($"/api/vouchers/providers/{demo}/services", new { schemeKey = "innovation-voucher", year = 2026, itemKey = "calibration", priceFen = 880_000L }));
        Assert.Contains(listed.GetProperty("services").EnumerateArray(), s => s.GetProperty("itemKey").GetString() == "calibration" && s.GetProperty("priceFen").GetInt64() == 880_000);
        var unknown = await ProblemAssert.IsProblemAsync(await provider.PutAsJsonAsync($"/api/vouchers/providers/{demo}/services",
            new { schemeKey = "innovation-voucher", year = 2026, itemKey = "astrology", priceFen = 1L }), HttpStatusCode.BadRequest);
        Assert.Contains(unknown.GetProperty("errors").EnumerateArray(), e => e.GetProperty("field").GetString() == "itemKey");

        // A claim without the buyer's payment proof is incomplete: reminded once, not again within the week, again after it.
        var quotaId = (await GrantedQuotaAsync(enterprise, approver, "innovation-voucher", 2_000_000)).GetProperty("id").GetGuid();
        var orderId = (await PostAsync(enterprise, "/api/vouchers/orders", new { quotaId, providerId = demo, itemKey = "calibration", contractValueFen = 880_000L, voucherShareFen = 440_000L },
            HttpStatusCode.Created)).GetProperty("id").GetGuid();
        await PostAsync(provider, $"/api/vouchers/orders/{orderId}/answer", new { accept = true });
        await PostAsync(provider, $"/api/vouchers/orders/{orderId}/delivery", new { deliverable = "Calibration certificate" });
        await PostAsync(enterprise, $"/api/vouchers/orders/{orderId}/delivery-confirmation", new { });
        var claim = await PostAsync(provider, "/api/vouchers/claims", new { orderId, invoiceNumber = "INV-CAL-0001", contract = "Contract CAL-1" }, HttpStatusCode.Created);
        Assert.Equal("incomplete", claim.GetProperty("status").GetString());
        var number = claim.GetProperty("number").GetString()!;
        Assert.Equal(1, await RemindersAsync(number));
        Assert.Equal(1, await RemindersAsync(number));
        await app.AdvanceAsync(TimeSpan.FromDays(8));
        Assert.Equal(2, await RemindersAsync(number));

        // Completed, it goes to review and is reminded no more.
        var completed = await PostAsync(provider, $"/api/vouchers/claims/{claim.GetProperty("id").GetGuid()}/documents", new { paymentProof = "Bank slip of the buyer's share" });
        Assert.Equal("submitted", completed.GetProperty("status").GetString());
        await app.AdvanceAsync(TimeSpan.FromDays(8));
        Assert.Equal(2, await RemindersAsync(number));
    }
}
