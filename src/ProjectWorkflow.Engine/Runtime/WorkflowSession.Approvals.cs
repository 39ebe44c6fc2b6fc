using System.Text.Json.Nodes;
using ProjectWorkflow.Engine.Model;

namespace ProjectWorkflow.Engine.Runtime;

/// <summary>
/// The approval operations beside the classic ones (WorkflowSession.Tasks): vote (票签), remove a signer (减签),
/// take back (拿回), save a draft (暂存), deputies (代理) and handing a leaving user's tasks over (离职转办), and
/// reopening an ended instance (唤醒). Each is journaled; the host writes the audit entry with the command.
/// </summary>
public sealed partial class WorkflowSession
{
    private bool IsDeputy(UserTaskItem task) => task.Deputies?.Contains(Actor.Id, StringComparer.Ordinal) == true;

    /// <summary>A completion starts from the saved draft; what the completer sends wins.</summary>
    private static JsonObject? WithDraft(UserTaskItem task, JsonObject? variables)
    {
        if (task.Draft is not { } draft) return variables;
        task.Draft = null;
        var merged = (JsonObject)draft.DeepClone();
        if (variables is not null)
            foreach (var (name, value) in variables) merged[name] = value?.DeepClone();
        return merged;
    }

    /// <summary>票签: the holder of one signer's instance votes approve or reject (with any other variables, e.g. a comment).</summary>
    public async Task VoteAsync(Guid taskId, bool approve, JsonObject? variables, CancellationToken cancellationToken = default, CompletionCheck? check = null)
    {
        var instance = await GetInstanceAsync(await InstanceOfTaskAsync(taskId, cancellationToken), cancellationToken);
        var task = instance.FindTask(taskId)
            ?? throw WorkflowException.Conflict($"The task {taskId} is no longer open: it was completed or cancelled.", $"任务 {taskId} 已不在办理中：已办结或已取消。");
        if ((await DefinitionOfAsync(instance, cancellationToken)).Process.NodesById.GetValueOrDefault(task.ElementId) is not UserTask { Approval.Vote: not null })
            throw WorkflowException.Invalid("This task is not a vote (票签): complete it instead.", "该任务不是票签任务，请直接办结。");
        var ballot = variables is null ? [] : (JsonObject)variables.DeepClone();
        ballot[InstanceRun.VoteVariable] = approve ? "approve" : "reject";
        await CompleteAsync(taskId, ballot, cancellationToken, check);
    }

    /// <summary>减签: <paramref name="user"/> no longer signs the running multi-instance task <paramref name="taskId"/> belongs to.</summary>
    public async Task RemoveSignerAsync(Guid taskId, string user, string reason, CancellationToken cancellationToken = default)
    {
        RequireUser(user);
        if (string.IsNullOrWhiteSpace(reason)) throw WorkflowException.Invalid("Say why the signer is removed: the journal keeps it.", "请填写减签原因，原因将记入流程日志。");
        var (instance, run, task) = await OpenTaskAsync(taskId, cancellationToken);
        var execution = instance.FindExecution(task.ExecutionId)!;
        if (!execution.IsLoopInstance || execution.ParentId is not { } bodyId)
            throw WorkflowException.Invalid("The task has one signer: only a multi-instance task (several signers) can lose one.", "该任务只有一名会签人：只有多实例任务（多名会签人）才能减签。");
        var definition = (UserTask)(await DefinitionOfAsync(instance, cancellationToken)).Process.Node(task.ElementId);
        run.RemoveSigner(instance.FindExecution(bodyId)!, definition, user, reason.Trim());
        await FinishAsync(run, cancellationToken);
    }

    private sealed record Sending(UserTaskItem Task, string User, Guid ExecutionId, Guid? ScopeId, HashSet<(Guid, string, ExecutionState)> Before);

