using Microsoft.Extensions.Configuration;

namespace ProjectWorkflow.Application.Persistence;

/// <summary>
/// Where the embedded run keeps its SQLite file, generated keys and uploads. On Linux and macOS the folders it creates
/// are readable by the app's own user only (0700), and so are the files kept in them (see <see cref="SqliteFile"/>).
/// </summary>
public static class DataDirectory
{
    public const string ConfigurationKey = "DataDirectory";
    public const string Default = "data";

    public const UnixFileMode PrivateFolder = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
    public const UnixFileMode PrivateFile = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    /// <summary>The absolute path from <c>DataDirectory</c> (default <c>./data</c>), created if missing.</summary>
    public static string Resolve(IConfiguration configuration)
    {
        var configured = configuration[ConfigurationKey];
        var path = Path.GetFullPath(string.IsNullOrWhiteSpace(configured) ? Default : configured);
        CreatePrivate(path);
        return path;
    }

    /// <summary>Creates <paramref name="path"/> (and missing parents) for the app's user only; an existing folder is left as it is.</summary>
    public static string CreatePrivate(string path)
    {
        path = Path.GetFullPath(path);
        if (Directory.Exists(path))
            return path;
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(path);
            return path;
        }
        // Parent by parent: the mode given to CreateDirectory applies to the last folder only.
        if (Path.GetDirectoryName(path) is { } parent && !Directory.Exists(parent))
            CreatePrivate(parent);
        Directory.CreateDirectory(path, PrivateFolder);
        return path;
    }
}
