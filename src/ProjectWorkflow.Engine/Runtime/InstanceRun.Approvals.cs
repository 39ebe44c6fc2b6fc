using System.Collections;
using System.Globalization;
using System.Text.Json.Nodes;
using ProjectWorkflow.Engine.Expressions;
using ProjectWorkflow.Engine.Model;
using ProjectWorkflow.Engine.Timers;

namespace ProjectWorkflow.Engine.Runtime;

/// <summary>
/// Approval work the engine does itself: a vote (票签) decided by the share of the signers' weight, removing a signer
/// (减签), and a task's timeout completing it as <c>system</c> (超时自动审批). Settings come from the task's
/// <see cref="TaskApproval"/>.
/// </summary>
internal sealed partial class InstanceRun
{
    /// <summary>The local variable of one signer's instance that holds their vote.</summary>
    internal const string VoteVariable = "vote";

    /// <summary>The running tally, readable by the task's completion condition while the vote runs.</summary>
    private static readonly string[] TallyNames = ["nrOfApprovals", "nrOfRejections", "approvalWeight", "rejectionWeight"];

    /// <summary>The task's timeout starts as the task is created (each signer's own on a multi-instance task).</summary>
    private void ArmTimeout(Execution execution, UserTask definition)
    {
        if (definition.Approval?.Timeout is not { } timeout) return;
        var due = DueDate(timeout.AfterExpression.Evaluate(Variables(execution)))
            ?? throw new ExpressionEvaluationException($"timeout.after '{timeout.After}' gave no date.");
        var text = due.ToString("O", CultureInfo.InvariantCulture);
        SetTimer(execution.Id, definition, due, TimerKind.Date, text);
        Journal(definition, "timeoutSet", text);
    }

    /// <summary>A task's own timer fell due: the task is completed with its configured outcome, the reason kept. False when the bookmark is not a task timeout.</summary>
    private bool TimeOut(Bookmark bookmark, Execution execution)
    {
        if (_process.Node(bookmark.ElementId) is not UserTask { Approval.Timeout: { } timeout } definition) return false;
        _instance.Bookmarks.Remove(bookmark);
        var task = _instance.Tasks.Find(t => t.ExecutionId == execution.Id);
        if (task is null) return true;
        Journal(definition, "timedOut", timeout.Reason);
        var variables = task.Draft is { } draft ? (JsonObject)draft.DeepClone() : [];
        variables["timeoutReason"] = timeout.Reason;
        if (definition.Approval.Vote is not null) variables[VoteVariable] = timeout.Outcome?.DeepClone();
        else variables[timeout.OutcomeVariable] = timeout.Outcome?.DeepClone();
        PrepareVote(task, variables);
        SetVariables(variables);
        CompleteTask(task, Runtime.Actor.System.Id, variables);
        return true;
    }

    /// <summary>On a vote task, checks the completion carries <c>vote</c> = approve or reject and keeps it on the signer's instance.</summary>
    public void PrepareVote(UserTaskItem task, JsonObject? variables)
    {
        if (_process.Node(task.ElementId) is not UserTask { Approval.Vote: not null }) return;
        var execution = _instance.FindExecution(task.ExecutionId)!;
        var vote = variables?[VoteVariable] is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;
        if (vote is not ("approve" or "reject"))
            throw WorkflowException.Invalid("This task is a vote (票签): vote 'approve' or 'reject' (the variable 'vote').", "该任务为票签任务：请将变量“vote”设为“approve”（同意）或“reject”（不同意）。");
        (execution.Local ??= [])[VoteVariable] = vote;
    }

    public bool IsVote(UserTaskItem task) => _process.Node(task.ElementId) is UserTask { Approval.Vote: not null };

    /// <summary>
    /// One signer's instance of a multi-instance activity completed: its own timers stop, and on a vote task its vote is
    /// counted. True when the vote decided the task (the loop has finished and the token moved on).
    /// </summary>
    private bool CountVote(Execution signer, FlowNode node, Execution body)
    {
        RemoveBookmarksOf(signer);
        if (node is not UserTask { Approval.Vote: { } vote } task) return false;
        var choice = signer.Local?[VoteVariable]?.GetValue<string>() ?? "approve";
        var who = SignerOf(signer, task) ?? Actor ?? "";
        var weight = WeightOf(vote, who, body);
        var tally = body.Local ??= [];
        var (counter, sum) = choice == "approve" ? ("nrOfApprovals", "approvalWeight") : ("nrOfRejections", "rejectionWeight");
        tally[counter] = Count(tally, counter) + 1;
        tally[sum] = Count(tally, sum) + weight;
        Journal(task, "voteCast", $"{choice} by {who} (weight {Format(weight)}): {Format(Count(tally, "approvalWeight"))} for, {Format(Count(tally, "rejectionWeight"))} against");
        return DecideVote(body, task, vote);
    }

    /// <summary>Approved once the approving weight reaches the pass ratio of all weight, rejected once it no longer can.</summary>
    private bool DecideVote(Execution body, UserTask task, VoteRule vote)
    {
        var tally = body.Local ??= [];
        var approving = Count(tally, "approvalWeight");
        var rejecting = Count(tally, "rejectionWeight");
        var open = RemainingSigners(body, task).Sum(s => WeightOf(vote, s, body));
        var total = approving + rejecting + open;
        var needed = Math.Round(vote.PassRatio * total, 20); // 2/3 of 3 is 2, not 2.0000000000000000000000000001
        string? outcome = approving >= needed ? "approve" : approving + open < needed ? "reject" : null;
        if (outcome is null) return false;
        _instance.Variables[vote.OutcomeVariable] = outcome;
        foreach (var other in ChildrenOf(body)) CancelExecution(other, $"the vote was decided: {outcome}", keep: false);
        Journal(task, "voteDecided", $"{outcome}: {Format(approving)} for, {Format(rejecting)} against, {Format(open)} not cast, of {Format(total)}; pass ratio {Format(vote.PassRatio)}");
        foreach (var name in TallyNames) tally.Remove(name);
        FinishLoop(body, task);
        return true;
    }

