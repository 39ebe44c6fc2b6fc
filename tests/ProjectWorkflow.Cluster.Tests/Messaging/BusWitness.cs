using System.Collections.Concurrent;
using MassTransit;
using ProjectWorkflow.Application.Messaging;
using ProjectWorkflow.Application.Payments;
using ProjectWorkflow.Application.Vouchers;
using ProjectWorkflow.Application.Workflows.Events;

namespace ProjectWorkflow.Cluster.Tests.Messaging;

/// <summary>
/// Another system on the same RabbitMQ: it subscribes to the app's events on its own durable queue (so it
/// misses nothing across a broker restart) and records every delivery with its MessageId, copies included.
/// </summary>
public sealed class BusWitness : IAsyncDisposable
{
    private readonly IBusControl _bus;
    private readonly ConcurrentQueue<(Guid? MessageId, object Message)> _received = new();

    private BusWitness(IBusControl bus) => _bus = bus;

    public static async Task<BusWitness> StartAsync(string connectionString)
    {
        var address = RabbitMqAddress.Parse(connectionString);
        BusWitness? witness = null;
        var bus = Bus.Factory.CreateUsingRabbitMq(rabbit =>
        {
            rabbit.Host(address.Host, address.Port, address.VirtualHost, host =>
            {
                host.Username(address.UserName);
                host.Password(address.Password);
            });
            rabbit.ReceiveEndpoint($"test-witness-{Guid.NewGuid():N}", endpoint =>
            {
                endpoint.Durable = true;
                endpoint.AutoDelete = false;
                // Gone by itself a while after the test run, on a broker that outlives it.
                endpoint.QueueExpiration = TimeSpan.FromMinutes(30);
                endpoint.Handler<ProcessCompleted>(context => witness!.Record(context));
                endpoint.Handler<PaymentRequested>(context => witness!.Record(context));
                endpoint.Handler<PaymentConfirmed>(context => witness!.Record(context));
                endpoint.Handler<PaymentRejected>(context => witness!.Record(context));
                endpoint.Handler<VoucherGranted>(context => witness!.Record(context));
                endpoint.Handler<VoucherRedeemed>(context => witness!.Record(context));
                endpoint.Handler<VoucherSettlementPaid>(context => witness!.Record(context));
            });
        });
        witness = new BusWitness(bus);
        using var starting = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await bus.StartAsync(starting.Token);
        return witness;
    }

    public IReadOnlyList<(Guid? MessageId, T Message)> Received<T>(Func<T, bool>? match = null) =>
        _received.Where(r => r.Message is T m && (match is null || match(m))).Select(r => (r.MessageId, (T)r.Message)).ToList();

    public Task SendAsync<T>(T message, string queue) where T : class =>
        _bus.GetSendEndpoint(new Uri($"queue:{queue}")).ContinueWith(t => t.Result.Send(message)).Unwrap();

    private Task Record<T>(ConsumeContext<T> context) where T : class
    {
        _received.Enqueue((context.MessageId, context.Message));
        return Task.CompletedTask;
    }

    public async ValueTask DisposeAsync()
    {
        using var stopping = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await _bus.StopAsync(stopping.Token);
    }
}
