using Microsoft.Extensions.DependencyInjection;

namespace ProjectWorkflow.Application.Workflows.Timers;

public static class TimerRegistration
{
    /// <summary>BPMN timers on Hangfire: the jobs, the use cases they call, and the after-commit scheduling.</summary>
    public static IServiceCollection AddWorkflowTimers(this IServiceCollection services)
    {
        services.AddOptions<TimerSettings>().BindConfiguration(TimerSettings.Section);
        services.AddScoped<TimerJobs>();
        services.AddScoped<IWorkflowCommitObserver, ScheduleTimerJobs>();
        services.AddScoped<FireTimer>();
        services.AddScoped<FireTimerJob>();
        services.AddScoped<FireStartTimer>();
        services.AddScoped<FireStartTimerJob>();
        services.AddScoped<ReplaceStartTimers>();
        return services;
    }
}
