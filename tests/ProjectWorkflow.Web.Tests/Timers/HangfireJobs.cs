using Hangfire;
using Microsoft.Extensions.DependencyInjection;
using ProjectWorkflow.Web.Tests.Fixtures;

namespace ProjectWorkflow.Web.Tests.Timers;

/// <summary>Looks into the app's own Hangfire storage, as the dashboard would.</summary>
internal static class HangfireJobs
{
    public static JobStorage Storage(PortalApp app) => app.Services.GetRequiredService<JobStorage>();

    /// <summary>The delayed job waiting to fire a timer of this instance, if any.</summary>
    public static string? ScheduledTimerJob(PortalApp app, Guid instanceId) =>
        Storage(app).GetMonitoringApi().ScheduledJobs(0, 1000)
            .FirstOrDefault(job => job.Value.Job?.Args.FirstOrDefault() is Guid id && id == instanceId).Key;

    /// <summary>A timer job of this instance that has run to the end, if any.</summary>
    public static string? SucceededTimerJob(PortalApp app, Guid instanceId) =>
        Storage(app).GetMonitoringApi().SucceededJobs(0, 1000)
            .FirstOrDefault(job => job.Value.Job?.Args.FirstOrDefault() is Guid id && id == instanceId).Key;
}
