using System.Diagnostics.Metrics;
using Microsoft.EntityFrameworkCore;
using ProjectWorkflow.Application.Messaging;
using ProjectWorkflow.Application.Persistence;
using ProjectWorkflow.Funding.Ledger;
using ProjectWorkflow.Web.Health;

namespace ProjectWorkflow.Web.Telemetry;

/// <summary>
/// Gauges read from the shared database, so every node reports the cluster's figure: the outbox's backlog and lag
/// (age of the oldest message not yet sent: the broker is down or slow when it grows), open incidents, and payment
/// orders by state. Read at most every <see cref="Freshness"/>, whatever the number of exporters asking.
/// </summary>
internal sealed class FundGauges(IServiceScopeFactory scopes, StartupGate startup, TimeProvider time, ILogger<FundGauges> logger) : IHostedService
{
    public const string MeterName = "ProjectWorkflow.Operations";

    private static readonly TimeSpan Freshness = TimeSpan.FromSeconds(15);
    private readonly Lock _gate = new();
    private Meter? _meter;
    private Snapshot _last = new(0, 0, 0, []);
    private DateTimeOffset _readAt = DateTimeOffset.MinValue;

    private sealed record Snapshot(long OutboxPending, double OutboxLagSeconds, long OpenIncidents, IReadOnlyList<(string Status, long Count)> Orders);

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _meter = new Meter(MeterName);
        _meter.CreateObservableGauge("outbox.pending", () => Read().OutboxPending, "{message}", "Outbox messages not yet sent to the broker");
        _meter.CreateObservableGauge("outbox.lag", () => Read().OutboxLagSeconds, "s", "Age of the oldest outbox message not yet sent");
        _meter.CreateObservableGauge("workflow.incidents.open", () => Read().OpenIncidents, "{incident}", "Incidents not yet resolved");
        _meter.CreateObservableGauge("payment_orders", () => Read().Orders.Select(o => new Measurement<long>(o.Count, new KeyValuePair<string, object?>("status", o.Status))),
            "{order}", "Payment orders by state");
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        _meter?.Dispose();
        return Task.CompletedTask;
    }

    private Snapshot Read()
    {
        lock (_gate)
        {
            var now = time.GetUtcNow();
            if (!startup.IsOpen || now - _readAt < Freshness) return _last;
            _readAt = now;
            try
            {
                using var scope = scopes.CreateScope();
                var db = scope.ServiceProvider.GetRequiredService<ProjectWorkflowDbContext>();
                var unsent = db.Set<OutboxMessage>().AsNoTracking().Where(m => m.DispatchedAt == null);
                var pending = unsent.LongCount();
                var oldest = pending == 0 ? (DateTimeOffset?)null : unsent.OrderBy(m => m.CreatedAt).Select(m => m.CreatedAt).First();
                var incidents = db.Set<Application.Workflows.Storage.IncidentRecord>().AsNoTracking().LongCount(i => i.ResolvedAt == null);
                var orders = db.Set<PaymentOrder>().AsNoTracking().GroupBy(o => o.Status).Select(g => new { g.Key, Count = g.LongCount() }).ToList()
                    .Select(g => (PaymentOrderStatusText.Of(g.Key), g.Count)).ToList();
                _last = new Snapshot(pending, oldest is { } at ? Math.Max(0, (now - at).TotalSeconds) : 0, incidents, orders);
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                // The database being down is what an operator then sees on the readiness probe; the gauges keep their last figure.
                logger.LogWarning(ex, "The operations gauges could not read the database");
            }
            return _last;
        }
    }
}
