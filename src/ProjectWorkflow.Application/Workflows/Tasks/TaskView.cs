namespace ProjectWorkflow.Application.Workflows.Tasks;

/// <summary>A task as the inbox shows it.</summary>
public sealed record TaskView(
    Guid Id,
    Guid InstanceId,
    string ElementId,
    string? Name,
    string? Assignee,
    string? Owner,
    IReadOnlyList<string> CandidateGroups,
    IReadOnlyList<string> CandidateUsers,
    DateTimeOffset? DueAt,
    string? FormKey,
    DateTimeOffset CreatedAt,
    string? BusinessKey,
    string DefinitionKey,
    DateTimeOffset? OverdueSince,
    string? FormRef = null);
