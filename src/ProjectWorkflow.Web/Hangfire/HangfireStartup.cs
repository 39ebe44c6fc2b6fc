using global::Hangfire;
using global::Hangfire.Common;
using global::Hangfire.Server;
using Microsoft.Extensions.Options;
using ProjectWorkflow.Application.ScheduledChecks;
using ProjectWorkflow.Web.Health;

namespace ProjectWorkflow.Web.Hangfire;

/// <summary>
/// Waits for the database to be migrated before Hangfire touches anything: a timer job must never run
/// against an old schema, and on PostgreSQL the database itself may not exist before the migrations.
/// Then registers the recurring checks and, when <c>Hangfire:Server</c> is true, starts the job server.
/// </summary>
internal sealed class HangfireStartup(
    StartupGate gate, IServiceScopeFactory scopes, JobStorage storage, JobActivator activator, IJobFilterProvider filters,
    IEnumerable<IBackgroundProcess> additionalProcesses, IOptions<HangfireSettings> settings, HangfireReadiness readiness,
    IHostApplicationLifetime lifetime, ILogger<HangfireStartup> logger) : BackgroundService
{
    private BackgroundJobServer? _server;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await gate.WhenOpenAsync(stoppingToken);
            await using (var scope = scopes.CreateAsyncScope())
                scope.ServiceProvider.GetRequiredService<RegisterRecurringChecks>().Handle();

            if (!settings.Value.Server)
            {
                readiness.Started("Recurring checks registered; this node runs no job server (Hangfire:Server is false).");
                logger.LogInformation("Hangfire:Server is false: this node schedules jobs but runs none");
                return;
            }

            var options = new BackgroundJobServerOptions
            {
                SchedulePollingInterval = settings.Value.SchedulePollingInterval,
                Activator = activator,
                FilterProvider = filters,
                ServerName = $"{Environment.MachineName}:{Environment.ProcessId}",
            };
            if (settings.Value.WorkerCount is { } workers) options.WorkerCount = workers;
            _server = new BackgroundJobServer(options, storage, additionalProcesses);
            readiness.Started($"Job server {options.ServerName} runs {options.WorkerCount} workers.");
            logger.LogInformation("Hangfire server {Server} started with {Workers} workers on {Storage}", options.ServerName, options.WorkerCount, storage.GetType().Name);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        catch (Exception failure)
        {
            // Without Hangfire no timer fires and no check runs: better no node than a node that silently misses them.
            logger.LogCritical(failure, "Could not start Hangfire; stopping");
            Environment.ExitCode = 1;
            lifetime.StopApplication();
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        if (_server is null) return;
        _server.SendStop();
        await _server.WaitForShutdownAsync(cancellationToken);
        _server.Dispose();
    }
}
