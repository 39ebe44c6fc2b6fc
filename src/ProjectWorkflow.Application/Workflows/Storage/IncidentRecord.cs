namespace ProjectWorkflow.Application.Workflows.Storage;

/// <summary>An incident, kept after it is resolved so operators can see what failed and when.</summary>
public sealed class IncidentRecord
{
    public Guid Id { get; set; }
    public Guid InstanceId { get; set; }
    public string ElementId { get; set; } = "";
    public string Kind { get; set; } = "";
    public string Message { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? ResolvedAt { get; set; }
}
