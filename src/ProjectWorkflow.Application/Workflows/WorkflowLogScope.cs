using System.Collections;
using Microsoft.Extensions.Logging;

namespace ProjectWorkflow.Application.Workflows;

/// <summary>
/// The log scope of one process's work — <c>InstanceId</c>, <c>BusinessKey</c> and, for a task's button, <c>TaskId</c> —
/// so an operator can grep one application's story across nodes. The outermost caller opens it with what it knows (a
/// task, a timer's instance); callers inside add what they learn (the engine command fills in the instance it ran on
/// and its business key) to the same scope, which every line logged inside shows as it is when the line is written.
/// </summary>
public sealed class WorkflowLogScope : IReadOnlyList<KeyValuePair<string, object?>>
{
    private static readonly AsyncLocal<WorkflowLogScope?> Current = new();

    public Guid? InstanceId { get; private set; }
    public string? BusinessKey { get; private set; }
    public Guid? TaskId { get; private set; }

    /// <summary>Opens the scope, or adds to the one already open in this flow (then disposing does nothing).</summary>
    public static IDisposable Begin(ILogger logger, Guid? instanceId = null, string? businessKey = null, Guid? taskId = null)
    {
        if (Current.Value is { } open)
        {
            open.Add(instanceId, businessKey, taskId);
            return Nothing.Instance;
        }

        var scope = new WorkflowLogScope();
        scope.Add(instanceId, businessKey, taskId);
        var pushed = logger.BeginScope(scope);
        Current.Value = scope;
        return new Closing(pushed);
    }

    /// <summary>Adds what a caller inside learnt to the open scope (nothing when none is open).</summary>
    public static void Learn(Guid? instanceId = null, string? businessKey = null, Guid? taskId = null) =>
        Current.Value?.Add(instanceId, businessKey, taskId);

    private void Add(Guid? instanceId, string? businessKey, Guid? taskId)
    {
        InstanceId ??= instanceId;
        BusinessKey ??= businessKey;
        TaskId ??= taskId;
    }

    private List<KeyValuePair<string, object?>> Values()
    {
        var values = new List<KeyValuePair<string, object?>>(3);
        if (InstanceId is { } instance) values.Add(new("InstanceId", instance));
        if (BusinessKey is { } key) values.Add(new("BusinessKey", key));
        if (TaskId is { } task) values.Add(new("TaskId", task));
        return values;
    }

    public int Count => Values().Count;

    public KeyValuePair<string, object?> this[int index] => Values()[index];

    public IEnumerator<KeyValuePair<string, object?>> GetEnumerator() => Values().GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public override string ToString() => string.Join(", ", Values().Select(v => $"{v.Key}:{v.Value}"));

    private sealed class Closing(IDisposable? pushed) : IDisposable
    {
        public void Dispose()
        {
            Current.Value = null;
            pushed?.Dispose();
        }
    }

    private sealed class Nothing : IDisposable
    {
        public static readonly Nothing Instance = new();

        public void Dispose()
        {
        }
    }
}
