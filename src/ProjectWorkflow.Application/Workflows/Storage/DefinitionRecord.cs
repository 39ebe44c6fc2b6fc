namespace ProjectWorkflow.Application.Workflows.Storage;

/// <summary>A deployed definition version: the bytes as deployed, immutable; only its approval moves.</summary>
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

    /// <summary><see cref="DefinitionStatuses"/>: only an active version is started by new instances, applications and call activities.</summary>
    public string Status { get; set; } = DefinitionStatuses.Active;

    /// <summary>The second administrator who approved (or rejected) a pending version, when, and why it was rejected.</summary>
    public string? ReviewedBy { get; set; }
    public DateTimeOffset? ReviewedAt { get; set; }
    public string? ReviewReason { get; set; }
}

public static class DefinitionStatuses
{
    public const string Active = "active";

    /// <summary>A new version of a process money depends on, waiting for a second administrator.</summary>
    public const string PendingApproval = "pending-approval";
    public const string Rejected = "rejected";
}
