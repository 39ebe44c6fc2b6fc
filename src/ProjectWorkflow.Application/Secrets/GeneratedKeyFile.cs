using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using ProjectWorkflow.Application.Persistence;

namespace ProjectWorkflow.Application.Secrets;

/// <summary>
/// A secret that a developer or the embedded SQLite run may generate for itself: random bytes written once
/// to <c>DataDirectory/keys/</c> (readable by the app's user only) and read back on every start, so what it
/// signs survives a restart. Anywhere else the secret must be configured: it never comes from the repository.
/// </summary>
public static class GeneratedKeyFile
{
    /// <summary>Development, or the embedded SQLite run (one machine, its data directory is the deployment).</summary>
    public static bool MayGenerate(IHostEnvironment environment, IConfiguration configuration) =>
        environment.IsDevelopment()
        || DatabaseProvider.Normalise(configuration["Database:Provider"]) == DatabaseProvider.Sqlite;

    public static string PathOf(IConfiguration configuration, string fileName) =>
        Path.Combine(DataDirectory.Resolve(configuration), "keys", fileName);

    /// <summary>The key in <paramref name="fileName"/>, generated first if there is none yet (another process may win the race: its key is used).</summary>
    public static byte[] LoadOrCreate(IConfiguration configuration, string fileName, int bytes, ILogger logger, string settingToUseInstead)
    {
        var path = PathOf(configuration, fileName);
        DataDirectory.CreatePrivate(Path.GetDirectoryName(path)!);
        if (!File.Exists(path))
        {
            try
            {
                var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
                if (!OperatingSystem.IsWindows())
                    options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
                using var writer = new StreamWriter(path, Encoding.ASCII, options);
                writer.Write(Convert.ToBase64String(RandomNumberGenerator.GetBytes(bytes)));
                logger.LogInformation("Generated a key in {Path} (set {Setting} outside development)", path, settingToUseInstead);
            }
            catch (IOException) when (File.Exists(path))
            {
                // Another process created it first: use theirs.
            }
        }
        return Convert.FromBase64String(File.ReadAllText(path).Trim());
    }
}
