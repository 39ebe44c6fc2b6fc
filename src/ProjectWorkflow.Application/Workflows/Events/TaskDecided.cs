using System.Text.Json.Nodes;

namespace ProjectWorkflow.Application.Workflows.Events;

/// <summary>
/// Someone completed a user task: a stage of the file was decided. <paramref name="Outcome"/> holds the
/// variables they submitted with it (e.g. <c>districtOutcome</c>), null when they submitted none.
/// </summary>
public sealed record TaskDecided(
    Guid InstanceId,
    string DefinitionKey,
    string? BusinessKey,
    Guid TaskId,
    string ElementId,
    string Actor,
    JsonObject? Outcome,
    DateTimeOffset DecidedAt);
