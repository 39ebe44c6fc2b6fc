using System.Text.Json.Nodes;
using ProjectWorkflow.Engine.Definitions;
using ProjectWorkflow.Engine.Expressions;
using ProjectWorkflow.Engine.Model;
using ProjectWorkflow.Engine.ServiceTasks;

namespace ProjectWorkflow.Engine.Runtime;

/// <summary>
/// One command's walk through one instance: tokens enter and leave nodes until every one of them
/// waits or ends. Everything here changes <see cref="ProcessInstance"/> in place and reports what
/// it did as journal entries and effects to the session.
/// </summary>
internal sealed partial class InstanceRun
{
    private readonly WorkflowSession _session;
    private readonly ProcessInstance _instance;
    private readonly ProcessModel _process;
    private readonly Queue<Step> _agenda = new();
    private readonly CancellationToken _cancellationToken;
    private Dictionary<Guid, string>? _assigneeOverrides;
    private bool _inclusiveJoinsWaiting;

    public InstanceRun(WorkflowSession session, ProcessInstance instance, ProcessDefinition definition, string? actor, CancellationToken cancellationToken)
    {
        _session = session;
        _instance = instance;
        _process = definition.Process;
        Actor = actor;
        Now = session.Now;
        _cancellationToken = cancellationToken;
    }

    public string? Actor { get; }
    public DateTimeOffset Now { get; }

    /// <summary>False once the run did something that cannot be taken back by a withdrawal.</summary>
    public bool Revocable { get; private set; } = true;

    public List<Guid> CreatedTaskIds { get; } = [];

    /// <param name="Past">Set when a job continues the step: the asynchronous continuation it has passed.</param>
    private readonly record struct Step(Execution Execution, FlowNode Node, bool Leaving, JobPhase? Past = null);

    public void Enter(Execution execution, FlowNode node) => _agenda.Enqueue(new Step(execution, node, false));

    public void Leave(Execution execution, FlowNode node) => _agenda.Enqueue(new Step(execution, node, true));

    public void EnterWithAssignee(Execution execution, FlowNode node, string? assignee)
    {
        if (assignee is not null) (_assigneeOverrides ??= [])[execution.Id] = assignee;
        Enter(execution, node);
    }

    public async ValueTask RunAsync()
    {
        while (true)
        {
            while (_agenda.TryDequeue(out var step))
            {
                // A step for an execution that was removed meanwhile (cancelled by a boundary, a terminate) is void.
                if (_instance.IsEnded || !_instance.Executions.Contains(step.Execution)) continue;
                using var span = EngineTracing.Step(_instance, step.Node, step.Leaving);
                try
                {
                    if (step.Leaving) LeaveNode(step.Execution, step.Node, step.Past == JobPhase.After);
                    else await EnterNodeAsync(step.Execution, step.Node, step.Past);
                }
                catch (Exception ex) when (ex is not OperationCanceledException && ex is not WorkflowException)
                {
                    EngineTracing.Failed(span, ex);
                    RaiseIncident(step.Execution, step.Node, step.Leaving ? IncidentPhase.Leave : IncidentPhase.Enter, ex);
                }
            }
            if (_inclusiveJoinsWaiting && TryActivateInclusiveJoins()) continue;
            if (_instance.IsEnded || !CheckConditions()) break;
        }
    }

