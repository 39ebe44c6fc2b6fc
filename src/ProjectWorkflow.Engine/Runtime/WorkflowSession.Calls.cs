using System.Text.Json.Nodes;

namespace ProjectWorkflow.Engine.Runtime;

/// <summary>Call activities: a parent waits for a child instance, and hears when it ends.</summary>
public sealed partial class WorkflowSession
{
    private abstract record FollowUp;
    private sealed record ResumeParent(Guid ParentId, Guid ExecutionId, JsonObject? Variables, EndedFromOutside? Stopped) : FollowUp;
    internal sealed record EndedFromOutside(InstanceStatus Status, string Reason);
    private sealed record CancelChild(Guid ChildId, string Reason) : FollowUp;
    private sealed record BroadcastSignal(string Name) : FollowUp;
    private sealed record EscalationAtParent(Guid ParentId, Guid ExecutionId, string Code) : FollowUp;

    internal void EscalateAtParentLater(Guid parentId, Guid executionId, string code) =>
        _followUps.Enqueue(new EscalationAtParent(parentId, executionId, code));

    /// <summary>How many signal deliveries one command may make: a model whose catchers throw the signal again would never stop.</summary>
    public const int MaxSignalDeliveries = 10_000;

    private int _signalDeliveries;

    internal void BroadcastLater(string name) => _followUps.Enqueue(new BroadcastSignal(name));

