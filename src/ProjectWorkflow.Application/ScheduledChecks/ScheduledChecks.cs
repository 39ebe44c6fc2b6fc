using Hangfire.Common;
using Microsoft.Extensions.DependencyInjection;
using ProjectWorkflow.Application.Audit;
using ProjectWorkflow.Application.Ledger;
using ProjectWorkflow.Application.Schemes.Windows;
using ProjectWorkflow.Application.Warnings;
using ProjectWorkflow.Application.Workflows.Reminders;
using ProjectWorkflow.Application.Workflows.Timers;

namespace ProjectWorkflow.Application.ScheduledChecks;

/// <summary>
/// The registry of recurring checks: one line each. A check is registered only once the feature it
/// checks exists, so no job runs against tables or rules that are not there yet. At start-up every
/// node writes this list to Hangfire (<see cref="RegisterRecurringChecks"/>); a cron can be changed
/// with <c>ScheduledChecks:&lt;id&gt;:Cron</c>.
/// </summary>
public static class ScheduledChecks
{
    public static IServiceCollection AddScheduledChecks(this IServiceCollection services)
    {
        services.AddScheduledCheck<SweepDueTimers>(SweepDueTimers.Id, "*/20 * * * * *",
            "Fires BPMN timers and timer start events that are due but whose delayed job was lost.");
        services.AddScheduledCheck<SendTaskReminders>(SendTaskReminders.Id, "*/5 * * * *",
            "Reminds (催办) the holders of open tasks before their due date and when it arrives.");
        services.AddScheduledCheck<FlagOverdueTasks>(FlagOverdueTasks.Id, "*/5 * * * *",
            "Flags open tasks whose due date has passed.");
        services.AddScheduledCheck<AnnounceApplicationWindows>(AnnounceApplicationWindows.Id, "*/5 * * * *",
            "Announces each scheme-year's application window when it opens (to enterprises) and closes (to district reviewers).");
        services.AddScheduledCheck<ReconcileLedger>(ReconcileLedger.Id, "17 * * * *",
            "Proves the fund ledger: entries balance and are unaltered, cached balances equal the entries, no budget or project over-committed.");
        services.AddScheduledCheck<VerifyAuditLog>(VerifyAuditLog.Id, "41 2 * * *",
            "Proves the audit log's HMAC chain and the rows it vouches for (ledger entries, journal lines, payment orders); alerts administrators when broken.");
        services.AddScheduledCheck<WarnAdministrators>(WarnAdministrators.Id, "23 7 * * *",
            "Tells the administrators, once per finding, of a scheme without a rule set or budget, or a year without holiday data, this year or next.");
        // Later issues add theirs here, one line each, when their feature exists: overdue progress
        // reports (issue 5). The vouchers' checks (claim notices, quarterly settlement, year-end expiry, claim
        // reminders) are registered by AddVouchers (Vouchers/VoucherRegistration.cs) through AddScheduledCheck.
        services.AddScoped<RegisterRecurringChecks>();
        return services;
    }

    public static IServiceCollection AddScheduledCheck<TCheck>(this IServiceCollection services, string id, string defaultCron, string description)
        where TCheck : class, IScheduledCheck
    {
        services.AddScoped<TCheck>();
        services.AddScoped<ScheduledCheckJob<TCheck>>();
        services.AddSingleton(new ScheduledCheck(id, defaultCron, description,
            Job.FromExpression<ScheduledCheckJob<TCheck>>(job => job.RunAsync(CancellationToken.None))));
        return services;
    }
}
