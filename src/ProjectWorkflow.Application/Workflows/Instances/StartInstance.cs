using System.Text.Json.Nodes;
using ProjectWorkflow.Application.Persistence;
using ProjectWorkflow.Application.Validation;
using ProjectWorkflow.Engine.Runtime;

namespace ProjectWorkflow.Application.Workflows.Instances;

public sealed record StartInstanceRequest(string? DefinitionKey, int? Version, string? BusinessKey, JsonObject? Variables);

public sealed record StartedInstance(Guid Id, string Status);

/// <summary>Starts a process: the latest version unless one is named.</summary>
public sealed class StartInstance(ProjectWorkflowDbContext db, DefinitionCatalog catalog, WorkflowCommands commands)
{
    public async Task<StartedInstance> HandleAsync(StartInstanceRequest request, Actor actor, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(request.DefinitionKey))
            throw InvalidRequestException.For("definitionKey", "Name the process to start (its definition key).", "请填写要启动的流程（流程标识）。");
        if (request.Version is <= 0)
            throw InvalidRequestException.For("version", "A version is a whole number from 1; leave it out for the latest.", "版本号为从 1 开始的整数；不填则启动最新版本。");
        if (request.BusinessKey is { Length: > 255 })
            throw InvalidRequestException.For("businessKey", "The business key is at most 255 characters.", "业务编号最多 255 个字符。");

        var definition = request.Version is { } version
            ? await catalog.FindVersionAsync(db, request.DefinitionKey, version, cancellationToken)
            : await catalog.FindLatestAsync(db, request.DefinitionKey, cancellationToken);
        if (definition is null)
            throw WorkflowException.NotFound(request.Version is null
                ? $"No process '{request.DefinitionKey}' is deployed."
                : $"Process '{request.DefinitionKey}' has no version {request.Version}.",
                request.Version is null
                ? $"流程“{request.DefinitionKey}”尚未部署。"
                : $"流程“{request.DefinitionKey}”没有第 {request.Version} 版。");

        var instance = await commands.RunAsync(actor,
            session => session.StartAsync(definition, Guid.NewGuid(), request.BusinessKey, request.Variables, cancellationToken: cancellationToken),
            cancellationToken);
        return new StartedInstance(instance.Id, instance.Status.ToString().ToLowerInvariant());
    }
}
