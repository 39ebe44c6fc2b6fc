using Microsoft.Extensions.DependencyInjection;
using ProjectWorkflow.Application.Workflows;

namespace ProjectWorkflow.Application.Ledger;

public static class LedgerRegistration
{
    /// <summary>Budgets, the fund ledger, payment orders and recoveries, and the service tasks the funding processes call.</summary>
    public static IServiceCollection AddLedger(this IServiceCollection services)
    {
        services.AddScoped<FundLedger>();
        services.AddScoped<BudgetLeft>();
        services.AddScoped<ProjectRoles>();
        services.AddScoped<IWorkflowSessionObserver, SegregationOfDuties>();
        services.AddScoped<IWorkflowSessionObserver, ReleaseOnlyByApproval>();
        services.AddScoped<ReverseLedgerEntry>();
        services.AddScoped<ListLedgerEntries>();
        services.AddScoped<ApprovePaymentOrder>();
        services.AddScoped<ListPaymentOrders>();
        services.AddScoped<ListBudgets>();
        services.AddScoped<SetBudget>();
        services.AddScoped<RaiseBudget>();
        services.AddScoped<ReceiveRecovery>();
        services.AddScoped<LedgerViews>();
        services.AddScoped<ExportLedgerView>();
        services.AddServiceTask<ReserveBudget>("budget.reserve");
        services.AddServiceTask<ReleaseBudget>("budget.release");
        services.AddServiceTask<OpenRecovery>("recovery.open");
        services.AddServiceTask<OrderInstallment>("installment.order");
        services.AddServiceTask<SendPayment>("payment.send");
        services.AddServiceTask<SettlePayment>("payment.settle");
        return services;
    }
}