    /// <summary>What a completion may later be taken back from: a single task (not one signer of several).</summary>
    private Sending? SendingFrom(ProcessInstance instance, UserTaskItem task)
    {
        var execution = instance.FindExecution(task.ExecutionId);
        if (execution is null || execution.IsLoopInstance) return null;
        return new Sending(task, Actor.Id, execution.Id, execution.ParentId, instance.Executions.Select(e => (e.Id, e.ElementId, e.State)).ToHashSet());
    }

    /// <summary>
    /// Marks the tasks a completion created with their sender, when taking them back can put everything as it was: the run did
    /// nothing irrevocable (no service task, message, call) and every token it moved now waits at one of those tasks.
    /// </summary>
    private static void MarkSent(ProcessInstance instance, InstanceRun run, Sending? sending)
    {
        if (sending is null || !run.Revocable || instance.IsEnded || run.CreatedTaskIds.Count == 0) return;
        var created = new List<UserTaskItem>(run.CreatedTaskIds.Count);
        foreach (var id in run.CreatedTaskIds)
            if (instance.FindTask(id) is { } open) created.Add(open);
            else return;
        var holding = new HashSet<Guid>();
        foreach (var task in created)
            for (var e = instance.FindExecution(task.ExecutionId); e is not null; e = e.ParentId is { } p ? instance.FindExecution(p) : null)
                holding.Add(e.Id);
        foreach (var e in instance.Executions)
            if (!holding.Contains(e.Id) && !sending.Before.Contains((e.Id, e.ElementId, e.State))) return;
        foreach (var task in created)
            task.SentBy = new TaskSender
            {
                User = sending.User,
                ElementId = sending.Task.ElementId,
                TaskId = sending.Task.Id,
                ExecutionId = sending.ExecutionId,
                ScopeId = sending.ScopeId,
            };
    }

    /// <summary>
    /// 拿回: the person whose completion sent the task here takes it back while nobody has acted on what it created: those
    /// tasks are cancelled and the sender's task opens again, assigned to them. Unlike withdrawing (撤回), it does not need
    /// the instance untouched since (a reminder, another branch moving), and the variables stay as they are now.
    /// </summary>
    public async Task TakeBackAsync(Guid taskId, string reason, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(reason)) throw WorkflowException.Invalid("Say why you take the task back: the journal keeps it.", "请填写拿回原因，原因将记入流程日志。");
        var (instance, run, task) = await OpenTaskAsync(taskId, cancellationToken);
        var sender = task.SentBy
            ?? throw WorkflowException.Conflict("This task cannot be taken back: it did not come straight from a completed task (or what that completion started cannot be undone).", "该任务无法拿回：它不是由某个已办结任务直接流转而来（或该次办结所引发的后续操作无法撤销）。");
        if (sender.User != Actor.Id)
            throw WorkflowException.Forbidden($"Only {sender.User}, who sent the task here, can take it back.", $"只有将任务流转至此的 {sender.User} 才能拿回该任务。");
        var sent = instance.Tasks.Where(t => t.SentBy?.TaskId == sender.TaskId).ToList();
        if (sent.Exists(t => t.Touched || t.Draft is not null))
            throw WorkflowException.Conflict("The next person has already acted on the task, so it can no longer be taken back.", "下一环节的办理人已处理该任务，无法再拿回。");
        if (sender.ScopeId is { } scopeId && instance.FindExecution(scopeId) is not { State: ExecutionState.Scope })
            throw WorkflowException.Conflict("The sub-process the task was sent from has ended, so it can no longer be taken back.", "该任务所来自的子流程已结束，无法再拿回。");

