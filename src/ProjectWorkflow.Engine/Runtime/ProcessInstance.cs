using System.Text.Json.Nodes;

namespace ProjectWorkflow.Engine.Runtime;

/// <summary>
/// The whole state of one running (or ended) process instance, as plain serialisable data.
/// Commands change it in place; any store can persist it as a document.
/// </summary>
public sealed class ProcessInstance
{
    public Guid Id { get; set; }
    public string DefinitionId { get; set; } = "";
    public string DefinitionKey { get; set; } = "";
    public int Version { get; set; }
    public string? BusinessKey { get; set; }
    public InstanceStatus Status { get; set; }
    public DateTimeOffset StartedAt { get; set; }
    public DateTimeOffset? EndedAt { get; set; }
    public string? StartedBy { get; set; }

    public JsonObject Variables { get; set; } = [];

    public List<Execution> Executions { get; set; } = [];

    /// <summary>Open user tasks. A completed task leaves this list (its record lives in the journal).</summary>
    public List<UserTaskItem> Tasks { get; set; } = [];

    /// <summary>Timers and message subscriptions the instance waits for.</summary>
    public List<Bookmark> Bookmarks { get; set; } = [];

    /// <summary>Open incidents; a retry removes them.</summary>
    public List<Incident> Incidents { get; set; } = [];

    /// <summary>Completed activities that a compensation event may still undo (their handlers not yet run).</summary>
    public List<CompensationRecord> Compensations { get; set; } = [];

    public List<string> CompletedElementIds { get; set; } = [];
    public List<string> TakenFlowIds { get; set; } = [];

    /// <summary>User task id (element) → who completed it last, so a send-back reaches the same person.</summary>
    public Dictionary<string, string> LastCompleters { get; set; } = new(StringComparer.Ordinal);

    /// <summary>What the last task completion changed, kept while it can still be withdrawn.</summary>
    public WithdrawPoint? WithdrawPoint { get; set; }

    public Guid? ParentInstanceId { get; set; }
    public Guid? ParentExecutionId { get; set; }

    /// <summary>Counter behind the ids this instance hands out, so replays give the same ids.</summary>
    public long Sequence { get; set; }

    public bool IsEnded => Status is InstanceStatus.Completed or InstanceStatus.Terminated or InstanceStatus.Cancelled;

    internal Guid NextId()
    {
        Sequence++;
        Span<byte> bytes = stackalloc byte[16];
        Id.TryWriteBytes(bytes);
        // Mix the sequence into the instance id: unique within the instance, stable across replays.
        var low = BitConverter.ToUInt64(bytes[8..]) ^ (ulong)Sequence * 0x9E3779B97F4A7C15UL;
        BitConverter.TryWriteBytes(bytes[8..], low);
        var high = BitConverter.ToUInt64(bytes[..8]) ^ (ulong)Sequence;
        BitConverter.TryWriteBytes(bytes[..8], high);
        return new Guid(bytes);
    }

    /// <summary>
    /// The id of an instance this one calls: a hash of this instance's id and its next sequence number, so it is
    /// stable across replays and unique at any depth (a grandchild's id can never fall back onto an ancestor's,
    /// as an id mixed by XOR could).
    /// </summary>
    internal Guid NextChildInstanceId()
    {
        Sequence++;
        Span<byte> input = stackalloc byte[24];
        Id.TryWriteBytes(input);
        BitConverter.TryWriteBytes(input[16..], Sequence);
        Span<byte> hash = stackalloc byte[32];
        System.Security.Cryptography.SHA256.HashData(input, hash);
        hash[7] = (byte)((hash[7] & 0x0F) | 0x80); // RFC 9562 version 8 (custom), variant 10
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        return new Guid(hash[..16]);
    }

    /// <summary>Puts back every part of the state as <paramref name="before"/> has it (a failed job keeps nothing of its run).</summary>
    internal void RestoreFrom(ProcessInstance before)
    {
        Status = before.Status;
        EndedAt = before.EndedAt;
        BusinessKey = before.BusinessKey;
        Variables = before.Variables;
        Executions = before.Executions;
        Tasks = before.Tasks;
        Bookmarks = before.Bookmarks;
        Incidents = before.Incidents;
        Compensations = before.Compensations;
        CompletedElementIds = before.CompletedElementIds;
        TakenFlowIds = before.TakenFlowIds;
        LastCompleters = before.LastCompleters;
        WithdrawPoint = before.WithdrawPoint;
        Sequence = before.Sequence;
    }

    public Execution? FindExecution(Guid id)
    {
        foreach (var e in Executions)
            if (e.Id == id) return e;
        return null;
    }

    public UserTaskItem? FindTask(Guid id)
    {
        foreach (var t in Tasks)
            if (t.Id == id) return t;
        return null;
    }
}
