using ProjectWorkflow.Engine.Definitions;

namespace ProjectWorkflow.Engine.Runtime;

public sealed partial class WorkflowSession
{
    /// <summary>
    /// Moves a running instance to another version of its definition. Element ids map to themselves
    /// unless <paramref name="mapping"/> says otherwise; a mapping that would leave a token, task or
    /// timer on an element the target lacks (or of another kind) is refused, naming each one.
    /// </summary>
    public async Task MigrateAsync(Guid instanceId, ProcessDefinition target, IReadOnlyDictionary<string, string>? mapping, CancellationToken cancellationToken = default)
    {
        var (instance, run) = await OpenRunAsync(instanceId, cancellationToken);
        var source = await DefinitionOfAsync(instance, cancellationToken);
        if (target.Key != source.Key)
            throw WorkflowException.Invalid($"An instance of '{source.Key}' can only move to another version of '{source.Key}', not to '{target.Key}'.", $"流程“{source.Key}”的实例只能迁移到“{source.Key}”的其他版本，不能迁移到“{target.Key}”。");

        var problems = new List<(string English, string Chinese)>();
        string Map(string elementId, string what, string whatZh)
        {
            var to = mapping is not null && mapping.TryGetValue(elementId, out var mapped) ? mapped : elementId;
            var from = source.Process.NodesById.GetValueOrDefault(elementId);
            if (!target.Process.NodesById.TryGetValue(to, out var node))
                problems.Add(($"{what} at '{elementId}' would be stranded: version {target.Version} has no element '{to}'.",
                    $"位于环节“{elementId}”的{whatZh}无法迁移：版本 {target.Version} 中没有环节“{to}”。"));
            else if (from is not null && from.Kind != node.Kind)
                problems.Add(($"{what} at '{elementId}' ({from.Kind}) cannot move to '{to}', which is a {node.Kind}.",
                    $"位于环节“{elementId}”（{from.Kind}）的{whatZh}不能迁移到“{to}”：后者是 {node.Kind}。"));
            return to;
        }

        var executionTargets = instance.Executions.Select(e => Map(e.ElementId, "A token", "令牌")).ToList();
        var taskTargets = instance.Tasks.Select(t => Map(t.ElementId, "The task", "任务")).ToList();
        var bookmarkTargets = instance.Bookmarks.Select(b => Map(b.ElementId, "A timer or message wait", "定时器或消息等待")).ToList();
        if (problems.Count > 0)
        {
            var distinct = problems.Distinct().ToList();
            throw WorkflowException.Invalid(string.Join(" ", distinct.Select(p => p.English)), string.Concat(distinct.Select(p => p.Chinese)));
        }

        for (var i = 0; i < instance.Executions.Count; i++) instance.Executions[i].ElementId = executionTargets[i];
        for (var i = 0; i < instance.Tasks.Count; i++) instance.Tasks[i].ElementId = taskTargets[i];
        for (var i = 0; i < instance.Bookmarks.Count; i++) instance.Bookmarks[i].ElementId = bookmarkTargets[i];
        run.MigrateCompensations(id => mapping is not null && mapping.TryGetValue(id, out var mapped) ? mapped : id, target.Process);

        var fromVersion = instance.Version;
        instance.DefinitionId = target.Id;
        instance.Version = target.Version;
        _definitions.TryAdd(target.Id, target);
        run.Journal(target.Key, "process", "migrated", $"from version {fromVersion} to {target.Version}");
    }
}
