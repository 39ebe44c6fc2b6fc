namespace ProjectWorkflow.Application.Workflows.Storage;

/// <summary>
/// A process instance: searchable columns, plus its whole engine state (tokens, variables, open tasks,
/// bookmarks) as one JSON document that is read and written whole under optimistic concurrency.
/// </summary>
public sealed class InstanceRecord
{
    public Guid Id { get; set; }
    public string DefinitionId { get; set; } = "";
    public string DefinitionKey { get; set; } = "";
    public int Version { get; set; }
    public string? BusinessKey { get; set; }
    public string Status { get; set; } = "";
    public DateTimeOffset StartedAt { get; set; }
    public DateTimeOffset? EndedAt { get; set; }
    public string? StartedBy { get; set; }
    public Guid? ParentInstanceId { get; set; }
    public string State { get; set; } = "";

    /// <summary>Bumped on every save; a save against a stale revision fails instead of overwriting.</summary>
    public long Revision { get; set; }
}
