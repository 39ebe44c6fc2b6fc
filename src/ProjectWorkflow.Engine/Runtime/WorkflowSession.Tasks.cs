using System.Text.Json;
using System.Text.Json.Nodes;
using ProjectWorkflow.Engine.Model;

namespace ProjectWorkflow.Engine.Runtime;

public enum SignerPosition
{
    Before,
    After,
}

/// <summary>Human work on user tasks: claim, complete, delegate, transfer, add signers, send back, withdraw, remind, copy.</summary>
/// <summary>Checks a completion's variables before anything changes (see <see cref="WorkflowSession.CompleteAsync"/>); throws to refuse.</summary>
public delegate JsonObject? CompletionCheck(UserTaskItem task, bool isSignature, JsonObject? variables);

public sealed partial class WorkflowSession
{
    /// <summary>Opens a run on the instance the task belongs to: callers name the task, the engine finds its instance.</summary>
    private async ValueTask<(ProcessInstance Instance, InstanceRun Run, UserTaskItem Task)> OpenTaskAsync(
        Guid taskId, CancellationToken cancellationToken, bool keepWithdrawPoint = false)
    {
        var instanceId = await InstanceOfTaskAsync(taskId, cancellationToken);
        var (instance, run) = await OpenRunAsync(instanceId, cancellationToken, keepWithdrawPoint);
        var task = instance.FindTask(taskId)
            ?? throw WorkflowException.Conflict($"The task {taskId} is no longer open: it was completed or cancelled.", $"任务 {taskId} 已不在办理中：已办结或已取消。");
        return (instance, run, task);
    }

    private async ValueTask<Guid> InstanceOfTaskAsync(Guid taskId, CancellationToken cancellationToken)
    {
        foreach (var loaded in _touched.Values)
            if (loaded.FindTask(taskId) is not null) return loaded.Id;
        return await _store.FindInstanceOfTaskAsync(taskId, cancellationToken)
            ?? throw WorkflowException.NotFound($"There is no task {taskId}.", $"任务 {taskId} 不存在。");
    }

    /// <summary>A task that names no candidates is open to anyone allowed to see the instance (BPMN leaves it to the host).</summary>
    private bool IsCandidate(UserTaskItem task) =>
        (task.CandidateUsers.Count == 0 && task.CandidateGroups.Count == 0)
        || task.CandidateUsers.Contains(Actor.Id, StringComparer.Ordinal) || Actor.InAnyGroup(task.CandidateGroups) || IsDeputy(task);

    /// <summary>The one person working the task right now: the current signer, the delegate, or the assignee.</summary>
    /// <param name="what">The refused action, an English verb before "it" ("transfer").</param>
    /// <param name="whatZh">The same action in Chinese, with its object ("转办此任务").</param>
    private void RequireAssignee(UserTaskItem task, string what, string whatZh)
    {
        if (task.Assignee == Actor.Id || (task.Assignee is not null && IsDeputy(task))) return;
        throw task.Assignee is null
            ? WorkflowException.Forbidden($"Claim the task before you {what} it.", $"请先认领任务，再{whatZh}。")
            : WorkflowException.Forbidden($"Only {task.Assignee}, who holds the task, can {what} it.", $"该任务由 {task.Assignee} 办理，只有其本人才能{whatZh}。");
    }

    private static void Notify(WorkflowSession session, ProcessInstance instance, UserTaskItem task, string @event, string? message, params string[] users) =>
        session.AddEffect(new TaskNotification(instance.Id, task.Id, @event, users, [], message));

    public async Task ClaimAsync(Guid taskId, CancellationToken cancellationToken = default)
    {
        var (instance, run, task) = await OpenTaskAsync(taskId, cancellationToken);
        if (task.Assignee == Actor.Id) return;
        if (task.Assignee is not null) throw WorkflowException.Conflict($"The task is already claimed by {task.Assignee}.", $"该任务已被 {task.Assignee} 认领。");
        if (!IsCandidate(task)) throw WorkflowException.Forbidden("You are not among the task's candidate users or groups.", "您不在该任务的候选人或候选组中。");
        task.Assignee = Actor.Id;
        task.Touched = true;
        run.Journal(task.ElementId, "userTask", "claimed", null);
        _ = instance;
    }

    public async Task UnclaimAsync(Guid taskId, CancellationToken cancellationToken = default)
    {
        var (_, run, task) = await OpenTaskAsync(taskId, cancellationToken);
        RequireAssignee(task, "release", "将此任务退回任务池");
        if (task.Delegation == DelegationState.Pending)
            throw WorkflowException.Conflict("A delegated task cannot be released: hand it back to its owner instead.", "已委派的任务不能退回任务池，请改为交还委派人。");
        task.Assignee = null;
        task.Touched = true;
        run.Journal(task.ElementId, "userTask", "unclaimed", null);
    }

