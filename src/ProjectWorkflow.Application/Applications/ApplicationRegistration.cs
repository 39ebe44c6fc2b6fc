using Microsoft.Extensions.DependencyInjection;
using ProjectWorkflow.Application.Applications.Steps;
using ProjectWorkflow.Application.Workflows;

namespace ProjectWorkflow.Application.Applications;

public static class ApplicationRegistration
{
    /// <summary>Funding applications: drafts, attachments, submission, their timeline, and the review steps the scheme processes call.</summary>
    public static IServiceCollection AddApplications(this IServiceCollection services)
    {
        services.AddScoped<ApplicationAccess>();
        services.AddScoped<ApplicationTimeline>();
        services.AddScoped<ApplicationDraft>();
        services.AddScoped<Attachments>();
        services.AddScoped<UploadStore>();
        services.AddSingleton<UploadBucket>();
        services.AddScoped<SubmitApplication>();
        services.AddScoped<DeleteDraft>();
        services.AddScoped<WithdrawApplication>();
        services.AddScoped<ListApplications>();
        services.AddScoped<IWorkflowSessionObserver, ApplicationStageObserver>();
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
        return services;
    }
}
