using System.Text.Json.Nodes;
using ProjectWorkflow.Engine.Expressions;

namespace ProjectWorkflow.Engine.Model;

/// <summary>
/// What a user task's <c>camunda:properties</c> say about approval work the engine runs itself: a vote (票签) on a
/// multi-instance task, and a timeout that completes the task on its own (超时自动审批). Read by
/// <c>ApprovalProperties</c>; Camunda Modeler writes and keeps these properties unchanged.
/// </summary>
public sealed class TaskApproval
{
    public VoteRule? Vote { get; init; }
    public TaskTimeout? Timeout { get; init; }
}

/// <summary>
/// 票签: each signer of a multi-instance user task votes approve or reject; the task completes, the other signers'
/// tasks cancelled, as soon as the votes cast decide it: approved once the approving weight reaches
/// <see cref="PassRatio"/> of all signers' weight, rejected once it no longer can.
/// </summary>
public sealed class VoteRule
{
    /// <summary>The share of the total weight that must approve, above 0 and at most 1 (<c>vote.passRatio</c>: 0.5, 60%, 2/3).</summary>
    public decimal PassRatio { get; init; }

    /// <summary><c>vote.weights</c> as written: an expression giving a map signer → weight, or a list <c>alice=2, bob=1</c>.</summary>
    public string? Weights { get; init; }

    /// <summary>The weights when written as a list; a signer not named weighs 1.</summary>
    public IReadOnlyDictionary<string, decimal>? FixedWeights { get; init; }

    /// <summary>The weights when written as an expression, evaluated as each vote is counted.</summary>
    public ParsedExpression? WeightsExpression { get; init; }

    /// <summary>The process variable that receives the outcome, <c>approve</c> or <c>reject</c> (<c>vote.outcomeVariable</c>).</summary>
    public string OutcomeVariable { get; init; } = "voteOutcome";
}

/// <summary>
/// 超时自动审批: when nobody completed the task by <see cref="After"/>, the engine completes it as <c>system</c>, setting
/// <see cref="OutcomeVariable"/> to <see cref="Outcome"/> and <c>timeoutReason</c> to <see cref="Reason"/>.
/// On a vote task the outcome is the vote cast for the silent signer.
/// </summary>
public sealed class TaskTimeout
{
    /// <summary><c>timeout.after</c>: a duration (P3D), a date, or an expression giving either.</summary>
    public string After { get; init; } = "";
    public ParsedExpression AfterExpression { get; init; } = null!;
    public string OutcomeVariable { get; init; } = "outcome";
    public JsonNode? Outcome { get; init; }
    public string Reason { get; init; } = "";
}
