namespace ProjectWorkflow.Engine.ServiceTasks;

/// <summary>Topic → handler. Deployment refuses a service task whose topic is not here.</summary>
public sealed class ServiceTaskRegistry
{
    private readonly Dictionary<string, IServiceTaskHandler> _handlers = new(StringComparer.Ordinal);
    private readonly Dictionary<string, IReadOnlyList<string>> _sets = new(StringComparer.Ordinal);

    /// <param name="sets">The variables the handler sets (see <see cref="SetsVariablesAttribute"/>), for the deploy check.</param>
    public ServiceTaskRegistry Register(string topic, IServiceTaskHandler handler, IReadOnlyList<string>? sets = null)
    {
        _handlers[topic] = handler;
        _sets[topic] = sets ?? [];
        return this;
    }

    /// <summary>The variables the topic's handler declares it sets.</summary>
    public IReadOnlyList<string> VariablesSetBy(string topic) => _sets.GetValueOrDefault(topic) ?? [];

    public ServiceTaskRegistry Register(string topic, Func<ServiceTaskContext, CancellationToken, ValueTask> handler) =>
        Register(topic, new DelegateHandler(handler));

    public IReadOnlySet<string> Topics => _handlers.Keys.ToHashSet(StringComparer.Ordinal);

    public bool TryGet(string topic, out IServiceTaskHandler handler) => _handlers.TryGetValue(topic, out handler!);

    private sealed class DelegateHandler(Func<ServiceTaskContext, CancellationToken, ValueTask> run) : IServiceTaskHandler
    {
        public ValueTask ExecuteAsync(ServiceTaskContext context, CancellationToken cancellationToken) => run(context, cancellationToken);
    }
}
