using Hangfire;
using Hangfire.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

namespace ProjectWorkflow.Application.ScheduledChecks;

/// <summary>
/// Makes Hangfire's recurring jobs match the registry: adds or updates every registered check (with its
/// configured cron) and removes recurring jobs nobody registers any more, so a check taken out of the
/// code stops running. Every node does this at start; the result is the same whoever does it last.
/// </summary>
public sealed class RegisterRecurringChecks(
    IEnumerable<ScheduledCheck> checks, IRecurringJobManager recurringJobs, JobStorage storage, IConfiguration configuration,
    ILogger<RegisterRecurringChecks> logger)
{
    public static string CronKey(string checkId) => $"ScheduledChecks:{checkId}:Cron";

    public IReadOnlyList<(string Id, string Cron)> Handle()
    {
        var registered = new List<(string Id, string Cron)>();
        foreach (var check in checks)
        {
            var cron = configuration[CronKey(check.Id)] is { Length: > 0 } configured ? configured : check.DefaultCron;
            recurringJobs.AddOrUpdate(check.Id, check.Job, cron, new RecurringJobOptions { TimeZone = TimeZoneInfo.Utc });
            registered.Add((check.Id, cron));
            logger.LogInformation("Scheduled check {Check} runs at '{Cron}' (UTC): {Description}", check.Id, cron, check.Description);
        }

        using var connection = storage.GetConnection();
        foreach (var stale in connection.GetRecurringJobs().Where(job => !registered.Exists(r => r.Id == job.Id)))
        {
            recurringJobs.RemoveIfExists(stale.Id);
            logger.LogInformation("Removed the recurring job {Job}: no check of that name is registered any more", stale.Id);
        }
        return registered;
    }
}