    /// <summary>
    /// Completes the caller's part of the task. With signers still to sign, the task passes to the next
    /// signer; otherwise the activity completes and the process moves on.
    /// </summary>
    /// <param name="check">Run once the caller is known to hold the task, before anything changes: checks (and may complete)
    /// the variables, e.g. against the task's form; it is told whether this completion is a signature (加签: a signer
    /// before the holder, or a signer after the holder who already decided) rather than the decision. It throws to refuse.</param>
    public async Task CompleteAsync(Guid taskId, JsonObject? variables, CancellationToken cancellationToken = default, CompletionCheck? check = null)
    {
        var (instance, run, task) = await OpenTaskAsync(taskId, cancellationToken);
        if (task.Assignee is null && IsCandidate(task)) task.Assignee = Actor.Id;
        RequireAssignee(task, "complete", "办结此任务");
        if (task.Delegation == DelegationState.Pending)
            throw WorkflowException.Conflict($"The task was delegated to you by {task.Owner}: hand it back (resolve) so the owner can complete it.", $"该任务由 {task.Owner} 委派给您，请先交还委派人，由其办结。");
        variables = WithDraft(task, variables);
        if (check is not null)
            variables = check(task, task.SignersBefore.Count > 0 || (task.ReturnTo is not null && task.ReturnTo != Actor.Id) || task.Decided, variables);

        if (task.SignersBefore.Count > 0 || (task.ReturnTo is not null && task.ReturnTo != Actor.Id))
        {
            // A signer added before the assignee signs; the task passes on without completing the activity.
            run.SetVariables(variables);
            run.Journal(task.ElementId, "userTask", "signed", null);
            task.Assignee = task.SignersBefore.Count > 0 ? Take(task.SignersBefore) : task.ReturnTo;
            if (task.Assignee == task.ReturnTo && task.SignersBefore.Count == 0) task.ReturnTo = null;
            task.Touched = true;
            Notify(this, instance, task, "assigned", null, task.Assignee!);
            return;
        }
        if (task.SignersAfter.Count > 0)
        {
            run.SetVariables(variables);
            run.Journal(task.ElementId, "userTask", "signed", null);
            task.Decided = true;
            task.Assignee = Take(task.SignersAfter);
            task.Touched = true;
            Notify(this, instance, task, "assigned", null, task.Assignee);
            return;
        }

        var before = Engine.Options.EnableWithdraw ? JsonSerializer.Serialize(instance, RuntimeJson.Options) : null;
        run.PrepareVote(task, variables);
        var sending = SendingFrom(instance, task);
        run.SetVariables(variables);
        run.CompleteTask(task, Actor.Id, variables);
        await FinishAsync(run, cancellationToken);
        MarkSent(instance, run, sending);
        if (before is not null && run.Revocable && !instance.IsEnded)
            instance.WithdrawPoint = new WithdrawPoint
            {
                TaskId = task.Id,
                ElementId = task.ElementId,
                CompletedBy = Actor.Id,
                CompletedAt = run.Now,
                Snapshot = before,
                CreatedTaskIds = run.CreatedTaskIds,
            };
    }

    private static string Take(List<string> queue)
    {
        var next = queue[0];
        queue.RemoveAt(0);
        return next;
    }

    /// <summary>委派: the delegate works on the task and hands it back; the owner completes it.</summary>
    public async Task DelegateAsync(Guid taskId, string toUser, string? reason, CancellationToken cancellationToken = default)
    {
        RequireUser(toUser);
        var (instance, run, task) = await OpenTaskAsync(taskId, cancellationToken);
        RequireAssignee(task, "delegate", "委派此任务");
        if (toUser == Actor.Id) throw WorkflowException.Invalid("You cannot delegate a task to yourself.", "不能将任务委派给自己。");
        task.Owner ??= task.Assignee;
        task.Assignee = toUser;
        task.Delegation = DelegationState.Pending;
        task.Touched = true;
        run.Journal(task.ElementId, "userTask", "delegated", $"to {toUser}{Because(reason)}");
        Notify(this, instance, task, "delegated", reason, toUser);
    }

    /// <summary>Hands a delegated task back to its owner, with the delegate's variables.</summary>
    public async Task ResolveAsync(Guid taskId, JsonObject? variables, CancellationToken cancellationToken = default)
    {
        var (instance, run, task) = await OpenTaskAsync(taskId, cancellationToken);
        RequireAssignee(task, "hand back", "将此任务交还委派人");
        if (task.Delegation != DelegationState.Pending || task.Owner is null)
            throw WorkflowException.Conflict("The task is not delegated, so there is nobody to hand it back to.", "该任务未被委派，无需交还。");
        run.SetVariables(variables);
        task.Assignee = task.Owner;
        task.Delegation = DelegationState.Resolved;
        task.Touched = true;
        run.Journal(task.ElementId, "userTask", "resolved", $"back to {task.Owner}");
        Notify(this, instance, task, "resolved", null, task.Owner);
    }

