using ProjectWorkflow.Engine.Model;

namespace ProjectWorkflow.Engine.Runtime;

/// <summary>Instance modification: tokens cancelled and started by an operator, journaled with the reason.</summary>
internal sealed partial class InstanceRun
{
    public void Modify(IReadOnlyList<string> cancel, IReadOnlyList<FlowNode> startBefore, string reason)
    {
        foreach (var elementId in cancel)
            foreach (var execution in _instance.Executions.Where(e => e.ElementId == elementId).ToList())
                if (_instance.Executions.Contains(execution)) CancelExecution(execution, $"moved by an operator: {reason}", keep: false);

        Journal(_process, "modified",
            $"cancelled [{string.Join(", ", cancel)}]; started before [{string.Join(", ", startBefore.Select(n => n.Id))}]; {reason}");
        foreach (var node in startBefore)
        {
            Guid? scope = node.Scope is ProcessModel
                ? null
                : _instance.Executions.First(e => e.ElementId == node.Scope.Id && e.State == ExecutionState.Scope).Id;
            Enter(NewExecution(scope, node.Id), node);
        }
        if (_instance.Incidents.Count == 0 && _instance.Status == InstanceStatus.Faulted) _instance.Status = InstanceStatus.Running;
    }
}
