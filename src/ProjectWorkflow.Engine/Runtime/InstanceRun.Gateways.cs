using ProjectWorkflow.Engine.Model;

namespace ProjectWorkflow.Engine.Runtime;

internal sealed partial class InstanceRun
{
    private void EnterGateway(Execution execution, Gateway gateway)
    {
        if (gateway is EventBasedGateway)
        {
            // The token waits at the gateway for each event after it; the first to happen takes it (Fire).
            execution.State = ExecutionState.Waiting;
            foreach (var flow in gateway.Outgoing)
                if (flow.Target is IntermediateCatchEvent target) CreateBookmark(execution, target, target.Timer, target.Message, target.Signal);
            return;
        }
        if (!gateway.IsJoin || gateway is ExclusiveGateway)
        {
            LeaveNode(execution, gateway);
            return;
        }

        execution.State = ExecutionState.Joining;
        if (gateway is InclusiveGateway)
        {
            // Whether an inclusive join may fire depends on every other token: decided once the agenda is empty.
            _inclusiveJoinsWaiting = true;
            return;
        }

        // Parallel join: fire when a token has arrived on every incoming flow.
        var waiting = JoiningAt(gateway, execution.ParentId);
        var firstPerFlow = new Dictionary<string, Execution>(StringComparer.Ordinal);
        foreach (var token in waiting)
            firstPerFlow.TryAdd(token.ArrivedVia ?? "", token);
        foreach (var incoming in gateway.Incoming)
            if (!firstPerFlow.ContainsKey(incoming.Id)) return;

        Execution? survivor = null;
        foreach (var incoming in gateway.Incoming)
        {
            var token = firstPerFlow[incoming.Id];
            if (survivor is null) survivor = token;
            else RemoveExecution(token);
        }
        Journal(gateway, "joined", $"{gateway.Incoming.Count} branches");
        LeaveNode(survivor!, gateway);
    }

    private List<Execution> JoiningAt(FlowNode gateway, Guid? parentId)
    {
        var list = new List<Execution>();
        foreach (var e in _instance.Executions)
            if (e.State == ExecutionState.Joining && e.ParentId == parentId && e.ElementId == gateway.Id) list.Add(e);
        return list;
    }

    /// <summary>
    /// Fires each inclusive join that no other live token in its scope can still reach
    /// (BPMN 2.0 §13.4.3). Returns true when one fired, so the agenda runs again.
    /// </summary>
    private bool TryActivateInclusiveJoins()
    {
        _inclusiveJoinsWaiting = false;
        foreach (var candidate in _instance.Executions.ToList())
        {
            if (candidate.State != ExecutionState.Joining) continue;
            if (_process.Node(candidate.ElementId) is not InclusiveGateway gateway) continue;
            if (!_instance.Executions.Contains(candidate)) continue;

            var waiting = JoiningAt(gateway, candidate.ParentId);
            if (AnotherTokenCanReach(gateway, candidate.ParentId)) 
            {
                _inclusiveJoinsWaiting = true;
                continue;
            }

            foreach (var token in waiting)
                if (token != candidate) RemoveExecution(token);
            Journal(gateway, "joined", $"{waiting.Count} branches");
            candidate.State = ExecutionState.Active;
            Leave(candidate, gateway);
            return true;
        }
        return false;
    }

    private bool AnotherTokenCanReach(FlowNode gateway, Guid? parentId)
    {
        foreach (var token in _instance.Executions)
        {
            if (token.ParentId != parentId) continue;
            if (token.ElementId == gateway.Id && token.State == ExecutionState.Joining) continue;
            if (CanReach(_process.Node(token.ElementId), gateway)) return true;
        }
        return false;
    }

    private static bool CanReach(FlowNode from, FlowNode target)
    {
        var seen = new HashSet<FlowNode>();
        var stack = new Stack<FlowNode>();
        stack.Push(from);
        while (stack.TryPop(out var node))
        {
            if (!seen.Add(node)) continue;
            if (node == target) return true;
            foreach (var flow in node.Outgoing) stack.Push(flow.Target);
            foreach (var boundary in node.Boundaries) stack.Push(boundary);
        }
        return false;
    }
}
