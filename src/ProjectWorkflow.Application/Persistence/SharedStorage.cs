using Microsoft.Extensions.Configuration;

namespace ProjectWorkflow.Application.Persistence;

/// <summary>
/// Where files every node must see are kept (uploaded attachments, under <c>uploads/</c>): <c>Storage:SharedDirectory</c>,
/// a folder all nodes mount (an NFS share, a ReadWriteMany volume), or the node's own <c>DataDirectory</c> when unset —
/// which is right only for the embedded run on one machine. Stored paths are relative to it, so a share can move.
/// </summary>
public static class SharedStorage
{
    public const string ConfigurationKey = "Storage:SharedDirectory";

    public static bool IsConfigured(IConfiguration configuration) => !string.IsNullOrWhiteSpace(configuration[ConfigurationKey]);

    /// <summary>The absolute path of the shared folder (created if missing, for the app's user only), or the data directory.</summary>
    public static string Resolve(IConfiguration configuration) =>
        IsConfigured(configuration)
            ? DataDirectory.CreatePrivate(configuration[ConfigurationKey]!)
            : DataDirectory.Resolve(configuration);
}
