namespace ProjectWorkflow.Application.Workflows.Storage;

/// <summary>
/// A drawing an administrator saved in the designer without deploying it: one per process key (the latest wins),
/// with who saved it and when. It never runs; deploying is a separate step.
/// </summary>
public sealed class DefinitionDraftRecord
{
    public string Key { get; set; } = "";
    public string? Name { get; set; }
    public byte[] Content { get; set; } = [];
    public string? SavedBy { get; set; }
    public DateTimeOffset SavedAt { get; set; }
}