    /// <summary>转办: the task now belongs to someone else for good.</summary>
    public async Task TransferAsync(Guid taskId, string toUser, string? reason, CancellationToken cancellationToken = default)
    {
        RequireUser(toUser);
        var (instance, run, task) = await OpenTaskAsync(taskId, cancellationToken);
        RequireAssignee(task, "transfer", "转办此任务");
        if (task.Delegation == DelegationState.Pending)
            throw WorkflowException.Conflict("A delegated task cannot be transferred: hand it back to its owner first.", "已委派的任务不能转办，请先交还委派人。");
        task.Assignee = toUser;
        task.Owner = null;
        task.Delegation = DelegationState.None;
        task.Touched = true;
        run.Journal(task.ElementId, "userTask", "transferred", $"to {toUser}{Because(reason)}");
        Notify(this, instance, task, "transferred", reason, toUser);
    }

    /// <summary>加签: more people sign, before the assignee (who gets the task back) or after (before it completes).</summary>
    public async Task AddSignersAsync(Guid taskId, IReadOnlyList<string> users, SignerPosition position, CancellationToken cancellationToken = default)
    {
        if (users.Count == 0) throw WorkflowException.Invalid("Name at least one signer.", "请至少指定一名加签人。");
        foreach (var user in users) RequireUser(user);
        var (instance, run, task) = await OpenTaskAsync(taskId, cancellationToken);
        RequireAssignee(task, "add signers to", "为此任务加签");
        if (position == SignerPosition.Before)
        {
            task.ReturnTo ??= task.Assignee;
            task.SignersBefore.AddRange(users.Skip(1));
            task.Assignee = users[0];
        }
        else
        {
            task.SignersAfter.AddRange(users);
        }
        task.Touched = true;
        run.Journal(task.ElementId, "userTask", "signersAdded", $"{position.ToString().ToLowerInvariant()}: {string.Join(", ", users)}");
        Notify(this, instance, task, "signerAdded", null, [.. users]);
    }

    /// <summary>催办: reminds whoever holds (or may claim) the task. Does not count as touching it.</summary>
    public async Task RemindAsync(Guid taskId, string? message, CancellationToken cancellationToken = default)
    {
        var (instance, run, task) = await OpenTaskAsync(taskId, cancellationToken, keepWithdrawPoint: true);
        task.Reminders++;
        run.Journal(task.ElementId, "userTask", "reminded", message);
        AddEffect(new TaskNotification(instance.Id, task.Id, "reminded", task.Assignee is { } a ? [a] : task.CandidateUsers,
            task.Assignee is null ? task.CandidateGroups : [], message));
    }

    /// <summary>抄送: lets others follow the task; they can read it but not act on it.</summary>
    public async Task CopyToAsync(Guid taskId, IReadOnlyList<string> users, CancellationToken cancellationToken = default)
    {
        if (users.Count == 0) throw WorkflowException.Invalid("Name at least one person to copy.", "请至少指定一名抄送人。");
        foreach (var user in users) RequireUser(user);
        var (instance, run, task) = await OpenTaskAsync(taskId, cancellationToken, keepWithdrawPoint: true);
        foreach (var user in users)
            if (!task.CopiedTo.Contains(user)) task.CopiedTo.Add(user);
        run.Journal(task.ElementId, "userTask", "copied", string.Join(", ", users));
        Notify(this, instance, task, "copied", null, [.. users]);
    }

