using System.Text.Json.Nodes;

namespace ProjectWorkflow.Engine.Runtime;

public enum ExecutionState
{
    /// <summary>On its way through the graph within the current command.</summary>
    Active,

    /// <summary>Waiting at an activity or catch event for a task, timer, message or child instance.</summary>
    Waiting,

    /// <summary>Arrived at a joining gateway, waiting for the other branches.</summary>
    Joining,

    /// <summary>Holds the executions inside an embedded sub-process.</summary>
    Scope,

    /// <summary>Holds the instances of a multi-instance activity.</summary>
    MultiInstanceBody,

    /// <summary>Stopped by an incident until a retry.</summary>
    Failed,
}

/// <summary>A token, or a scope that holds tokens (sub-process, multi-instance body).</summary>
public sealed class Execution
{
    public Guid Id { get; set; }

    /// <summary>The scope execution this one runs inside; null for the process level.</summary>
    public Guid? ParentId { get; set; }

    public string ElementId { get; set; } = "";
    public ExecutionState State { get; set; }

    /// <summary>The flow the token arrived by (joins count arrivals per flow).</summary>
    public string? ArrivedVia { get; set; }

    /// <summary>Variables visible only inside this execution (multi-instance element variable, loop counter).</summary>
    public JsonObject? Local { get; set; }

    /// <summary>Set on one instance of a multi-instance activity.</summary>
    public bool IsLoopInstance { get; set; }

    public MultiInstanceCounters? Loop { get; set; }

    /// <summary>Set on a compensation handler's execution: the compensation (or cancel) event's token that waits for it.</summary>
    public Guid? CompensationOf { get; set; }

    /// <summary>The child instance a call activity waits for.</summary>
    public Guid? ChildInstanceId { get; set; }
}

/// <summary>Counters of a multi-instance body, readable as nrOf…/numberOf… variables.</summary>
public sealed class MultiInstanceCounters
{
    public int Instances { get; set; }
    public int Completed { get; set; }
    public int Active { get; set; }

    /// <summary>For a sequential loop: the items still to run, and the next index.</summary>
    public JsonArray? Items { get; set; }
    public int NextIndex { get; set; }
}