    /// <summary>
    /// Broadcasts a signal, as Camunda's signal throw does: every event of every running instance that waits for the
    /// name fires (in this command), and every process whose latest version has a signal start event of that name starts
    /// an instance there. Returns how many events fired and instances started.
    /// </summary>
    public async Task<int> BroadcastSignalAsync(string name, JsonObject? variables, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(name)) throw WorkflowException.Invalid("Name the signal.", "请指定信号名称。");
        var reached = await DeliverSignalAsync(name, variables, cancellationToken);
        await RunFollowUpsAsync(cancellationToken);
        return reached;
    }

    private async Task<int> DeliverSignalAsync(string name, JsonObject? variables, CancellationToken cancellationToken)
    {
        var ids = (await _store.FindInstancesWaitingForSignalAsync(name, cancellationToken)).ToHashSet();
        foreach (var held in _touched.Values)
            if (held.Bookmarks.Exists(b => b.Kind == BookmarkKind.Signal && b.MessageName == name)) ids.Add(held.Id);
        var reached = 0;
        foreach (var id in ids.Order())
        {
            var instance = await GetInstanceAsync(id, cancellationToken);
            if (instance.IsEnded) continue;
            var waiting = instance.Bookmarks.Where(b => b.Kind == BookmarkKind.Signal && b.MessageName == name).ToList();
            if (waiting.Count == 0) continue;
            var (_, run) = await OpenRunAsync(id, cancellationToken);
            foreach (var bookmark in waiting)
            {
                // An earlier catcher of this instance may have interrupted the scope this one waits in.
                if (!instance.Bookmarks.Contains(bookmark)) continue;
                if (++_signalDeliveries > MaxSignalDeliveries)
                    throw WorkflowException.Unprocessable($"The signal '{name}' was delivered more than {MaxSignalDeliveries} times in one command; the processes seem to throw it back and forth. Nothing was changed.", $"信号 '{name}' 在一次操作中投递超过 {MaxSignalDeliveries} 次，相关流程似乎在相互反复抛出该信号。未做任何更改。");
                run.Fire(bookmark, variables);
                reached++;
            }
            await run.RunAsync();
        }
        foreach (var definition in await _store.FindLatestDefinitionsAsync(cancellationToken))
        {
            foreach (var start in definition.Process.Nodes.OfType<Model.StartEvent>().Where(s => s.Signal is { } signal && signal.Name == name))
            {
                if (++_signalDeliveries > MaxSignalDeliveries)
                    throw WorkflowException.Unprocessable($"The signal '{name}' started more than {MaxSignalDeliveries} instances in one command. Nothing was changed.", $"信号 '{name}' 在一次操作中启动了超过 {MaxSignalDeliveries} 个流程实例。未做任何更改。");
                await StartAsync(definition, Guid.NewGuid(), null, variables, start.Id, cancellationToken);
                reached++;
            }
        }
        return reached;
    }
    private sealed record ErrorAtParent(Guid ParentId, Guid ExecutionId, string Code) : FollowUp;

    internal async ValueTask StartChildAsync(ProcessInstance parent, Execution execution, string calledKey, Guid childId,
        string? businessKey, JsonObject variables, CancellationToken cancellationToken)
    {
        var depth = 1;
        for (var p = parent; p.ParentInstanceId is { } up && depth <= Engine.Options.MaxCallDepth; depth++)
            p = await GetInstanceAsync(up, cancellationToken);
        if (depth > Engine.Options.MaxCallDepth)
            throw new InvalidOperationException($"Call activities are nested deeper than {Engine.Options.MaxCallDepth}: is a process calling itself?");

        var definition = await _store.FindLatestDefinitionAsync(calledKey, cancellationToken)
            ?? throw new InvalidOperationException($"The called process '{calledKey}' is not deployed.");
        var child = NewInstance(definition, childId, businessKey, variables);
        child.ParentInstanceId = parent.Id;
        child.ParentExecutionId = execution.Id;
        var run = new InstanceRun(this, child, definition, Actor.Id, cancellationToken);
        run.Journal(definition.Process, "started", $"called by {parent.Id}");
        var start = definition.Process.NoneStart
            ?? throw new InvalidOperationException($"The called process '{calledKey}' has no start event.");
        run.ArmEventSubProcesses(null, definition.Process);
        run.Enter(run.NewExecution(null, start.Id), start);
        await run.RunAsync();
    }

    internal void ResumeParentLater(Guid parentId, Guid executionId, JsonObject? variables, EndedFromOutside? stopped) =>
        _followUps.Enqueue(new ResumeParent(parentId, executionId, variables, stopped));

    internal void ThrowErrorAtParentLater(Guid parentId, Guid executionId, string code) =>
        _followUps.Enqueue(new ErrorAtParent(parentId, executionId, code));

    internal void CancelChildLater(Guid childId, string reason) => _followUps.Enqueue(new CancelChild(childId, reason));

    private async Task RunFollowUpsAsync(CancellationToken cancellationToken)
    {
        while (_followUps.TryDequeue(out var followUp))
        {
            switch (followUp)
            {
                case ResumeParent resume:
                {
                    var parent = await GetInstanceAsync(resume.ParentId, cancellationToken);
                    if (parent.IsEnded) break;
                    var execution = parent.FindExecution(resume.ExecutionId);
                    if (execution?.ChildInstanceId is null) break; // the parent stopped waiting (interrupted) meanwhile
                    var (_, run) = await OpenRunAsync(parent.Id, cancellationToken);
                    // As in Camunda 7, a called instance cancelled or terminated from outside takes its caller
                    // with it (and so on up the hierarchy); the caller's journal names the called instance.
                    if (resume.Stopped is { } stopped) run.EndInstance(stopped.Status, stopped.Reason, resumeParent: false);
                    else run.ResumeFromChild(execution, resume.Variables ?? []);
                    await run.RunAsync();
                    break;
                }
                case ErrorAtParent error:
                {
                    var parent = await GetInstanceAsync(error.ParentId, cancellationToken);
                    if (parent.IsEnded) break;
                    var execution = parent.FindExecution(error.ExecutionId);
                    if (execution?.ChildInstanceId is null) break;
                    var (_, run) = await OpenRunAsync(parent.Id, cancellationToken);
                    run.CatchErrorFromChild(execution, error.Code);
                    await run.RunAsync();
                    break;
                }
                case EscalationAtParent escalation:
                {
                    var parent = await GetInstanceAsync(escalation.ParentId, cancellationToken);
                    if (parent.IsEnded) break;
                    var execution = parent.FindExecution(escalation.ExecutionId);
                    if (execution?.ChildInstanceId is null) break;
                    var (_, run) = await OpenRunAsync(parent.Id, cancellationToken);
                    run.CatchEscalationFromChild(execution, escalation.Code);
                    await run.RunAsync();
                    break;
                }
                case BroadcastSignal signal:
                    await DeliverSignalAsync(signal.Name, null, cancellationToken);
                    break;
                case CancelChild cancel:
                {
                    var child = await GetInstanceAsync(cancel.ChildId, cancellationToken);
                    if (child.IsEnded) break;
                    var (_, run) = await OpenRunAsync(child.Id, cancellationToken);
                    run.EndInstance(InstanceStatus.Cancelled, cancel.Reason, resumeParent: false);
                    await run.RunAsync();
                    break;
                }
            }
        }
    }
}
