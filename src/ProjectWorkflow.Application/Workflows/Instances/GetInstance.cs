using System.Text.Json;
using ProjectWorkflow.Engine.Runtime;

namespace ProjectWorkflow.Application.Workflows.Instances;

/// <summary>Where an instance stands: status, variables, where its tokens are, what it has done.</summary>
public sealed class GetInstance(InstanceAccess access)
{
    public async Task<InstanceView> HandleAsync(Guid instanceId, Actor actor, CancellationToken cancellationToken)
    {
        var record = await access.RequireReadableAsync(instanceId, actor, cancellationToken);
        var instance = JsonSerializer.Deserialize<ProcessInstance>(record.State, RuntimeJson.Options)!;
        return ToView(instance, record.Status);
    }

    public static InstanceView ToView(ProcessInstance instance, string status) => new(
        instance.Id,
        instance.DefinitionKey,
        instance.Version,
        instance.BusinessKey,
        status,
        instance.Variables,
        ActiveElements(instance),
        instance.CompletedElementIds,
        instance.TakenFlowIds,
        instance.Incidents.Select(i => new IncidentView(i.Id, i.ElementId, i.Kind, i.Message, i.CreatedAt)).ToList(),
        instance.StartedAt,
        instance.EndedAt,
        instance.ParentInstanceId);

    /// <summary>Elements holding a token that waits: tasks, catch events, joins, failed steps, scopes.</summary>
    private static List<string> ActiveElements(ProcessInstance instance) =>
        instance.Executions.Where(e => e.State != ExecutionState.Active || instance.Tasks.Exists(t => t.ExecutionId == e.Id))
            .Select(e => e.ElementId).Distinct().ToList();
}
