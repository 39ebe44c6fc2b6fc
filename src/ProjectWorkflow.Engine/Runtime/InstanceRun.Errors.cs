using ProjectWorkflow.Engine.Model;
using ProjectWorkflow.Engine.ServiceTasks;

namespace ProjectWorkflow.Engine.Runtime;

/// <summary>
/// BPMN errors (§10.5.3): thrown by an error end event or a service task's handler, caught by the nearest error
/// boundary event with that code (or with none) — on the activity itself, then on each enclosing sub-process, then
/// on the call activity that called this instance, and so on up. The activity that catches it is interrupted and
/// the token leaves by the boundary event.
/// </summary>
internal sealed partial class InstanceRun
{
    /// <param name="from">The execution that throws: the token at an error end event, or the service task's own.</param>
    /// <param name="thrower">The node that throws.</param>
    private void ThrowError(Execution from, FlowNode thrower, string code, string? message)
    {
        Revocable = false;
        Journal(thrower, "errorThrown", message is null ? code : $"{code}: {message}");
        // An end event's token sits inside its scope; a service task (or a call activity) is itself the first catcher.
        var current = thrower is EndEvent ? Parent(from) : from;
        // One instance of a multi-instance activity: its boundary events sit on the whole (the body), so the walk
        // passes the instance by for boundaries (a sub-process instance's event sub-processes are asked, though).
        // The execution the error came up from: an event sub-process does not catch what it threw itself.
        Execution? below = from;
        while (true)
        {
            // A scope's event sub-processes are asked before its own boundary events, as in Camunda.
            if ((current is null || _process.Node(current.ElementId) is SubProcess) && ScopeNode(current) is { } scope
                && ErrorEventSubProcess(scope, code, below?.ElementId) is var (eventSubProcess, start))
            {
                Journal(start, "errorCaught", code);
                StartEventSubProcess(current, eventSubProcess, start);
                return;
            }
            if (current is null) break;
            var activity = _process.Node(current.ElementId);
            if (!current.IsLoopInstance && Catcher(activity, code) is { } boundary)
            {
                CancelExecution(current, $"BPMN error '{code}' caught by {boundary.Kind} '{boundary.Id}'", keep: true);
                Journal(activity, "interrupted", boundary.Id);
                Journal(boundary, "errorCaught", code);
                current.ElementId = boundary.Id;
                Leave(current, boundary);
                return;
            }
            below = current;
            current = Parent(current);
        }

        if (_instance.ParentInstanceId is not null)
        {
            // Not caught here: this called instance ends, and its caller's call activity gets the error.
            EndInstance(InstanceStatus.Cancelled, $"BPMN error '{code}' passed to the calling process", resumeParent: false, errorCode: code);
            return;
        }

        if (thrower is EndEvent end)
        {
            // Uncaught at the top, an error end event ends its path like a none end event, as in Camunda 7.
            Journal(end, "errorUncaught", code);
            RemoveExecution(from);
            CompleteScopeIfEmpty(from.ParentId);
            return;
        }
        // Raised by a service task (or passed up to a call activity) and caught nowhere: that branch stops with an
        // incident, so a person decides (retrying runs the step again).
        RaiseIncident(from, thrower, IncidentPhase.Enter,
            new InvalidOperationException($"The BPMN error '{code}' raised at {thrower.Kind} '{thrower.Id}' is caught by no error boundary event{(message is null ? "" : $" ({message})")}."));
    }

    private Execution? Parent(Execution execution) => execution.ParentId is { } id ? _instance.FindExecution(id) : null;

    // A boundary naming this exact code wins over one that catches every error.
    private static BoundaryEvent? Catcher(FlowNode activity, string code) =>
        activity.Boundaries.FirstOrDefault(b => b.Error is { Code: { } c } && c == code)
        ?? activity.Boundaries.FirstOrDefault(b => b.Error is { ErrorRef: null });

    /// <summary>The called instance ended with a BPMN error nobody caught there: it is thrown at the call activity.</summary>
    public void CatchErrorFromChild(Execution execution, string code)
    {
        execution.ChildInstanceId = null;
        ThrowError(execution, _process.Node(execution.ElementId), code, "from the called instance");
    }

    /// <summary>
    /// An escalation (§10.5.4) goes up from the thrower's scope to the nearest escalation boundary event with its code
    /// (or with none) on an enclosing sub-process, then on the call activity that called this instance, and so on up.
    /// An interrupting one stops that activity and the token leaves by it; a non-interrupting one sends a new token
    /// out and the thrower goes on. Caught nowhere, nothing happens but the journal entry, as in Camunda.
    /// </summary>
    /// <returns>True when the throwing token was taken away (an interrupting catch of a scope around it).</returns>
    private bool ThrowEscalation(Execution from, FlowNode thrower, string code)
    {
        Revocable = false;
        Journal(thrower, "escalationThrown", code);
        return CatchEscalation(Parent(from), code, thrower);
    }

    private bool CatchEscalation(Execution? current, string code, FlowNode thrower)
    {
        Execution? below = null;
        while (true)
        {
            // A scope's event sub-processes are asked before its own boundary events, as in Camunda.
            if ((current is null || _process.Node(current.ElementId) is SubProcess) && ScopeNode(current) is { } scope
                && EscalationEventSubProcess(scope, code, below?.ElementId) is var (eventSubProcess, start))
            {
                Journal(start, "escalationCaught", code);
                StartEventSubProcess(current, eventSubProcess, start);
                return start.IsInterrupting;
            }
            if (current is null) break;
            var activity = _process.Node(current.ElementId);
            var boundary = current.IsLoopInstance ? null
                : activity.Boundaries.FirstOrDefault(b => b.Escalation is { Code: { } c } && c == code)
                  ?? activity.Boundaries.FirstOrDefault(b => b.Escalation is { EscalationRef: null });
            if (boundary is not null)
            {
                Journal(boundary, "escalationCaught", code);
                if (!boundary.CancelActivity)
                {
                    Leave(NewExecution(current.ParentId, boundary.Id), boundary);
                    return false;
                }
                CancelExecution(current, $"escalation '{code}' caught by {boundary.Kind} '{boundary.Id}'", keep: true);
                Journal(activity, "interrupted", boundary.Id);
                current.ElementId = boundary.Id;
                Leave(current, boundary);
                return true;
            }
            below = current;
            current = Parent(current);
        }
        if (_instance.ParentInstanceId is { } parent)
            _session.EscalateAtParentLater(parent, _instance.ParentExecutionId!.Value, code);
        else
            Journal(thrower, "escalationUncaught", code);
        return false;
    }

    /// <summary>A called instance threw an escalation nobody caught inside it: the call activity is the first to ask.</summary>
    public void CatchEscalationFromChild(Execution execution, string code) =>
        CatchEscalation(execution, code, _process.Node(execution.ElementId));

    private void RaiseFromHandler(Execution execution, ServiceTask service, BpmnErrorException error) =>
        ThrowError(execution, service, error.ErrorCode, error.Message);
}
