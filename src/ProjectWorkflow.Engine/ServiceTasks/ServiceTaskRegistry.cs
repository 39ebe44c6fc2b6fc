namespace ProjectWorkflow.Engine.ServiceTasks;

/// <summary>Topic → handler. Deployment refuses a service task whose topic is not here.</summary>
public sealed class ServiceTaskRegistry
{
    private readonly Dictionary<string, IServiceTaskHandler> _handlers = new(StringComparer.Ordinal);

    public ServiceTaskRegistry Register(string topic, IServiceTaskHandler handler)
    {
        _handlers[topic] = handler;
        return this;
    }

    public ServiceTaskRegistry Register(string topic, Func<ServiceTaskContext, CancellationToken, ValueTask> handler) =>
        Register(topic, new DelegateHandler(handler));

    public IReadOnlySet<string> Topics => _handlers.Keys.ToHashSet(StringComparer.Ordinal);

    public bool TryGet(string topic, out IServiceTaskHandler handler) => _handlers.TryGetValue(topic, out handler!);

    private sealed class DelegateHandler(Func<ServiceTaskContext, CancellationToken, ValueTask> run) : IServiceTaskHandler
    {
        public ValueTask ExecuteAsync(ServiceTaskContext context, CancellationToken cancellationToken) => run(context, cancellationToken);
    }
}