    private async ValueTask EnterNodeAsync(Execution execution, FlowNode node, JobPhase? past = null)
    {
        execution.ElementId = node.Id;
        execution.State = ExecutionState.Active;
        if (node.AsyncBefore && past is null && !execution.IsLoopInstance)
        {
            CreateJob(execution, node, JobPhase.Before);
            return;
        }
        // An end event's asyncAfter job ends the path where the end event was entered (and journaled) already.
        if (past != JobPhase.After) Journal(node, "entered");
        if (past != JobPhase.After) ApplyInputs(execution, node);

        switch (node)
        {
            case StartEvent start:
                // camunda:initiator names the variable that holds who started the instance (null for the system).
                if (start.Initiator is { Length: > 0 } initiator && execution.ParentId is null && _instance.ParentInstanceId is null)
                    _instance.Variables[initiator] = _instance.StartedBy is { } starter && starter != Runtime.Actor.System.Id ? starter : null;
                LeaveNode(execution, node);
                break;
            case EndEvent end when end.AsyncAfter && past != JobPhase.After && !execution.IsLoopInstance:
                CreateJob(execution, end, JobPhase.After);
                break;
            case EndEvent end:
                ReachEnd(execution, end);
                break;
            case Activity looped when looped.MultiInstance is not null && !execution.IsLoopInstance:
                StartLoop(execution, looped);
                break;
            case SubProcess loopedSubProcess when loopedSubProcess.MultiInstance is not null && !execution.IsLoopInstance:
                StartLoop(execution, loopedSubProcess);
                break;
            case UserTask task:
                CreateTask(execution, task);
                break;
            case ServiceTask service:
                await RunServiceTaskAsync(execution, service);
                break;
            case Gateway gateway:
                EnterGateway(execution, gateway);
                break;
            case IntermediateCatchEvent { LinkName: not null } linkTarget:
                LeaveNode(execution, linkTarget);
                break;
            case IntermediateCatchEvent { Conditional: not null } conditionalEvent:
                execution.State = ExecutionState.Waiting;
                CreateCondition(execution, conditionalEvent);
                break;
            case IntermediateCatchEvent catchEvent:
                execution.State = ExecutionState.Waiting;
                CreateBookmark(execution, catchEvent, catchEvent.Timer, catchEvent.Message, catchEvent.Signal);
                break;
            case IntermediateThrowEvent throwEvent:
                ThrowIntermediate(execution, throwEvent);
                break;
            case ReceiveTask receive:
                execution.State = ExecutionState.Waiting;
                if (!execution.IsLoopInstance) AttachBoundaries(execution, receive);
                CreateBookmark(execution, receive, null, receive.Message);
                break;
            case ScriptTask script:
                var value = script.ScriptExpression!.Evaluate(Variables(execution));
                if (script.ResultVariable is { Length: > 0 } result) _instance.Variables[result] = JsonValueOf(value);
                LeaveNode(execution, script);
                break;
            case SendTask send:
                SendMessage(execution, send, send.Message!);
                LeaveNode(execution, send);
                break;
            case SubProcess subProcess:
                EnterSubProcess(execution, subProcess);
                break;
            case CallActivity call:
                await CallAsync(execution, call);
                break;
            default:
                LeaveNode(execution, node);
                break;
        }
    }

    private async ValueTask RunServiceTaskAsync(Execution execution, ServiceTask service)
    {
        Revocable = false;
        var topic = service.Topic ?? "";
        if (!_session.Engine.ServiceTasks.TryGet(topic, out var handler))
        {
            if (!_session.Engine.Options.ExternalWorkers)
                throw new InvalidOperationException($"No handler is registered for the service task topic '{topic}'.");
            CreateExternalTask(execution, service, topic);
            return;
        }
        var context = new ServiceTaskContext(_instance.Id, _instance.BusinessKey, _instance.DefinitionKey, service.Id, topic, _instance.Variables, _session.Services,
            execution.Local);
        try
        {
            await handler.ExecuteAsync(context, _cancellationToken);
        }
        catch (BpmnErrorException error)
        {
            RaiseFromHandler(execution, service, error);
            return;
        }
        LeaveNode(execution, service);
    }

    private async ValueTask CallAsync(Execution execution, CallActivity call)
    {
        Revocable = false;
        execution.State = ExecutionState.Waiting;
        if (!execution.IsLoopInstance) AttachBoundaries(execution, call);
        var childId = _instance.NextChildInstanceId();
        execution.ChildInstanceId = childId;
        var calledKey = call.CalledElementExpression is { } expression
            ? Text(expression.Evaluate(Variables(execution))) ?? throw new InvalidOperationException($"The called element '{call.CalledElement}' evaluated to nothing.")
            : call.CalledElement ?? "";
        var (variables, businessKey) = call.MapsVariables ? MapIn(execution, call) : (WithLocals(execution), _instance.BusinessKey);
        await _session.StartChildAsync(_instance, execution, calledKey, childId, businessKey, variables, _cancellationToken);
    }

    /// <summary>Every variable, and for one instance of a multi-instance call its element variable and loopCounter too.</summary>
    private JsonObject WithLocals(Execution execution)
    {
        if (execution.Local is not { Count: > 0 } local) return _instance.Variables;
        var all = (JsonObject)_instance.Variables.DeepClone();
        foreach (var (name, value) in local) all[name] = value?.DeepClone();
        return all;
    }

    /// <summary>The call activity's child ended: its variables come back and the token moves on.</summary>
    public void ResumeFromChild(Execution execution, JsonObject childVariables)
    {
        var call = _process.Node(execution.ElementId) as CallActivity;
        SetVariables(call is { MapsVariables: true } ? MapOut(call, childVariables) : childVariables);
        execution.ChildInstanceId = null;
        Leave(execution, _process.Node(execution.ElementId));
    }

