using ProjectWorkflow.Engine.Model;

namespace ProjectWorkflow.Engine.Runtime;

public sealed partial class WorkflowSession
{
    /// <summary>
    /// Instance modification (跳转): cancels every token at the elements of <paramref name="cancel"/> (their tasks, timers,
    /// incidents and called instances with them) and starts a token before each element of <paramref name="startBefore"/>,
    /// which then runs as if it had arrived there. An element inside a sub-process starts in that sub-process's live scope.
    /// Refused, naming each problem, when an element does not exist, holds no token to cancel, cannot be started before
    /// (a start or boundary event; a sub-process element with no live scope), or when nothing would be left running.
    /// </summary>
    public async Task ModifyAsync(Guid instanceId, IReadOnlyList<string> cancel, IReadOnlyList<string> startBefore, string reason,
        CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(reason)) throw WorkflowException.Invalid("Give a reason: it is kept in the journal.", "请填写原因，原因将记入流程日志。");
        if (cancel.Count == 0 && startBefore.Count == 0)
            throw WorkflowException.Invalid("Name at least one element to cancel the tokens of, or to start a token before.", "请至少指定一个要取消令牌的环节，或一个要在其之前启动令牌的环节。");
        var (instance, run) = await OpenRunAsync(instanceId, cancellationToken);
        var process = (await DefinitionOfAsync(instance, cancellationToken)).Process;

        var problems = new List<(string English, string Chinese)>();
        foreach (var elementId in cancel.Distinct(StringComparer.Ordinal))
        {
            if (!process.NodesById.ContainsKey(elementId))
                problems.Add(($"There is no element '{elementId}' to cancel.", $"没有环节“{elementId}”，无法取消其令牌。"));
            else if (!instance.Executions.Exists(e => e.ElementId == elementId))
                problems.Add(($"No token is at '{elementId}'.", $"环节“{elementId}”处没有令牌。"));
        }
        var starts = new List<FlowNode>();
        foreach (var elementId in startBefore)
        {
            if (!process.NodesById.TryGetValue(elementId, out var node))
                problems.Add(($"There is no element '{elementId}' to start before.", $"没有环节“{elementId}”，无法在其之前启动令牌。"));
            else if (node is BoundaryEvent or StartEvent)
                problems.Add(($"A token cannot be started before the {node.Kind} '{elementId}': start before the activity or event after it.",
                    $"不能在 {node.Kind}“{elementId}”之前启动令牌：请在其后的活动或事件之前启动。"));
            else if (node.Scope is not ProcessModel && !instance.Executions.Exists(e => e.ElementId == node.Scope.Id && e.State == ExecutionState.Scope
                                                                                       && !cancel.Contains(node.Scope.Id)))
                problems.Add(($"'{elementId}' lies in the sub-process '{node.Scope.Id}', which is not running: start before the sub-process instead.",
                    $"环节“{elementId}”位于子流程“{node.Scope.Id}”中，而该子流程未在运行：请改为在该子流程之前启动。"));
            else starts.Add(node);
        }
        if (starts.Count == 0 && problems.Count == 0 && instance.Executions.Where(e => e.ParentId is null).All(e => cancel.Contains(e.ElementId)))
            problems.Add(("This would leave the instance with no token: to stop it, cancel or terminate the instance instead.",
                "这样操作后流程实例将没有任何令牌：如要停止该实例，请改为取消或终止流程实例。"));
        if (problems.Count > 0)
            throw WorkflowException.Invalid(string.Join(" ", problems.Select(p => p.English)), string.Concat(problems.Select(p => p.Chinese)));

        run.Modify(cancel, starts, reason.Trim());
        await FinishAsync(run, cancellationToken);
    }
}
