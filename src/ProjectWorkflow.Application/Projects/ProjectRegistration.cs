using Microsoft.Extensions.DependencyInjection;
using ProjectWorkflow.Application.Workflows;

namespace ProjectWorkflow.Application.Projects;

public static class ProjectRegistration
{
    /// <summary>After approval: the agreement, building (progress reports, changes), acceptance, evaluation, recovery, and their service tasks.</summary>
    public static IServiceCollection AddProjects(this IServiceCollection services)
    {
        services.AddScoped<IWorkflowSessionObserver, ProjectTermination>();
        services.AddScoped<SignAgreement>();
        services.AddScoped<SubmitProgressReport>();
        services.AddScoped<RequestChange>();
        services.AddScoped<FileInterestEvidence>();
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
