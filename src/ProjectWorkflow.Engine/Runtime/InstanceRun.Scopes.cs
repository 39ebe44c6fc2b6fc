using ProjectWorkflow.Engine.Model;

namespace ProjectWorkflow.Engine.Runtime;

/// <summary>Sub-processes, end events, and how an instance or a scope ends.</summary>
internal sealed partial class InstanceRun
{
    private void EnterSubProcess(Execution scope, SubProcess subProcess)
    {
        scope.State = ExecutionState.Scope;
        // One instance of a multi-instance sub-process: its boundary events sit on the whole (the body).
        if (!scope.IsLoopInstance) AttachBoundaries(scope, subProcess);
        ArmEventSubProcesses(scope, subProcess);
        var start = subProcess.NoneStart
            ?? throw new InvalidOperationException($"The sub-process '{subProcess.Id}' has no start event.");
        Enter(NewExecution(scope.Id, start.Id), start);
    }

    private void ReachEnd(Execution execution, EndEvent end, bool compensated = false)
    {
        if (end.Cancel)
        {
            MarkCompleted(end.Id);
            CancelTransaction(execution, end);
            return;
        }
        // A compensation end event: its token waits for the handlers, then ends its path here (FinishHandler).
        if (!compensated && end.Compensate is { } compensate && ThrowCompensation(execution, end, compensate)) return;
        MarkCompleted(end.Id);
        if (end.Message is { } message) SendMessage(execution, end, message);
        if (end.Signal is { } signal) ThrowSignal(execution, end, signal);
        Journal(end, "left");
        if (end.Escalation is { Code: { } escalation } && ThrowEscalation(execution, end, escalation)) return;
        if (end.Error is { Code: { } code })
        {
            ThrowError(execution, end, code, null);
            return;
        }
        if (!end.Terminate)
        {
            RemoveExecution(execution);
            CompleteScopeIfEmpty(execution.ParentId);
            return;
        }

        Revocable = false;
        if (execution.ParentId is null)
        {
            // As in Camunda, a terminate end event completes the instance; the terminate is in the journal.
            // Terminated stays for an administrator's act (终止).
            Journal(end, "terminated", "every other path of the instance was ended");
            EndInstance(InstanceStatus.Completed, $"terminate end event '{end.Id}'", resumeParent: true);
            return;
        }
        // A terminate end event inside a sub-process ends that sub-process only.
        var scope = _instance.FindExecution(execution.ParentId.Value)!;
        foreach (var other in ChildrenOf(scope)) CancelExecution(other, $"terminate end event '{end.Id}'", keep: false);
        CompleteScopeIfEmpty(scope.Id);
    }

    private void CompleteScopeIfEmpty(Guid? scopeId)
    {
        foreach (var e in _instance.Executions)
            if (e.ParentId == scopeId) return;

        if (scopeId is null)
        {
            EndInstance(InstanceStatus.Completed, null, resumeParent: true);
            return;
        }
        var scope = _instance.FindExecution(scopeId.Value)!;
        if (scope.State != ExecutionState.Scope) return;
        scope.State = ExecutionState.Active;
        Leave(scope, _process.Node(scope.ElementId));
    }

    public List<Execution> ChildrenOf(Execution scope)
    {
        var children = new List<Execution>();
        foreach (var e in _instance.Executions)
            if (e.ParentId == scope.Id) children.Add(e);
        return children;
    }

    /// <summary>
    /// Stops an execution and everything under it: tasks leave the inboxes, timers are dropped,
    /// child instances are cancelled. With <paramref name="keep"/> the execution itself stays, as a bare token.
    /// </summary>
    public void CancelExecution(Execution execution, string reason, bool keep)
    {
        foreach (var inner in ChildrenOf(execution)) CancelExecution(inner, reason, keep: false);

        for (var i = _instance.Tasks.Count - 1; i >= 0; i--)
            if (_instance.Tasks[i].ExecutionId == execution.Id) CancelTask(_instance.Tasks[i], reason);
        RemoveBookmarksOf(execution);
        DropCompensations(execution.Id);
        _instance.Incidents.RemoveAll(incident => incident.ExecutionId == execution.Id);
        if (execution.ChildInstanceId is { } child)
        {
            _session.CancelChildLater(child, reason);
            execution.ChildInstanceId = null;
        }

        if (keep)
        {
            execution.State = ExecutionState.Active;
            execution.Loop = null;
            execution.IsLoopInstance = false;
        }
        else
        {
            RemoveExecution(execution);
        }
    }

    /// <summary>Ends the whole instance: completed normally, or terminated / cancelled with a reason.</summary>
    public void EndInstance(InstanceStatus status, string? reason, bool resumeParent, string? errorCode = null)
    {
        foreach (var execution in _instance.Executions.ToList())
            if (execution.ParentId is null && _instance.Executions.Contains(execution))
                CancelExecution(execution, reason ?? "the process ended", keep: false);
        _instance.Executions.Clear();
        RemoveProcessScopeBookmarks();
        _instance.Incidents.Clear();
        _instance.Compensations.Clear();
        _instance.Status = status;
        _instance.EndedAt = Now;
        _instance.WithdrawPoint = null;
        Revocable = false;
        Journal(_process, status.ToString().ToLowerInvariant(), reason);
        _session.AddEffect(new InstanceEnded(_instance.Id, _instance.DefinitionKey, _instance.BusinessKey, status));
        if (_instance.ParentInstanceId is not { } parent) return;
        // A called process that ended by itself hands back to its caller; one stopped from outside ends its caller
        // the same way, as Camunda 7 does (a caller that stopped waiting meanwhile is left alone).
        if (errorCode is not null) _session.ThrowErrorAtParentLater(parent, _instance.ParentExecutionId!.Value, errorCode);
        else if (resumeParent) _session.ResumeParentLater(parent, _instance.ParentExecutionId!.Value, _instance.Variables, null);
        else _session.ResumeParentLater(parent, _instance.ParentExecutionId!.Value, null,
            new WorkflowSession.EndedFromOutside(status, $"the called instance {_instance.Id} was {status.ToString().ToLowerInvariant()}: {reason}"));
    }
}
