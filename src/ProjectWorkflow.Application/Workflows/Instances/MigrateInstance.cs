using ProjectWorkflow.Application.Persistence;
using ProjectWorkflow.Application.Validation;
using ProjectWorkflow.Engine.Runtime;

namespace ProjectWorkflow.Application.Workflows.Instances;

public sealed record MigrateInstanceRequest(int? ToVersion, Dictionary<string, string>? Mapping);

/// <summary>Moves a running instance to another version of its process.</summary>
public sealed class MigrateInstance(ProjectWorkflowDbContext db, DefinitionCatalog catalog, WorkflowCommands commands)
{
    public async Task HandleAsync(Guid instanceId, MigrateInstanceRequest request, Actor actor, CancellationToken cancellationToken)
    {
        if (request.ToVersion is not > 0)
            throw InvalidRequestException.For("toVersion", "Name the version to move to (a whole number from 1).", "请填写要迁移到的版本号（从 1 开始的整数）。");
        await commands.RunAsync(actor, async session =>
        {
            var instance = await session.GetInstanceAsync(instanceId, cancellationToken);
            var target = await catalog.FindVersionAsync(db, instance.DefinitionKey, request.ToVersion.Value, cancellationToken)
                ?? throw WorkflowException.NotFound($"Process '{instance.DefinitionKey}' has no version {request.ToVersion}.", $"流程“{instance.DefinitionKey}”没有第 {request.ToVersion} 版。");
            await session.MigrateAsync(instanceId, target, request.Mapping, cancellationToken);
        }, cancellationToken);
    }
}
