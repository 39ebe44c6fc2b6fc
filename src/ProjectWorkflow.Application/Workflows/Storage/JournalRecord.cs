namespace ProjectWorkflow.Application.Workflows.Storage;

/// <summary>One journal line; append-only.</summary>
public sealed class JournalRecord
{
    public long Id { get; set; }
    public Guid InstanceId { get; set; }
    public long Sequence { get; set; }
    public DateTimeOffset At { get; set; }
    public string ElementId { get; set; } = "";
    public string Kind { get; set; } = "";
    public string Event { get; set; } = "";
    public string? Actor { get; set; }
    public string? Detail { get; set; }
}