    /// <summary>camunda:in: only what the mappings name goes into the called instance, and the business key only when mapped.</summary>
    private (JsonObject Variables, string? BusinessKey) MapIn(Execution execution, CallActivity call)
    {
        var variables = Variables(execution);
        var result = new JsonObject();
        foreach (var mapping in call.In)
        {
            if (mapping.All)
            {
                foreach (var (name, value) in _instance.Variables) result[name] = value?.DeepClone();
            }
            else if (mapping.SourceParsed is { } expression) result[mapping.Target!] = JsonValueOf(expression.Evaluate(variables));
            else result[mapping.Target!] = variables.TryGetVariable(mapping.Source!, out var value) ? JsonValueOf(value) : null;
        }
        string? businessKey = null;
        if (call.BusinessKey is { } key)
            businessKey = Definitions.ActivityRules.IsCallersBusinessKey(key) ? _instance.BusinessKey : Text(call.BusinessKeyExpression?.Evaluate(variables));
        return (result, businessKey);
    }

    /// <summary>camunda:out: only what the mappings name comes back from the completed called instance.</summary>
    private static JsonObject MapOut(CallActivity call, JsonObject childVariables)
    {
        var child = new ExecutionVariables(new ProcessInstance { Variables = childVariables }, null);
        var result = new JsonObject();
        foreach (var mapping in call.Out)
        {
            if (mapping.All)
            {
                foreach (var (name, value) in childVariables) result[name] = value?.DeepClone();
            }
            else if (mapping.SourceParsed is { } expression) result[mapping.Target!] = JsonValueOf(expression.Evaluate(child));
            else result[mapping.Target!] = childVariables.TryGetPropertyValue(mapping.Source!, out var value) ? value?.DeepClone() : null;
        }
        return result;
    }

    /// <summary>Take the way out of a node: which flows depends on the node kind.</summary>
    private void LeaveNode(Execution execution, FlowNode node, bool pastAsync = false)
    {
        if (execution.CompensationOf is not null)
        {
            // A compensation handler (or the scope a compensation event sub-process ran in) is done.
            if (!pastAsync && node.IsForCompensation) ApplyOutputs(execution, node);
            FinishHandler(execution, node);
            return;
        }
        if (!pastAsync) ApplyOutputs(execution, node);
        if (!pastAsync) RecordCompensation(execution, node);
        if (node.AsyncAfter && !pastAsync && !execution.IsLoopInstance)
        {
            // The node is done here (its boundary events stop waiting); the job chooses and takes the way out.
            RemoveBookmarksOf(execution);
            MarkCompleted(node.Id);
            CreateJob(execution, node, JobPhase.After);
            return;
        }
        if (execution.IsLoopInstance)
        {
            CompleteLoopInstance(execution, node);
            return;
        }

        var flows = ChooseOutgoing(execution, node);
        RemoveBookmarksOf(execution);
        execution.State = ExecutionState.Active;
        Journal(node, "left");
        MarkCompleted(node.Id);

        if (flows.Count == 0)
        {
            RemoveExecution(execution);
            CompleteScopeIfEmpty(execution.ParentId);
            return;
        }

        for (var i = 0; i < flows.Count; i++)
        {
            var flow = flows[i];
            var token = i == 0 ? execution : NewExecution(execution.ParentId, node.Id);
            token.ArrivedVia = flow.Id;
            if (!_instance.TakenFlowIds.Contains(flow.Id)) _instance.TakenFlowIds.Add(flow.Id);
            Journal(flow.Id, "sequenceFlow", "taken", null);
            Enter(token, flow.Target);
        }
    }

    private List<SequenceFlow> ChooseOutgoing(Execution execution, FlowNode node)
    {
        var outgoing = node.Outgoing;
        var chosen = new List<SequenceFlow>(outgoing.Count);
        switch (node)
        {
            case ParallelGateway:
                chosen.AddRange(outgoing);
                return chosen;
            case ExclusiveGateway gateway:
                foreach (var flow in outgoing)
                {
                    if (flow == gateway.DefaultFlow) continue;
                    if (IsTrue(execution, flow))
                    {
                        chosen.Add(flow);
                        return chosen;
                    }
                }
                if (gateway.DefaultFlow is { } fallback)
                {
                    chosen.Add(fallback);
                    return chosen;
                }
                if (outgoing.Count > 0) throw NoPath(gateway);
                return chosen;
            case InclusiveGateway gateway:
                foreach (var flow in outgoing)
                    if (flow != gateway.DefaultFlow && IsTrue(execution, flow)) chosen.Add(flow);
                if (chosen.Count == 0 && gateway.DefaultFlow is { } otherwise) chosen.Add(otherwise);
                if (chosen.Count == 0 && outgoing.Count > 0) throw NoPath(gateway);
                return chosen;
            default:
                foreach (var flow in outgoing)
                    if (IsTrue(execution, flow)) chosen.Add(flow);
                if (chosen.Count == 0 && outgoing.Count > 0) throw NoPath(node);
                return chosen;
        }
    }