    /// <summary>退回: the task goes back to an earlier user task on the path taken, to whoever did it then.</summary>
    public async Task SendBackAsync(Guid taskId, string targetElementId, string reason, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(reason)) throw WorkflowException.Invalid("Say why the task is sent back: the person receiving it reads this.", "请填写退回原因，接收人将看到该原因。");
        var (instance, run, task) = await OpenTaskAsync(taskId, cancellationToken);
        RequireAssignee(task, "send back", "退回此任务");
        var definition = await DefinitionOfAsync(instance, cancellationToken);
        var current = definition.Process.Node(task.ElementId);
        if (definition.Process.NodesById.GetValueOrDefault(targetElementId) is not UserTask target)
            throw WorkflowException.Invalid($"'{targetElementId}' is not a user task of this process.", $"环节 '{targetElementId}' 不是本流程中的人工任务。");
        if (!instance.CompletedElementIds.Contains(target.Id))
            throw WorkflowException.Invalid($"'{targetElementId}' has not been done yet in this instance, so nothing can be sent back to it.", $"环节 '{targetElementId}' 在本流程实例中尚未办理，无法退回至该环节。");
        if (target.Scope != current.Scope)
            throw WorkflowException.Invalid($"'{targetElementId}' is not in the same (sub-)process as this task.", $"环节 '{targetElementId}' 与当前任务不在同一（子）流程中。");
        var execution = instance.FindExecution(task.ExecutionId)!;
        if (execution.IsLoopInstance)
            throw WorkflowException.Conflict("One reviewer of a multi-reviewer task cannot send the file back alone.", "多人办理的任务不能由其中一人单独退回。");
        if (instance.Executions.Any(e => e != execution && e.ParentId == execution.ParentId))
            throw WorkflowException.Conflict("Other branches of the process are still running here; finish them before sending back.", "流程在此处还有其他分支正在办理，请待其办结后再退回。");

        run.CancelTask(task, $"sent back to {target.Id}");
        run.CancelExecution(execution, "sent back", keep: true);
        run.Journal(task.ElementId, "userTask", "sentBack", $"to {target.Id}: {reason}");
        run.EnterWithAssignee(execution, target, instance.LastCompleters.GetValueOrDefault(target.Id));
        await FinishAsync(run, cancellationToken);
    }

    /// <summary>撤回: the person who completed the last task takes it back, while what followed is untouched.</summary>
    public async Task WithdrawAsync(Guid instanceId, string reason, CancellationToken cancellationToken = default)
    {
        var instance = await GetInstanceAsync(instanceId, cancellationToken);
        var point = instance.WithdrawPoint
            ?? throw WorkflowException.Conflict("There is nothing to withdraw: the last step was not a task completion, or something has happened since.", "没有可撤回的操作：上一步不是任务办结，或此后流程已有新的进展。");
        if (point.CompletedBy != Actor.Id)
            throw WorkflowException.Forbidden($"Only {point.CompletedBy}, who completed the last task, can withdraw it.", $"只有办结上一任务的 {point.CompletedBy} 本人可以撤回。");
        foreach (var id in point.CreatedTaskIds)
            if (instance.FindTask(id) is not { Touched: false })
                throw WorkflowException.Conflict("The next step has already been worked on, so the completion can no longer be withdrawn.", "下一环节已开始办理，无法再撤回。");

        var (_, run) = await OpenRunAsync(instanceId, cancellationToken);
        var before = JsonSerializer.Deserialize<ProcessInstance>(point.Snapshot, RuntimeJson.Options)!;
        foreach (var task in instance.Tasks)
            if (before.FindTask(task.Id) is null) AddEffect(new TaskCancelled(instance.Id, task.Id, task.ElementId, "withdrawn"));
        foreach (var bookmark in instance.Bookmarks)
            if (bookmark.Kind == BookmarkKind.Timer && !before.Bookmarks.Exists(b => b.Id == bookmark.Id))
                AddEffect(new TimerCancelled(instance.Id, bookmark.Id));

        // Whoever a task still open was copied to since the completion stays copied: the copy was sent and stays visible to them.
        foreach (var task in instance.Tasks)
            if (before.FindTask(task.Id) is { } kept)
                foreach (var user in task.CopiedTo.Where(u => !kept.CopiedTo.Contains(u))) kept.CopiedTo.Add(user);

        instance.Variables = before.Variables;
        instance.Executions = before.Executions;
        instance.Tasks = before.Tasks;
        instance.Bookmarks = before.Bookmarks;
        instance.Incidents = before.Incidents;
        instance.Compensations = before.Compensations;
        instance.CompletedElementIds = before.CompletedElementIds;
        instance.TakenFlowIds = before.TakenFlowIds;
        instance.LastCompleters = before.LastCompleters;
        instance.Status = before.Status;

        var restored = instance.FindTask(point.TaskId)!;
        restored.Assignee = Actor.Id;
        run.Journal(restored.ElementId, "userTask", "withdrawn", reason);
        AddEffect(new TaskCreated(instance.Id, restored));
        foreach (var bookmark in instance.Bookmarks)
            if (bookmark is { Kind: BookmarkKind.Timer, DueAt: { } due }) AddEffect(new TimerScheduled(instance.Id, bookmark.Id, due));
    }

    private static void RequireUser(string user)
    {
        if (string.IsNullOrWhiteSpace(user)) throw WorkflowException.Invalid("Name the user.", "请指定用户。");
    }

    private static string Because(string? reason) => string.IsNullOrWhiteSpace(reason) ? "" : $": {reason}";
}
