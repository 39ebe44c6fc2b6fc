using ProjectWorkflow.Engine.Model;

namespace ProjectWorkflow.Engine.Runtime;

/// <summary>
/// Compensation (BPMN §10.6) and transactions, as Camunda 7 runs them. An activity with a compensation boundary event
/// that completes leaves a <see cref="CompensationRecord"/> in its scope; a completed sub-process keeps the records of
/// its inside under one of its own. A compensation throw or end event undoes its scope's records — all, last completed
/// first, or those of the activity it names — by starting their handlers (all at once, in that order, as Camunda does);
/// its token waits until every handler has finished. A cancel end event in a transaction stops the transaction's other
/// paths, compensates what the transaction completed, and the token leaves by the transaction's cancel boundary event.
/// </summary>
internal sealed partial class InstanceRun
{
    /// <summary>An activity completed normally: remember how to undo it, if it can be undone.</summary>
    private void RecordCompensation(Execution execution, FlowNode node)
    {
        // On every step's way out: the common case (a task without a compensation handler) leaves at the first test.
        FlowNode? handler = null;
        foreach (var boundary in node.Boundaries)
            if (boundary.Compensation) handler = boundary.CompensationHandler;
        if (handler is null && node is not SubProcess) return;
        if (node.IsForCompensation) return;
        if (node is SubProcess { TriggeredByEvent: true })
        {
            DropCompensations(execution.Id);
            return;
        }
        // The body of a multi-instance activity: each instance recorded itself as it completed.
        if (LoopOf(node) is not null && !execution.IsLoopInstance) return;
        var inner = node is SubProcess && _instance.Compensations.Count > 0 && _instance.Compensations.Exists(r => r.ScopeId == execution.Id);
        // A compensation event sub-process is the sub-process's handler; it runs where the inside can still be undone.
        var eventHandler = handler is null ? CompensationEventSubProcess(node) : null;
        if (handler is null && eventHandler is null && !inner) return;
        var scopeId = (execution.IsLoopInstance ? Parent(execution)?.ParentId : execution.ParentId) ?? ProcessScope;

        var id = _instance.NextId();
        // A sub-process's own handler undoes the whole of it; without one, its inside is undone piece by piece.
        if (handler is not null) DropCompensations(execution.Id);
        else
            foreach (var record in _instance.Compensations)
                if (record.ScopeId == execution.Id) record.ScopeId = id;
        _instance.Compensations.Add(new CompensationRecord
        {
            Id = id, ActivityId = node.Id, HandlerId = (handler ?? eventHandler)?.Id, ScopeId = scopeId, Order = _instance.Sequence,
        });
    }

    private static SubProcess? CompensationEventSubProcess(FlowNode node) =>
        node is SubProcess subProcess ? subProcess.EventSubProcesses.FirstOrDefault(e => e.Trigger is { Compensation: true }) : null;

    /// <summary>
    /// The instance moves to another version: what can still be compensated follows its activities' mapping; an activity
    /// (or its handler) the new version lacks can no longer be compensated, as Camunda drops such subscriptions.
    /// </summary>
    public void MigrateCompensations(Func<string, string> map, ProcessModel target)
    {
        foreach (var record in _instance.Compensations.ToList())
        {
            if (!_instance.Compensations.Contains(record)) continue;
            var activity = map(record.ActivityId);
            var handler = record.HandlerId is { } handlerId ? map(handlerId) : null;
            if (target.NodesById.ContainsKey(activity) && (handler is null || target.NodesById.ContainsKey(handler)))
            {
                record.ActivityId = activity;
                record.HandlerId = handler;
                continue;
            }
            _instance.Compensations.Remove(record);
            DropCompensations(record.Id);
            Journal(record.ActivityId, "activity", "compensationDropped", $"the new version has no '{(target.NodesById.ContainsKey(activity) ? handler : activity)}'");
        }
    }

    /// <summary>A scope ends without completing (interrupted, cancelled): what completed inside it can no longer be compensated.</summary>
    private void DropCompensations(Guid scopeId)
    {
        if (_instance.Compensations.Count == 0) return;
        foreach (var record in _instance.Compensations.Where(r => r.ScopeId == scopeId).ToList())
        {
            _instance.Compensations.Remove(record);
            DropCompensations(record.Id);
        }
    }

    /// <summary>
    /// A compensation throw or end event is reached. True when handlers run and the token waits for them; false when
    /// there was nothing to compensate and the token goes on at once.
    /// </summary>
    private bool ThrowCompensation(Execution thrower, FlowNode node, CompensateDefinition compensate)
    {
        Revocable = false;
        var scope = Parent(thrower);
        // Thrown inside an event sub-process, it compensates the scope around the event sub-process, as in Camunda.
        if (scope is not null && _process.Node(scope.ElementId) is SubProcess { TriggeredByEvent: true }) scope = Parent(scope);
        var records = Collect(scope?.Id ?? ProcessScope, compensate.ActivityRef);
        Journal(node, "compensationThrown", compensate.ActivityRef ?? "all");
        return StartHandlers(thrower, records);
    }

