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
            registered.Add((check.Id, cron));
            try
            {
                recurringJobs.AddOrUpdate(check.Id, check.Job, cron, new RecurringJobOptions { TimeZone = TimeZoneInfo.Utc });
            }
            catch (Exception held) when (IsLockHeld(held))
            {
                // A node killed while its scheduler held this job's lock leaves the lock until the storage expires it
                // (minutes): a node started again meanwhile must still start. The job is there, registered by an
                // earlier start; the next start (or this one's scheduler, once the lock expires) keeps it current.
                logger.LogWarning("The recurring job {Check} is locked (by another node, or one that died holding the lock): left as an earlier start registered it", check.Id);
                continue;
            }
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

    /// <summary>Hangfire's lock timeout, or a storage's own (Hangfire.PostgreSql throws PostgreSqlDistributedLockException).</summary>
    private static bool IsLockHeld(Exception failure) =>
        failure is DistributedLockTimeoutException || failure.GetType().Name.EndsWith("DistributedLockException", StringComparison.Ordinal);
}
