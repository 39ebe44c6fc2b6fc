using Microsoft.Extensions.Options;
using ProjectWorkflow.Application.Notifications;
using ProjectWorkflow.Web.Health;

namespace ProjectWorkflow.Web.Notifications;

/// <summary>
/// Sends queued e-mail after the commands that queued it have committed: at once when woken by a
/// commit on this node, otherwise every <c>Notifications:PollSeconds</c> (retries, other nodes'
/// mail). Thin on purpose: the work is <see cref="SendQueuedMail"/>. A failure here is logged (an unavailable database
/// as a warning, anything else as an error) and retried; it never reaches a user's request.
/// </summary>
internal sealed class OutgoingMailWorker(
    IServiceScopeFactory scopes, StartupGate gate, MailQueueSignal signal, IOptions<NotificationSettings> settings,
    ILogger<OutgoingMailWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            // The queue table exists once the database is migrated.
            while (!gate.IsOpen) await Task.Delay(TimeSpan.FromMilliseconds(250), stoppingToken);

            var poll = TimeSpan.FromSeconds(Math.Max(1, settings.Value.PollSeconds));
            while (!stoppingToken.IsCancellationRequested)
            {
                var worked = 0;
                try
                {
                    await using var scope = scopes.CreateAsyncScope();
                    worked = await scope.ServiceProvider.GetRequiredService<SendQueuedMail>().HandleAsync(stoppingToken);
                }
                catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
                {
                    // A database that went away is an outage the node's requests already report: a warning naming the
                    // cause, not an error (the runbook's "once, as a warning"). Anything else is a bug.
                    if (Errors.DatabaseUnavailable.Cause(exception) is { } cause)
                        logger.LogWarning("The mail queue could not be processed: the database is unavailable ({Cause}: {Reason}); trying again in {Poll}",
                            cause.GetType().Name, cause.Message, poll);
                    else
                        logger.LogError(exception, "The mail queue could not be processed; trying again in {Poll}", poll);
                }
                // A full batch means more are due: go on without waiting.
                if (worked < SendQueuedMail.BatchSize) await signal.WaitAsync(poll, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }
}

public static class OutgoingMailSetup
{
    /// <summary>The background sender of queued notification e-mail (SMTP, or the pickup folder).</summary>
    public static IServiceCollection AddOutgoingMail(this IServiceCollection services) =>
        services.AddHostedService<OutgoingMailWorker>();
}
