using Hangfire.Common;

namespace ProjectWorkflow.Application.ScheduledChecks;

/// <summary>
/// One registered check: its recurring job id (also its name in the dashboard and in configuration),
/// its default cron (UTC; six fields when it needs seconds), what it is for, and the job Hangfire
/// stores for it (the thin <see cref="ScheduledCheckJob{TCheck}"/> of the check).
/// </summary>
public sealed record ScheduledCheck(string Id, string DefaultCron, string Description, Job Job);
