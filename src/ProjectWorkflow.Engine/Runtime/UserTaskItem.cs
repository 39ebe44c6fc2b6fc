namespace ProjectWorkflow.Engine.Runtime;

public enum DelegationState
{
    None,

    /// <summary>Delegated (委派): the delegate works on it and must hand it back to the owner.</summary>
    Pending,

    /// <summary>Handed back to the owner, who completes it.</summary>
    Resolved,
}

/// <summary>An open human task.</summary>
public sealed class UserTaskItem
{
    public Guid Id { get; set; }
    public Guid ExecutionId { get; set; }
    public string ElementId { get; set; } = "";
    public string? Name { get; set; }
    public string? Assignee { get; set; }

    /// <summary>Who the task belongs to while it is delegated.</summary>
    public string? Owner { get; set; }
    public DelegationState Delegation { get; set; }
    public List<string> CandidateUsers { get; set; } = [];
    public List<string> CandidateGroups { get; set; } = [];
    public DateTimeOffset? DueAt { get; set; }
    public string? FormKey { get; set; }

    /// <summary>The id of the form (a form-js schema) whose fields completing the task must supply.</summary>
    public string? FormRef { get; set; }
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>Signers added before the assignee (加签, before): each signs, then the task returns.</summary>
    public List<string> SignersBefore { get; set; } = [];

    /// <summary>The assignee the task returns to once the signers-before are done.</summary>
    public string? ReturnTo { get; set; }

    /// <summary>Signers added after the assignee (加签, after): each signs before the task completes.</summary>
    public List<string> SignersAfter { get; set; } = [];

    /// <summary>The holder completed it and it went on to the signers after: the decision is made, what remains are signatures.</summary>
    public bool Decided { get; set; }

    public List<string> CopiedTo { get; set; } = [];
    public int Reminders { get; set; }

    /// <summary>True once anyone has claimed, delegated, transferred or otherwise worked on it.</summary>
    public bool Touched { get; set; }

    /// <summary>Loop counter when the task is one instance of a multi-instance activity.</summary>
    public int? LoopCounter { get; set; }

    /// <summary>Whose completion sent the task here, while they may still take it back (拿回).</summary>
    public TaskSender? SentBy { get; set; }

    /// <summary>Form values saved without completing (暂存); a completion starts from them.</summary>
    public System.Text.Json.Nodes.JsonObject? Draft { get; set; }

    /// <summary>Deputies (代理) of the assignee or a candidate user, who may act on the task beside them.</summary>
    public List<string>? Deputies { get; set; }
}