    /// <summary>The records to undo in a scope, last completed first; a sub-process without a handler stands for its inside.</summary>
    private List<CompensationRecord> Collect(Guid scopeId, string? activityId)
    {
        var found = new List<CompensationRecord>();
        var here = _instance.Compensations
            .Where(r => r.ScopeId == scopeId && (activityId is null || r.ActivityId == activityId))
            .OrderByDescending(r => r.Order)
            .ToList();
        foreach (var record in here)
        {
            _instance.Compensations.Remove(record);
            if (record.HandlerId is not null) found.Add(record);
            else found.AddRange(Collect(record.Id, null));
        }
        return found;
    }

    private bool StartHandlers(Execution thrower, List<CompensationRecord> records)
    {
        if (records.Count == 0) return false;
        thrower.State = ExecutionState.Waiting;
        foreach (var record in records)
        {
            var handler = _process.Node(record.HandlerId!);
            Journal(_process.Node(record.ActivityId), "compensating", handler.Id);
            if (handler is SubProcess { TriggeredByEvent: true, Trigger: { } start } eventSubProcess)
            {
                RunCompensationEventSubProcess(thrower, record, eventSubProcess, start);
                continue;
            }
            var execution = NewExecution(thrower.ParentId, handler.Id);
            execution.CompensationOf = thrower.Id;
            Enter(execution, handler);
        }
        return true;
    }

    /// <summary>
    /// The completed sub-process's scope comes back (under its record's id, where what completed inside it is still
    /// remembered) and its compensation event sub-process runs in it; a compensation throw inside undoes that inside.
    /// </summary>
    private void RunCompensationEventSubProcess(Execution thrower, CompensationRecord record, SubProcess eventSubProcess, StartEvent start)
    {
        var scope = new Execution
        {
            Id = record.Id, ParentId = thrower.ParentId, ElementId = record.ActivityId, State = ExecutionState.Scope, CompensationOf = thrower.Id,
        };
        _instance.Executions.Add(scope);
        var body = NewExecution(scope.Id, eventSubProcess.Id);
        body.State = ExecutionState.Scope;
        Journal(eventSubProcess, "entered");
        var token = NewExecution(body.Id, start.Id);
        Journal(start, "entered");
        Leave(token, start);
    }

    /// <summary>A compensation handler finished: when it was the last one its thrower waited for, the thrower goes on.</summary>
    private void FinishHandler(Execution execution, FlowNode handler)
    {
        RemoveBookmarksOf(execution);
        Journal(handler, "left");
        MarkCompleted(handler.Id);
        var throwerId = execution.CompensationOf!.Value;
        DropCompensations(execution.Id);
        RemoveExecution(execution);
        if (_instance.Executions.Exists(e => e.CompensationOf == throwerId)) return;
        if (_instance.FindExecution(throwerId) is not { } thrower)
        {
            CompleteScopeIfEmpty(execution.ParentId);
            return;
        }
        var node = _process.Node(thrower.ElementId);
        Journal(node, "compensated");
        thrower.State = ExecutionState.Active;
        switch (node)
        {
            case EndEvent { Cancel: true } cancel:
                LeaveTransaction(thrower, cancel);
                break;
            case EndEvent end:
                ReachEnd(thrower, end, compensated: true);
                break;
            default:
                Leave(thrower, node);
                break;
        }
    }

    /// <summary>A cancel end event: the transaction's other paths stop, what it completed is compensated, then it is left by its cancel boundary event.</summary>
    private void CancelTransaction(Execution token, EndEvent end)
    {
        Revocable = false;
        var transaction = Parent(token)!;
        Journal(end, "cancelThrown");
        foreach (var other in ChildrenOf(transaction))
        {
            if (other == token || !_instance.Executions.Contains(other)) continue;
            CancelExecution(other, $"the transaction was cancelled by '{end.Id}'", keep: false);
            Journal(_process.Node(other.ElementId), "interrupted", end.Id);
        }
        if (!StartHandlers(token, Collect(transaction.Id, null))) LeaveTransaction(token, end);
    }

    private void LeaveTransaction(Execution token, EndEvent end)
    {
        var transaction = Parent(token)!;
        var node = _process.Node(transaction.ElementId);
        var boundary = node.Boundaries.First(b => b.Cancel);
        CancelExecution(transaction, $"the transaction was cancelled by '{end.Id}'", keep: true);
        Journal(node, "cancelled", end.Id);
        Journal(boundary, "cancelCaught");
        transaction.ElementId = boundary.Id;
        Leave(transaction, boundary);
    }
}
