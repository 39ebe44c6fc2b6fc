using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ProjectWorkflow.Application.Persistence;

namespace ProjectWorkflow.Application.Messaging;

/// <summary>
/// Puts committed outbox rows on the bus, oldest first, with the row id as MessageId. Runs on every node:
/// each claims a batch under a lease, so two nodes do not publish the same row at once. A failed publish
/// is retried with a growing wait; a node that dies mid-batch leaves its rows to the others once the lease ends.
/// </summary>
internal sealed class OutboxDispatcher(
    IServiceScopeFactory scopes,
    IBus bus,
    OutboxSignal signal,
    DatabaseReady ready,
    IOptionsMonitor<OutboxOptions> options,
    TimeProvider time,
    ILogger<OutboxDispatcher> logger) : BackgroundService
{
    private static readonly TimeSpan CleanUpInterval = TimeSpan.FromHours(1);
    private readonly string _node = $"{Environment.MachineName}:{Environment.ProcessId}";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await ready.WaitAsync(stoppingToken);
        }
        catch (OperationCanceledException)
        {
            return;
        }

        var nextCleanUp = time.GetUtcNow();
        while (!stoppingToken.IsCancellationRequested)
        {
            var settings = options.CurrentValue;
            var more = false;
            try
            {
                more = await DispatchBatchAsync(settings, stoppingToken);
                if (time.GetUtcNow() >= nextCleanUp)
                {
                    await CleanUpAsync(settings, stoppingToken);
                    nextCleanUp = time.GetUtcNow() + CleanUpInterval;
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception)
            {
                // The database itself failed (a restart, a lost connection): the rows are safe, try again later.
                logger.LogWarning(exception, "Outbox dispatch failed; trying again in {Interval}", settings.PollInterval);
            }
            if (!more) await signal.WaitAsync(settings.PollInterval, stoppingToken);
        }
    }

    /// <summary>Publishes one claimed batch. True when the batch was full and all went out: more may be waiting.</summary>
    private async Task<bool> DispatchBatchAsync(OutboxOptions settings, CancellationToken stoppingToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var claims = scope.ServiceProvider.GetRequiredService<OutboxClaims>();
        var batch = await claims.ClaimAsync(_node, time.GetUtcNow(), settings.BatchSize, settings.Lease, stoppingToken);
        if (batch.Count == 0) return false;

        var dispatched = new List<Guid>(batch.Count);
        try
        {
            foreach (var row in batch)
            {
                using var logScope = logger.BeginScope(LogScopeOf(row));
                try
                {
                    await DispatchAsync(row, settings.PublishTimeout, stoppingToken);
                    dispatched.Add(row.Id);
                }
                catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
                {
                    var wait = OutboxBackoff.After(row.Attempts + 1, settings.MaxBackoff);
                    logger.LogWarning(exception, "Outbox message {MessageId} ({Type}) failed attempt {Attempt}; next try in {Wait}",
                        row.Id, row.Type, row.Attempts + 1, wait);
                    await claims.MarkFailedAsync(row, $"{exception.GetType().Name}: {exception.Message}", time.GetUtcNow() + wait, CancellationToken.None);
                    // The broker is likely down: the rest of the batch would wait out the same timeout one by one.
                    await claims.ReleaseAsync(batch.Where(r => r.Id != row.Id && !dispatched.Contains(r.Id)).Select(r => r.Id).ToList(), CancellationToken.None);
                    return false;
                }
            }
        }
        finally
        {
            // Also on shutdown: what went out is marked, and the rest is given back at once rather than after the lease.
            await claims.MarkDispatchedAsync(dispatched, time.GetUtcNow(), CancellationToken.None);
            if (stoppingToken.IsCancellationRequested)
                await claims.ReleaseAsync(batch.Select(r => r.Id).Except(dispatched).ToList(), CancellationToken.None);
        }
        logger.LogDebug("Outbox dispatched {Count} messages", dispatched.Count);
        return batch.Count == settings.BatchSize;
    }

    private async Task DispatchAsync(OutboxMessage row, TimeSpan timeout, CancellationToken stoppingToken)
    {
        var (message, type) = MessageJson.Deserialize(row.Type, row.Body);
        using var publishing = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        publishing.CancelAfter(timeout);
        if (row.Destination == OutboxMessage.Publish)
        {
            await bus.Publish(message, type, Pipe.Execute<PublishContext>(context => context.MessageId = row.Id), publishing.Token);
            return;
        }
        var endpoint = await bus.GetSendEndpoint(new Uri(row.Destination));
        await endpoint.Send(message, type, Pipe.Execute<SendContext>(context => context.MessageId = row.Id), publishing.Token);
    }

    private async Task CleanUpAsync(OutboxOptions settings, CancellationToken stoppingToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var deleted = await scope.ServiceProvider.GetRequiredService<OutboxClaims>()
            .CleanUpAsync(time.GetUtcNow() - settings.Retention, stoppingToken);
        if (deleted > 0) logger.LogInformation("Deleted {Count} dispatched outbox rows and inbox receipts past retention", deleted);
    }

    /// <summary>
    /// The outbox row's log scope: its id and type and, when its body names them (a workflow's messages do), the
    /// process instance and business key, so a failed publish shows up in that application's story.
    /// </summary>
    private static Dictionary<string, object?> LogScopeOf(OutboxMessage row)
    {
        var scope = new Dictionary<string, object?> { ["OutboxMessageId"] = row.Id, ["MessageType"] = row.Type };
        try
        {
            using var body = System.Text.Json.JsonDocument.Parse(row.Body);
            if (body.RootElement.ValueKind != System.Text.Json.JsonValueKind.Object) return scope;
            foreach (var property in body.RootElement.EnumerateObject())
            {
                if (property.Value.ValueKind != System.Text.Json.JsonValueKind.String) continue;
                if (property.NameEquals("instanceId") || property.NameEquals("InstanceId")) scope["InstanceId"] = property.Value.GetString();
                else if (property.NameEquals("businessKey") || property.NameEquals("BusinessKey")) scope["BusinessKey"] = property.Value.GetString();
            }
        }
        catch (System.Text.Json.JsonException)
        {
            // A body that is not JSON still has its id and type in the scope.
        }
        return scope;
    }
}