    /// <summary>
    /// No outgoing flow can be taken: as in Camunda, the command that got here is refused (nothing of it is
    /// kept) rather than a stuck instance stored; the caller corrects its variables and tries again.
    /// </summary>
    private static WorkflowException NoPath(FlowNode node) => WorkflowException.Unprocessable(
        $"No outgoing flow of {node.Kind} '{node.Id}'{(node.Name is { } name ? $" ({name})" : "")} has a true condition and there is no default flow, so the process cannot go on. Nothing was changed; correct the variables the conditions read and try again.", $"{node.Kind} “{node.Id}”{(node.Name is null ? "" : $"（{node.Name}）")}的流出顺序流均不满足条件，且没有默认流，流程无法继续。未作任何更改；请修正条件所用的变量后重试。");

    private bool IsTrue(Execution execution, SequenceFlow flow) =>
        flow.Condition is not { } condition || condition.EvaluateCondition(Variables(execution));

    public ExecutionVariables Variables(Execution? execution) => new(_instance, execution);

    private void MarkCompleted(string elementId)
    {
        if (!_instance.CompletedElementIds.Contains(elementId)) _instance.CompletedElementIds.Add(elementId);
    }

    public Execution NewExecution(Guid? parentId, string elementId)
    {
        var execution = new Execution { Id = _instance.NextId(), ParentId = parentId, ElementId = elementId };
        _instance.Executions.Add(execution);
        return execution;
    }

    private void RemoveExecution(Execution execution) => _instance.Executions.Remove(execution);

    public void Journal(FlowNode node, string @event, string? detail = null) => Journal(node.Id, node.Kind, @event, detail);

    public void Journal(string elementId, string kind, string @event, string? detail) =>
        _session.AddJournal(new JournalEntry(_instance.Id, ++_instance.Sequence, Now, elementId, kind, @event, Actor, detail));

    private void RaiseIncident(Execution execution, FlowNode node, IncidentPhase phase, Exception ex)
    {
        // Inside a job nothing is kept of a failure: the whole run is thrown away and the try counted instead.
        if (_job is { } job) throw new JobFailedException(_instance.Id, job.Id, node.Id, ex);
        var kind = ex switch
        {
            ExpressionEvaluationException => "expression",
            _ when node is ServiceTask => "serviceTask",
            _ => "failure",
        };
        Fault(execution, node, kind, ex.Message, phase);
    }

    /// <summary>Stops the execution at <paramref name="node"/> with an incident an operator retries; the instance is faulted.</summary>
    private void Fault(Execution execution, FlowNode node, string kind, string message, IncidentPhase phase)
    {
        execution.State = ExecutionState.Failed;
        var incident = new Incident
        {
            Id = _instance.NextId(),
            ExecutionId = execution.Id,
            ElementId = node.Id,
            Kind = kind,
            Message = message,
            Phase = phase,
            CreatedAt = Now,
        };
        _instance.Incidents.Add(incident);
        _instance.Status = InstanceStatus.Faulted;
        Journal(node, "incident", message);
        _session.AddEffect(new IncidentRaised(_instance.Id, incident));
    }

    /// <summary>Runs the failed step again, with any variables the operator corrected.</summary>
    public void Retry(Incident incident)
    {
        _instance.Incidents.Remove(incident);
        if (_instance.Incidents.Count == 0 && _instance.Status == InstanceStatus.Faulted) _instance.Status = InstanceStatus.Running;
        var execution = _instance.FindExecution(incident.ExecutionId)
            ?? throw WorkflowException.Conflict("The execution that failed no longer exists; the incident cannot be retried.", "出错的执行流已不存在，该故障无法重试。");
        var node = _process.Node(incident.ElementId);
        Journal(node, "retried");
        execution.State = ExecutionState.Active;
        if (incident.Kind == FailedExternalTaskIncident
            && _instance.Bookmarks.Find(b => b.Kind == BookmarkKind.ExternalTask && b.ExecutionId == execution.Id) is { } externalTask)
        {
            // As Camunda does when an operator sets an external task's retries again: workers may fetch it once more.
            execution.State = ExecutionState.Waiting;
            externalTask.Retries = 1;
            externalTask.DueAt = null;
            return;
        }
        if (incident.Kind == FailedJobIncident)
        {
            // As Camunda does when an operator gives a failed job new retries: the job runs again, on its own.
            CreateJob(execution, node, incident.Phase == IncidentPhase.Leave ? JobPhase.After : JobPhase.Before);
            return;
        }
        if (incident.Phase == IncidentPhase.Leave) Leave(execution, node);
        else Enter(execution, node);
    }
}

