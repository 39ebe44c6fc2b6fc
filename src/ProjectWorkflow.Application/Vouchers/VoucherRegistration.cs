using Microsoft.Extensions.DependencyInjection;
using ProjectWorkflow.Application.ScheduledChecks;
using ProjectWorkflow.Application.Workflows;

namespace ProjectWorkflow.Application.Vouchers;

public static class VoucherRegistration
{
    /// <summary>
    /// Innovation and four-new vouchers: rule sets, quotas, providers, orders, redemption claims, settlements; the
    /// settlement process's service tasks; the scheduled checks (claim notices, quarterly settlement, year-end expiry,
    /// reminders of incomplete claims).
    /// </summary>
    public static IServiceCollection AddVouchers(this IServiceCollection services)
    {
        services.AddScoped<VoucherRuleSets>();
        services.AddScoped<VoucherAccess>();
        services.AddScoped<VoucherSchemeSeed>();
        services.AddScoped<DemoProviderSeed>();
        services.AddScoped<ListVoucherSchemes>();
        services.AddScoped<AddVoucherRuleSet>();
        services.AddScoped<SetVoucherBudget>();
        services.AddScoped<ListVoucherBudgets>();
        services.AddScoped<ApplyForQuota>();
        services.AddScoped<DecideQuota>();
        services.AddScoped<RegisterProvider>();
        services.AddScoped<VetProvider>();
        services.AddScoped<SuspendProvider>();
        services.AddScoped<ReinstateProvider>();
        services.AddScoped<OfferService>();
        services.AddScoped<PlaceOrder>();
        services.AddScoped<AnswerOrder>();
        services.AddScoped<DeliverOrder>();
        services.AddScoped<ConfirmDelivery>();
        services.AddScoped<ListVoucherDecisions>();
        services.AddScoped<SubmitClaim>();
        services.AddScoped<CompleteClaim>();
        services.AddScoped<ReviewClaim>();
        services.AddScoped<ReleaseSettlement>();
        services.AddScoped<VoucherLists>();
        services.AddScoped<VoucherSettlementDesk>();
        services.AddScoped<IWorkflowSessionObserver, VoucherTasksByTheirRoutes>();
        services.AddServiceTask<LapseQuotaStep>("voucher.quota.lapse");
        services.AddServiceTask<SendSettlement>("voucher.settlement.send");
        services.AddServiceTask<SettleSettlement>("voucher.settlement.settle");
        services.AddScheduledCheck<CloseClaimNotices>(CloseClaimNotices.Id, "10 16 * * *",
            "Redeems voucher claims whose public notice has passed (due in their cycle's settlement); tells the provider and the buyer.");
        services.AddScheduledCheck<OpenSettlements>(OpenSettlements.Id, "0 2 1 1,4,7,10 *",
            "After each voucher settlement cycle (quarterly): one payment order per provider and scheme, waiting for a finance officer's release.");
        services.AddScheduledCheck<LapseQuotas>(LapseQuotas.Id, "30 16 * * *",
            "Lapses voucher quotas past their validity (year end) and returns what no order holds to the voucher budget, once.");
        services.AddScheduledCheck<RemindIncompleteClaims>(RemindIncompleteClaims.Id, "0 1 * * *",
            "Reminds providers, weekly per claim, of redemption claims still missing documents.");
        return services;
    }
}
