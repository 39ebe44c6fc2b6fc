using System.Collections.Concurrent;
using MassTransit;

namespace ProjectWorkflow.Web.Tests.Messaging;

/// <summary>What the app's bus published, sent and consumed, with each message's MessageId: the tests' view of the wire.</summary>
public sealed class BusRecorder : IPublishObserver, ISendObserver, IConsumeObserver
{
    private readonly ConcurrentQueue<Recorded> _published = new();
    private readonly ConcurrentQueue<Recorded> _sent = new();
    private readonly ConcurrentQueue<Recorded> _consumed = new();

    public sealed record Recorded(Guid? MessageId, object Message);

    public IReadOnlyList<(Guid? MessageId, T Message)> Published<T>(Func<T, bool>? match = null) => Of(_published, match);
    public IReadOnlyList<(Guid? MessageId, T Message)> Sent<T>(Func<T, bool>? match = null) => Of(_sent, match);
    public IReadOnlyList<(Guid? MessageId, T Message)> Consumed<T>(Func<T, bool>? match = null) => Of(_consumed, match);

    public async Task<(Guid? MessageId, T Message)> PublishedAsync<T>(Func<T, bool> match, string what)
    {
        await Eventually.TrueAsync(() => Task.FromResult(Published(match).Count > 0), what);
        return Published(match)[0];
    }

    private static List<(Guid?, T)> Of<T>(ConcurrentQueue<Recorded> queue, Func<T, bool>? match) =>
        queue.Where(r => r.Message is T m && (match is null || match(m))).Select(r => (r.MessageId, (T)r.Message)).ToList();

    public Task PrePublish<T>(PublishContext<T> context) where T : class => Task.CompletedTask;

    public Task PostPublish<T>(PublishContext<T> context) where T : class
    {
        _published.Enqueue(new Recorded(context.MessageId, context.Message));
        return Task.CompletedTask;
    }

    public Task PublishFault<T>(PublishContext<T> context, Exception exception) where T : class => Task.CompletedTask;

    public Task PreSend<T>(SendContext<T> context) where T : class => Task.CompletedTask;

    public Task PostSend<T>(SendContext<T> context) where T : class
    {
        _sent.Enqueue(new Recorded(context.MessageId, context.Message));
        return Task.CompletedTask;
    }

    public Task SendFault<T>(SendContext<T> context, Exception exception) where T : class => Task.CompletedTask;

    public Task PreConsume<T>(ConsumeContext<T> context) where T : class => Task.CompletedTask;

    public Task PostConsume<T>(ConsumeContext<T> context) where T : class
    {
        _consumed.Enqueue(new Recorded(context.MessageId, context.Message));
        return Task.CompletedTask;
    }

    public Task ConsumeFault<T>(ConsumeContext<T> context, Exception exception) where T : class => Task.CompletedTask;
}