    /// <summary>The signers still to sign: the open instances' and, on a sequential loop, those not yet started.</summary>
    private List<string?> RemainingSigners(Execution body, UserTask task)
    {
        var signers = ChildrenOf(body).Select(e => SignerOf(e, task)).ToList();
        if (task.MultiInstance is { IsSequential: true } && body.Loop is { } loop)
            for (var i = loop.NextIndex; i < loop.Instances; i++)
                signers.Add(loop.Items is { } items && i < items.Count ? Text(items[i]) : null);
        return signers;
    }

    /// <summary>The signer one instance stands for: its element variable (the collection's item), else its task's assignee.</summary>
    private string? SignerOf(Execution instance, UserTask task)
    {
        if (task.MultiInstance?.ElementVariable is { Length: > 0 } name && instance.Local?[name] is JsonValue item) return Text(item);
        return _instance.Tasks.Find(t => t.ExecutionId == instance.Id)?.Assignee;
    }

    private decimal WeightOf(VoteRule vote, string? signer, Execution body)
    {
        if (signer is null) return 1;
        if (vote.FixedWeights is { } fixedWeights) return fixedWeights.GetValueOrDefault(signer, 1);
        if (vote.WeightsExpression is null) return 1;
        var value = vote.WeightsExpression.Evaluate(Variables(body));
        object? weight = value switch
        {
            JsonObject map => map[signer],
            IDictionary map => map.Contains(signer) ? map[signer] : null,
            _ => throw new ExpressionEvaluationException($"vote.weights '{vote.Weights}' must give a map of signer to weight."),
        };
        if (weight is null) return 1;
        var number = weight switch
        {
            JsonValue json when json.TryGetValue<decimal>(out var d) => d,
            decimal d => d,
            int i => i,
            long l => l,
            double f => (decimal)f,
            _ => -1,
        };
        if (number <= 0) throw new ExpressionEvaluationException($"The vote weight of {signer} must be a positive number.");
        return number;
    }

    private static decimal Count(JsonObject tally, string name) =>
        tally[name] is JsonValue value && value.TryGetValue<decimal>(out var number) ? number : 0;

    private static string Format(decimal value) => value.ToString("0.####", CultureInfo.InvariantCulture);

    /// <summary>
    /// 减签: one signer of a running multi-instance task no longer signs: their instance stops (or, on a sequential loop,
    /// their turn is dropped); the counters shrink, and a vote or completion condition may now be decided.
    /// </summary>
    public void RemoveSigner(Execution body, UserTask task, string user, string reason)
    {
        var loop = body.Loop!;
        var instance = ChildrenOf(body).Find(e => SignerOf(e, task) == user
                                                 || _instance.Tasks.Exists(t => t.ExecutionId == e.Id && t.Assignee == user));
        var pending = -1;
        if (instance is null && task.MultiInstance is { IsSequential: true } && loop.Items is { } items)
            for (var i = loop.NextIndex; i < loop.Instances && i < items.Count; i++)
                if (Text(items[i]) == user) { pending = i; break; }
        if (instance is null && pending < 0)
            throw WorkflowException.Invalid($"{user} is not among the signers still to sign this task.", $"{user} 不在该任务尚未签署的会签人之中。");
        if (loop.Completed == 0 && RemainingSigners(body, task).Count <= 1)
            throw WorkflowException.Conflict($"{user} is the task's last signer, and nobody has signed yet: a task cannot lose every signer. Transfer it instead.", $"{user} 是该任务最后一名会签人，且尚无人签署：任务不能减去全部会签人，请改为转办。");

        if (pending >= 0)
        {
            loop.Items!.RemoveAt(pending);
            loop.Instances--;
        }
        else
        {
            CancelExecution(instance!, $"signer {user} removed: {reason}", keep: false);
            loop.Instances--;
            loop.Active--;
            if (task.MultiInstance is { IsSequential: true })
            {
                loop.NextIndex--;
                loop.Items?.RemoveAt(loop.NextIndex);
            }
        }
        Journal(task, "signerRemoved", $"{user}: {reason}");

        if (task.Approval?.Vote is { } vote && DecideVote(body, task, vote)) return;
        if (task.MultiInstance!.CompletionExpression is { } condition && loop.Completed > 0 && condition.EvaluateCondition(Variables(body)))
        {
            foreach (var other in ChildrenOf(body)) CancelExecution(other, "the completion condition was met", keep: false);
            Journal(task, "loopCompleted", $"completion condition met after {loop.Completed} of {loop.Instances}");
            FinishLoop(body, task);
            return;
        }
        if (RemainingSigners(body, task).Count == 0)
        {
            Journal(task, "loopCompleted", $"{loop.Completed} of {loop.Instances}, the last signer removed");
            FinishLoop(body, task);
            return;
        }
        if (task.MultiInstance.IsSequential && loop.Active == 0 && loop.NextIndex < loop.Instances)
        {
            var index = loop.NextIndex++;
            loop.Active++;
            StartLoopInstance(body, task, index, loop.Items?[index]);
        }
    }
}
