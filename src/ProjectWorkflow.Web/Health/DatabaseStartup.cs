using ProjectWorkflow.Application.Persistence;
using ProjectWorkflow.Application.Seeding;

namespace ProjectWorkflow.Web.Health;

/// <summary>
/// Migrates and seeds in the background so the process answers liveness at once; readiness
/// turns 200 when this is done. A failure stops the host: serving on a half-migrated
/// database would be worse than not serving.
/// </summary>
internal sealed class DatabaseStartup(
    IServiceScopeFactory scopes, StartupGate gate, IHostApplicationLifetime lifetime, ILogger<DatabaseStartup> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().InitializeAsync(stoppingToken);
            gate.Open();
            logger.LogInformation("Database ready");
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        catch (DemoDataRefusedException refused)
        {
            logger.LogCritical("Refusing to start: {Reason}", refused.Message);
            Environment.ExitCode = 1;
            lifetime.StopApplication();
        }
        catch (Exception exception)
        {
            logger.LogCritical(exception, "Could not migrate or seed the database; stopping");
            Environment.ExitCode = 1;
            lifetime.StopApplication();
        }
    }
}
