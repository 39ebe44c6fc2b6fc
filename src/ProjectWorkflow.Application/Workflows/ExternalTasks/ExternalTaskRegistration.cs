using Microsoft.Extensions.DependencyInjection;

namespace ProjectWorkflow.Application.Workflows.ExternalTasks;

public static class ExternalTaskRegistration
{
    /// <summary>The use cases behind Camunda's external-task REST API (<c>/engine-rest/external-task</c>).</summary>
    public static IServiceCollection AddExternalTasks(this IServiceCollection services)
    {
        services.AddScoped<ExternalTaskInstances>();
        services.AddScoped<FetchAndLockExternalTasks>();
        services.AddScoped<CompleteExternalTask>();
        services.AddScoped<ReportExternalTaskFailure>();
        services.AddScoped<RaiseExternalTaskBpmnError>();
        services.AddScoped<ExtendExternalTaskLock>();
        services.AddScoped<UnlockExternalTask>();
        services.AddScoped<ListExternalTasks>();
        services.AddScoped<CountExternalTasks>();
        services.AddScoped<GetExternalTask>();
        services.AddScoped<LockExternalTask>();
        services.AddScoped<SetExternalTaskRetries>();
        services.AddScoped<SetExternalTaskPriority>();
        return services;
    }
}
