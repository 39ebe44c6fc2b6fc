using System.Text.Json.Nodes;

namespace ProjectWorkflow.Application.Workflows.Instances;

public sealed record IncidentView(Guid Id, string ElementId, string Kind, string Message, DateTimeOffset CreatedAt);

/// <summary>An instance as the API shows it.</summary>
public sealed record InstanceView(
    Guid Id,
    string DefinitionKey,
    int Version,
    string? BusinessKey,
    string Status,
    JsonObject Variables,
    IReadOnlyList<string> ActiveElementIds,
    IReadOnlyList<string> CompletedElementIds,
    IReadOnlyList<string> TakenFlowIds,
    IReadOnlyList<IncidentView> Incidents,
    DateTimeOffset StartedAt,
    DateTimeOffset? EndedAt,
    Guid? ParentInstanceId);
