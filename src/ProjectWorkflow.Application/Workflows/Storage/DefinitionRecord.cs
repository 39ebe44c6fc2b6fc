namespace ProjectWorkflow.Application.Workflows.Storage;

/// <summary>A deployed definition version: the bytes as deployed, immutable.</summary>
public sealed class DefinitionRecord
{
    /// <summary><c>key:version</c>, the id instances are pinned to.</summary>
    public string Id { get; set; } = "";
    public string Key { get; set; } = "";
    public int Version { get; set; }
    public string? Name { get; set; }
    public string ContentHash { get; set; } = "";
    public byte[] Content { get; set; } = [];
    public DateTimeOffset DeployedAt { get; set; }
    public string? DeployedBy { get; set; }
}
