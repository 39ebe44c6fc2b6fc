using System.Text.Json.Nodes;
using ProjectWorkflow.Engine.Model;

namespace ProjectWorkflow.Engine.Runtime;

/// <summary>
/// Camunda's external tasks: a service task whose topic no handler here serves waits for a worker that fetches and locks
/// it by topic, then completes it, reports a failure (retries and a retry timeout; at no retries left, an incident), or
/// raises a BPMN error; it may extend or give up its lock. A lock that expires lets another worker fetch the task.
/// </summary>
internal sealed partial class InstanceRun
{
    /// <summary>The incident of an external task whose worker reported it failed with no retries left.</summary>
    public const string FailedExternalTaskIncident = "failedExternalTask";

    private void CreateExternalTask(Execution execution, ServiceTask service, string topic)
    {
        execution.State = ExecutionState.Waiting;
        if (!execution.IsLoopInstance) AttachBoundaries(execution, service);
        _instance.Bookmarks.Add(new Bookmark
        {
            Id = _instance.NextId(),
            Kind = BookmarkKind.ExternalTask,
            ExecutionId = execution.Id,
            ElementId = service.Id,
            MessageName = topic,
            Priority = PriorityOf(execution, service),
        });
        Journal(service, "externalTaskCreated", topic);
    }

    private long? PriorityOf(Execution execution, ServiceTask service)
    {
        if (service.TaskPriorityExpression is { } expression)
        {
            var value = expression.Evaluate(Variables(execution));
            return value switch
            {
                null => null,
                long number => number,
                int number => number,
                double number when number == Math.Floor(number) => (long)number,
                decimal number when number == decimal.Floor(number) => (long)number,
                string text when long.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, out var parsed) => parsed,
                _ => throw new InvalidOperationException($"The task priority '{service.TaskPriority ?? _process.TaskPriority}' gave '{value}', which is not a whole number."),
            };
        }
        var constant = (service.TaskPriority ?? _process.TaskPriority)?.Trim();
        return string.IsNullOrEmpty(constant) ? null : long.Parse(constant, System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>An operator sets the retries (Camunda's PUT retries): above 0 an open failure incident is resolved and workers may fetch it again; 0 raises one.</summary>
    public void SetExternalTaskRetries(Bookmark task, int retries)
    {
        var execution = ExecutionOf(task);
        var node = _process.Node(task.ElementId);
        task.Retries = retries;
        Journal(node, "externalTaskRetriesSet", retries.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var incident = _instance.Incidents.Find(i => i.ExecutionId == execution.Id && i.Kind == FailedExternalTaskIncident);
        if (retries > 0 && incident is not null)
        {
            _instance.Incidents.Remove(incident);
            if (_instance.Incidents.Count == 0 && _instance.Status == InstanceStatus.Faulted) _instance.Status = InstanceStatus.Running;
            execution.State = ExecutionState.Waiting;
            task.DueAt = null;
            Journal(node, "incidentResolved", incident.Id.ToString("D"));
        }
        else if (retries == 0 && incident is null)
        {
            task.WorkerId = null;
            task.DueAt = null;
            Fault(execution, node, FailedExternalTaskIncident,
                $"The retries of the external task of {node.Kind} '{node.Id}' (topic '{task.MessageName}') were set to 0.", IncidentPhase.Enter);
        }
    }

    public void SetExternalTaskPriority(Bookmark task, long priority)
    {
        task.Priority = priority;
        Journal(_process.Node(task.ElementId), "externalTaskPrioritySet", priority.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    /// <summary>The variables a worker gets with a locked task: the process's, with the task's own (inputs, loop locals) first.</summary>
    public JsonObject VariablesFor(Bookmark task) =>
        _instance.FindExecution(task.ExecutionId) is { } execution ? (JsonObject)WithLocals(execution).DeepClone() : [];

    public void LockExternalTask(Bookmark task, string workerId, TimeSpan duration)
    {
        task.WorkerId = workerId;
        task.DueAt = Now + duration;
        Journal(_process.Node(task.ElementId), "externalTaskLocked", workerId);
    }

    public void ExtendExternalTaskLock(Bookmark task, TimeSpan duration)
    {
        task.DueAt = Now + duration;
        Journal(_process.Node(task.ElementId), "externalTaskLockExtended", task.WorkerId);
    }

    public void UnlockExternalTask(Bookmark task)
    {
        Journal(_process.Node(task.ElementId), "externalTaskUnlocked", task.WorkerId);
        task.WorkerId = null;
        task.DueAt = null;
    }

    /// <summary>The worker is done: its variables are set, and the token leaves the service task (outputs mapped).</summary>
    public void CompleteExternalTask(Bookmark task, JsonObject? variables, JsonObject? localVariables)
    {
        Revocable = false;
        var execution = ExecutionOf(task);
        var node = _process.Node(task.ElementId);
        _instance.Bookmarks.Remove(task);
        if (localVariables is { Count: > 0 })
        {
            execution.Local ??= [];
            foreach (var (name, value) in localVariables) execution.Local[name] = value?.DeepClone();
        }
        SetVariables(variables);
        Journal(node, "externalTaskCompleted", task.WorkerId);
        Leave(execution, node);
    }

    /// <summary>
    /// The worker failed: with retries left the lock is released and the task may be fetched again after the retry
    /// timeout; with none left an incident stops the branch until an operator retries it.
    /// </summary>
    public void FailExternalTask(Bookmark task, string? message, int retries, TimeSpan retryTimeout)
    {
        var execution = ExecutionOf(task);
        var node = _process.Node(task.ElementId);
        task.LastError = message;
        task.Retries = Math.Max(0, retries);
        Journal(node, "externalTaskFailed", $"{task.WorkerId}: {message} ({task.Retries} retries left)");
        task.WorkerId = null;
        if (task.Retries > 0)
        {
            task.DueAt = retryTimeout > TimeSpan.Zero ? Now + retryTimeout : null;
            return;
        }
        task.DueAt = null;
        Fault(execution, node, FailedExternalTaskIncident,
            $"The external task of {node.Kind} '{node.Id}' (topic '{task.MessageName}') failed with no retries left: {message}", IncidentPhase.Enter);
    }

    /// <summary>The worker raised a BPMN error: the task ends and the error goes to the nearest catcher, as a handler's would.</summary>
    public void ExternalTaskBpmnError(Bookmark task, string code, string? message, JsonObject? variables)
    {
        var execution = ExecutionOf(task);
        var node = _process.Node(task.ElementId);
        _instance.Bookmarks.Remove(task);
        SetVariables(variables);
        ThrowError(execution, node, code, message);
    }

    private Execution ExecutionOf(Bookmark task) => _instance.FindExecution(task.ExecutionId)
        ?? throw WorkflowException.Conflict($"The execution of the external task at '{task.ElementId}' no longer exists.", $"环节“{task.ElementId}”处外部任务的执行流已不存在。");
}
