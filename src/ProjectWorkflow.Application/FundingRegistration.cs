using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using ProjectWorkflow.Application.Applications;
using ProjectWorkflow.Application.Applications.Steps;
using ProjectWorkflow.Application.Enterprises;
using ProjectWorkflow.Application.Ledger;
using ProjectWorkflow.Application.Projects;
using ProjectWorkflow.Application.Reviews;
using ProjectWorkflow.Application.Schemes;
using ProjectWorkflow.Application.Workflows;

namespace ProjectWorkflow.Application;

public static class FundingRegistration
{
    /// <summary>Schemes, enterprises, applications their review steps and the funded project's lifecycle (the service tasks the scheme processes call).</summary>
    public static IServiceCollection AddFunding(this IServiceCollection services)
    {
        services.AddScoped<SchemeSeed>();
        services.AddScoped<ListSchemes>();
        services.AddScoped<SchemeResults>();
        services.AddScoped<AddRuleSet>();
        services.AddScoped<RuleSets>();
        services.AddScoped<EnterpriseDirectory>();
        services.AddScoped<DemoEnterpriseSeed>();
        services.AddScoped<RequestBankAccount>();
        services.AddScoped<DecideBankAccount>();
        services.AddScoped<ListBankAccounts>();
        services.AddScoped<ApplicationAccess>();
        services.AddScoped<ApplicationTimeline>();
        services.AddScoped<ApplicationDraft>();
        services.AddScoped<Attachments>();
        services.AddScoped<SubmitApplication>();
        services.AddScoped<ListApplications>();
        services.AddScoped<BudgetLeft>();
        services.AddLedger();
        services.AddScoped<PanelReview>();
        services.AddScoped<Objections>();
        services.AddSingleton(provider => WorkingDaysConfiguration.From(provider.GetRequiredService<IConfiguration>()));
        services.AddScoped<IWorkflowSessionObserver, ApplicationStageObserver>();
        services.AddScoped<IWorkflowSessionObserver, ProjectTermination>();
        services.AddServiceTask<FormalCheck>("application.formal-check");
        services.AddServiceTask<ReturnForSupplement>("application.return");
        services.AddServiceTask<Resubmit>("application.resubmit");
        services.AddServiceTask<Lapse>("application.lapse");
        services.AddServiceTask<Reject>("application.reject");
        services.AddServiceTask<AssignPanel>("panel.assign");
        services.AddServiceTask<ConcludePanel>("panel.conclude");
        services.AddServiceTask<CalculateSubsidy>("subsidy.calculate");
        services.AddServiceTask<PublishNotice>("notice.publish");
        services.AddServiceTask<CloseNotice>("notice.close");
        services.AddServiceTask<Approve>("application.approve");

        // After approval: the agreement, building (progress reports, changes), acceptance, evaluation, recovery.
        services.AddScoped<SignAgreement>();
        services.AddScoped<SubmitProgressReport>();
        services.AddScoped<RequestChange>();
        services.AddScoped<DecideChangeRequest>();
        services.AddScoped<RequestAcceptance>();
        services.AddScoped<ReviewAcceptance>();
        services.AddScoped<EvaluatePerformance>();
        services.AddScoped<OrderRecovery>();
        services.AddScoped<ProjectHistory>();
        services.AddServiceTask<StartBuilding>("project.start-building");
        services.AddServiceTask<ApplyChange>("change.apply");
        services.AddServiceTask<CheckAcceptanceDeadline>("acceptance.deadline");
        services.AddServiceTask<AcceptanceRequested>("acceptance.requested");
        services.AddServiceTask<SettleAcceptance>("acceptance.settle");
        services.AddServiceTask<CloseProject>("project.close");
        services.AddServiceTask<RecoverFunds>("project.recover");
        return services;
    }
}