        var tops = new List<Execution>();
        foreach (var next in sent)
        {
            var top = instance.FindExecution(next.ExecutionId)!;
            while (top.ParentId != sender.ScopeId && top.ParentId is { } parent) top = instance.FindExecution(parent)!;
            if (top.Loop is { Completed: > 0 })
                throw WorkflowException.Conflict("A signer of the next step has already signed, so it can no longer be taken back.", "下一环节已有会签人签署，无法再拿回。");
            if (!tops.Contains(top)) tops.Add(top);
        }
        Execution? token = null;
        foreach (var top in tops)
        {
            var keep = top.Id == sender.ExecutionId;
            run.CancelExecution(top, $"taken back by {Actor.Id}", keep);
            if (keep) token = top;
        }
        run.Journal(sender.ElementId, "userTask", "takenBack", $"from {string.Join(", ", sent.Select(t => t.ElementId).Distinct())}: {reason.Trim()}");
        token ??= run.NewExecution(sender.ScopeId, sender.ElementId);
        token.ArrivedVia = null;
        var process = (await DefinitionOfAsync(instance, cancellationToken)).Process;
        run.EnterWithAssignee(token, process.Node(sender.ElementId), Actor.Id);
        await FinishAsync(run, cancellationToken);
    }

    /// <summary>暂存: keeps the form's values on the task without completing it; the next completion starts from them.</summary>
    public async Task SaveDraftAsync(Guid taskId, JsonObject variables, CancellationToken cancellationToken = default)
    {
        var (_, run, task) = await OpenTaskAsync(taskId, cancellationToken);
        if (task.Assignee is null)
        {
            if (!IsCandidate(task)) throw WorkflowException.Forbidden("You are not among the task's candidate users or groups.", "您不在该任务的候选人或候选组中。");
        }
        else RequireAssignee(task, "save a draft of", "暂存此任务");
        task.Draft = (JsonObject)variables.DeepClone();
        task.Touched = true;
        run.Journal(task.ElementId, "userTask", "draftSaved", string.Join(", ", variables.Select(v => v.Key)));
    }

    /// <summary>代理: the task arrived for <paramref name="forUser"/>, who is away: <paramref name="deputy"/> sees it and may act on it too.</summary>
    public async Task ShareWithDeputyAsync(Guid taskId, string deputy, string forUser, string? period, CancellationToken cancellationToken = default)
    {
        RequireUser(deputy);
        var (instance, run, task) = await OpenTaskAsync(taskId, cancellationToken, keepWithdrawPoint: true);
        if (task.Assignee != forUser && !task.CandidateUsers.Contains(forUser, StringComparer.Ordinal))
            throw WorkflowException.Invalid($"The task is not for {forUser}, so {deputy} cannot stand in for them on it.", $"该任务不属于 {forUser}，{deputy} 无法代理其办理。");
        if (deputy == forUser || task.Deputies?.Contains(deputy) == true) return;
        (task.Deputies ??= []).Add(deputy);
        run.Journal(task.ElementId, "userTask", "deputyAdded", $"{deputy} for {forUser}{(period is null ? "" : $" ({period})")}");
        Notify(this, instance, task, "deputy", forUser, deputy);
    }

    /// <summary>A deputy could not be given the task (they play another part on its project, say): the journal keeps why.</summary>
    public async Task NoteDeputyNotSharedAsync(Guid taskId, string deputy, string forUser, string reason, CancellationToken cancellationToken = default)
    {
        var (_, run, task) = await OpenTaskAsync(taskId, cancellationToken, keepWithdrawPoint: true);
        run.Journal(task.ElementId, "userTask", "deputyNotShared", $"{deputy} for {forUser}: {reason}");
    }

    /// <summary>
    /// 离职转办: every open task of the instance that is <paramref name="fromUser"/>'s (assigned, owned, named as a candidate or
    /// signer) becomes <paramref name="toUser"/>'s. Returns how many tasks changed.
    /// </summary>
    public async Task<int> HandOverTasksAsync(Guid instanceId, string fromUser, string toUser, string reason, CancellationToken cancellationToken = default)
    {
        RequireUser(fromUser);
        RequireUser(toUser);
        if (string.IsNullOrWhiteSpace(reason)) throw WorkflowException.Invalid("Give a reason: it is kept in the journal.", "请填写原因，原因将记入流程日志。");
        if (fromUser == toUser) throw WorkflowException.Invalid("The tasks would go to the same person.", "移交人与接收人为同一人，请选择其他接收人。");
        var (instance, run) = await OpenRunAsync(instanceId, cancellationToken);
        var moved = 0;
        foreach (var task in instance.Tasks)
        {
            var changed = false;
            if (task.Assignee == fromUser) { task.Assignee = toUser; changed = true; }
            if (task.Owner == fromUser) { task.Owner = toUser; changed = true; }
            if (task.ReturnTo == fromUser) { task.ReturnTo = toUser; changed = true; }
            changed |= Replace(task.CandidateUsers, fromUser, toUser) | Replace(task.SignersBefore, fromUser, toUser) | Replace(task.SignersAfter, fromUser, toUser);
            if (task.Deputies?.Remove(fromUser) == true) changed = true;
            if (!changed) continue;
            task.Touched = true;
            moved++;
            run.Journal(task.ElementId, "userTask", "handedOver", $"from {fromUser} to {toUser}: {reason.Trim()}");
            Notify(this, instance, task, "transferred", reason, toUser);
        }
        return moved;
    }

    private static bool Replace(List<string> people, string from, string to)
    {
        var at = people.IndexOf(from);
        if (at < 0) return false;
        if (people.Contains(to)) people.RemoveAt(at);
        else people[at] = to;
        return true;
    }

    /// <summary>
    /// 唤醒: an ended instance runs again from one of its user tasks that was done before (at the process level), given to
    /// whoever did it last unless <paramref name="assignee"/> is named. Its process-level event sub-processes wait again.
    /// </summary>
    public async Task ReopenAsync(Guid instanceId, string elementId, string reason, string? assignee = null, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(reason)) throw WorkflowException.Invalid("Give a reason: it is kept in the journal.", "请填写原因，原因将记入流程日志。");
        var instance = await GetInstanceAsync(instanceId, cancellationToken);
        if (!instance.IsEnded) throw WorkflowException.Conflict("The instance is still running: only an ended instance can be reopened.", "流程实例仍在运行：只有已结束的流程实例才能唤醒。");
        if (instance.ParentInstanceId is not null)
            throw WorkflowException.Conflict("The instance was called by another process, which has moved on: reopen the calling instance instead.", "该流程实例由其他流程调用，调用方流程已继续流转：请改为唤醒调用方流程实例。");
        var definition = await DefinitionOfAsync(instance, cancellationToken);
        if (definition.Process.NodesById.GetValueOrDefault(elementId) is not UserTask task)
            throw WorkflowException.Invalid($"'{elementId}' is not a user task of this process.", $"“{elementId}”不是本流程的人工任务。");
        if (task.Scope is not ProcessModel)
            throw WorkflowException.Invalid($"'{elementId}' lies inside a sub-process: reopen at a user task of the process itself.", $"“{elementId}”位于子流程内：请在流程本身的人工任务处唤醒。");
        if (!instance.CompletedElementIds.Contains(elementId))
            throw WorkflowException.Invalid($"'{elementId}' was never done in this instance: reopen it at a step the file went through.", $"“{elementId}”在该流程实例中从未办理过：请选择该件实际经过的环节唤醒。");

        var was = instance.Status.ToString().ToLowerInvariant();
        instance.Status = InstanceStatus.Running;
        instance.EndedAt = null;
        var run = new InstanceRun(this, instance, definition, Actor.Id, cancellationToken);
        run.Journal(definition.Process, "reopened", $"was {was}; at {elementId}: {reason.Trim()}");
        run.ArmEventSubProcesses(null, definition.Process);
        run.EnterWithAssignee(run.NewExecution(null, elementId), task, assignee ?? instance.LastCompleters.GetValueOrDefault(elementId));
        await FinishAsync(run, cancellationToken);
    }
}
