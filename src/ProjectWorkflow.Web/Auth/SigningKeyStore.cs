using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;
using ProjectWorkflow.Application.Persistence;

namespace ProjectWorkflow.Web.Auth;

/// <summary>
/// The key that signs our tokens: <c>Auth:SigningKey</c>, or, for a developer or the
/// embedded SQLite run, a random key generated once and kept in the data directory so
/// tokens survive a restart. Never a key committed to the repository.
/// </summary>
public sealed class SigningKeyStore(
    IOptions<AuthSettings> settings, IHostEnvironment environment, IConfiguration configuration, ILogger<SigningKeyStore> logger)
{
    public const int MinimumKeyBytes = 32;
    private const string KeyFileName = "jwt-signing.key";

    private readonly Lazy<SymmetricSecurityKey> _key = new(() => Load(settings.Value, environment, configuration, logger));

    public SymmetricSecurityKey Key => _key.Value;

    /// <summary>Null when a key is available; otherwise what the operator must configure.</summary>
    public static string? Problem(AuthSettings settings, IHostEnvironment environment, IConfiguration configuration)
    {
        if (settings.UsesExternalProvider)
            return null;
        if (!string.IsNullOrEmpty(settings.SigningKey))
            return Encoding.UTF8.GetByteCount(settings.SigningKey) >= MinimumKeyBytes
                ? null
                : $"Auth:SigningKey must be at least {MinimumKeyBytes} bytes long.";
        return MayGenerate(environment, configuration)
            ? null
            : "Auth:SigningKey is not set. Set it (at least 32 characters, the same on every node), "
              + "or set Auth:Authority and Auth:Audience to use an external OpenID Connect provider.";
    }

    private static bool MayGenerate(IHostEnvironment environment, IConfiguration configuration) =>
        environment.IsDevelopment()
        || DatabaseProvider.Normalise(configuration["Database:Provider"]) == DatabaseProvider.Sqlite;

    private static SymmetricSecurityKey Load(
        AuthSettings settings, IHostEnvironment environment, IConfiguration configuration, ILogger logger)
    {
        if (!string.IsNullOrEmpty(settings.SigningKey))
            return new SymmetricSecurityKey(Encoding.UTF8.GetBytes(settings.SigningKey));

        if (Problem(settings, environment, configuration) is { } problem)
            throw new InvalidOperationException(problem);

        var folder = Path.Combine(DataDirectory.Resolve(configuration), "keys");
        DataDirectory.CreatePrivate(folder);
        var path = Path.Combine(folder, KeyFileName);
        if (!File.Exists(path))
        {
            try
            {
                var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
                if (!OperatingSystem.IsWindows())
                    options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
                using var writer = new StreamWriter(path, Encoding.ASCII, options);
                writer.Write(Convert.ToBase64String(RandomNumberGenerator.GetBytes(64)));
                logger.LogInformation("Generated a token signing key in {Path} (set Auth:SigningKey outside development)", path);
            }
            catch (IOException) when (File.Exists(path))
            {
                // Another process created it first: use theirs.
            }
        }
        return new SymmetricSecurityKey(Convert.FromBase64String(File.ReadAllText(path).Trim()));
    }
}
