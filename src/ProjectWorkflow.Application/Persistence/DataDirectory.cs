using Microsoft.Extensions.Configuration;

namespace ProjectWorkflow.Application.Persistence;

/// <summary>Where the embedded run keeps its SQLite file, generated keys and uploads.</summary>
public static class DataDirectory
{
    public const string ConfigurationKey = "DataDirectory";
    public const string Default = "data";

    /// <summary>The absolute path from <c>DataDirectory</c> (default <c>./data</c>), created if missing.</summary>
    public static string Resolve(IConfiguration configuration)
    {
        var configured = configuration[ConfigurationKey];
        var path = Path.GetFullPath(string.IsNullOrWhiteSpace(configured) ? Default : configured);
        Directory.CreateDirectory(path);
        return path;
    }
}
