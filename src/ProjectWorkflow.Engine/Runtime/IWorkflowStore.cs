using ProjectWorkflow.Engine.Definitions;

namespace ProjectWorkflow.Engine.Runtime;

/// <summary>What the engine needs to read from wherever definitions and instances are kept.</summary>
public interface IWorkflowStore
{
    ValueTask<ProcessDefinition?> FindDefinitionAsync(string definitionId, CancellationToken cancellationToken);

    ValueTask<ProcessDefinition?> FindLatestDefinitionAsync(string key, CancellationToken cancellationToken);

    /// <summary>Loads an instance for change; the caller saves every instance the session touched.</summary>
    ValueTask<ProcessInstance?> FindInstanceAsync(Guid id, CancellationToken cancellationToken);

    /// <summary>The running instances with an event waiting for the signal <paramref name="name"/> (as saved; the session adds those it holds).</summary>
    ValueTask<IReadOnlyList<Guid>> FindInstancesWaitingForSignalAsync(string name, CancellationToken cancellationToken);

    /// <summary>The latest deployed version of every process (where signal start events are looked for).</summary>
    ValueTask<IReadOnlyList<ProcessDefinition>> FindLatestDefinitionsAsync(CancellationToken cancellationToken);

    /// <summary>The instance a user task belongs to, whether the task is open or finished; null when there never was such a task.</summary>
    ValueTask<Guid?> FindInstanceOfTaskAsync(Guid taskId, CancellationToken cancellationToken);
}
