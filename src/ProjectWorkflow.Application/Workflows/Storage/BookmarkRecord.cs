namespace ProjectWorkflow.Application.Workflows.Storage;

/// <summary>A timer or message wait, findable by due time or by message name and key.</summary>
public sealed class BookmarkRecord
{
    public Guid Id { get; set; }
    public Guid InstanceId { get; set; }
    public string Kind { get; set; } = "";
    public string ElementId { get; set; } = "";
    public DateTimeOffset? DueAt { get; set; }
    public string? MessageName { get; set; }
    public string? CorrelationKey { get; set; }
}
