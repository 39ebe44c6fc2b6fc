using System.Collections.Concurrent;
using ProjectWorkflow.Engine.Definitions;
using ProjectWorkflow.Engine.Runtime;

namespace ProjectWorkflow.Engine.InMemory;

/// <summary>
/// Keeps definitions and instances in memory: for tests, benchmarks, and tools that need no database.
/// Instances are held as live objects, so a session's changes are visible at once.
/// </summary>
public sealed class InMemoryWorkflowStore : IWorkflowStore
{
    private readonly ConcurrentDictionary<string, ProcessDefinition> _definitions = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int> _latest = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<Guid, ProcessInstance> _instances = new();
    private readonly ConcurrentDictionary<Guid, Guid> _instanceOfTask = new();
    private readonly ConcurrentDictionary<Guid, ConcurrentBag<Guid>> _tasksOf = new();
    private readonly object _deployLock = new();

    /// <summary>Deploys a compiled definition: identical content returns the existing version.</summary>
    public ProcessDefinition Deploy(ProcessDefinition definition)
    {
        lock (_deployLock)
        {
            var latest = _latest.GetValueOrDefault(definition.Key);
            for (var v = latest; v > 0; v--)
                if (_definitions[$"{definition.Key}:{v}"].ContentHash == definition.ContentHash)
                    return _definitions[$"{definition.Key}:{v}"];
            definition.Version = latest + 1;
            _definitions[definition.Id] = definition;
            _latest[definition.Key] = definition.Version;
            return definition;
        }
    }

    public ValueTask<ProcessDefinition?> FindDefinitionAsync(string definitionId, CancellationToken cancellationToken) =>
        ValueTask.FromResult(_definitions.GetValueOrDefault(definitionId));

    public ValueTask<ProcessDefinition?> FindLatestDefinitionAsync(string key, CancellationToken cancellationToken) =>
        ValueTask.FromResult(_latest.TryGetValue(key, out var v) ? _definitions.GetValueOrDefault($"{key}:{v}") : null);

    public ValueTask<ProcessInstance?> FindInstanceAsync(Guid id, CancellationToken cancellationToken) =>
        ValueTask.FromResult(_instances.GetValueOrDefault(id));

    public ValueTask<IReadOnlyList<Guid>> FindInstancesWaitingForSignalAsync(string name, CancellationToken cancellationToken) =>
        ValueTask.FromResult<IReadOnlyList<Guid>>(_instances.Values
            .Where(i => !i.IsEnded && i.Bookmarks.Exists(b => b.Kind == BookmarkKind.Signal && b.MessageName == name))
            .Select(i => i.Id).ToList());

    public ValueTask<IReadOnlyList<ProcessDefinition>> FindLatestDefinitionsAsync(CancellationToken cancellationToken) =>
        ValueTask.FromResult<IReadOnlyList<ProcessDefinition>>(_latest.Select(l => _definitions[$"{l.Key}:{l.Value}"]).ToList());

    /// <summary>An open task is found on its live instance; a finished one by the index <see cref="Save"/> keeps.</summary>
    public ValueTask<Guid?> FindInstanceOfTaskAsync(Guid taskId, CancellationToken cancellationToken)
    {
        if (_instanceOfTask.TryGetValue(taskId, out var indexed)) return ValueTask.FromResult<Guid?>(indexed);
        var open = _instances.Values.FirstOrDefault(i => i.FindTask(taskId) is not null);
        return ValueTask.FromResult(open?.Id);
    }

    /// <summary>Keeps what a session started, and which instance each task it created belongs to; changes to loaded instances are already in place.</summary>
    public void Save(WorkflowSession session)
    {
        foreach (var id in session.Created)
            _instances[id] = session.Touched.First(i => i.Id == id);
        foreach (var created in session.Effects.OfType<TaskCreated>())
            if (_instanceOfTask.TryAdd(created.Task.Id, created.InstanceId))
                _tasksOf.GetOrAdd(created.InstanceId, _ => []).Add(created.Task.Id);
    }

    public ProcessInstance? Instance(Guid id) => _instances.GetValueOrDefault(id);

    public IEnumerable<ProcessInstance> Instances => _instances.Values;

    public void Forget(Guid id)
    {
        _instances.TryRemove(id, out _);
        if (_tasksOf.TryRemove(id, out var tasks))
            foreach (var task in tasks) _instanceOfTask.TryRemove(task, out _);
    }
}
