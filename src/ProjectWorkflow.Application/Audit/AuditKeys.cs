using System.Security.Cryptography;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ProjectWorkflow.Application.Secrets;

namespace ProjectWorkflow.Application.Audit;

/// <summary><c>Audit:CurrentKeyId</c> and <c>Audit:Keys:&lt;keyId&gt;</c> (base64, at least 32 bytes each).</summary>
public sealed class AuditKeySettings
{
    public const string Section = "Audit";

    public string? CurrentKeyId { get; set; }
    public Dictionary<string, string> Keys { get; set; } = new(StringComparer.Ordinal);
}

/// <summary>
/// The keys that sign the audit chain and the ledger's checksums. They live outside the database (configuration
/// or a secret store mapped into it), so someone who can write the database cannot recompute a hash. New entries
/// are signed with the current key; every entry names its key, so a rotated-out key stays configured for
/// verification. A developer or the embedded SQLite run gets a key generated once into <c>DataDirectory/keys/</c>.
/// </summary>
public sealed class AuditKeys
{
    public const int MinimumKeyBytes = 32;
    public const string GeneratedKeyId = "local";
    private const string KeyFileName = "audit-hmac.key";

    private readonly Lazy<(string Current, IReadOnlyDictionary<string, byte[]> All)> keys;

    public AuditKeys(IOptions<AuditKeySettings> settings, IHostEnvironment environment, IConfiguration configuration, ILogger<AuditKeys> logger) =>
        keys = new(() => Load(settings.Value, environment, configuration, logger));

    /// <summary>For tests and tools: a fixed set of keys.</summary>
    public AuditKeys(string currentKeyId, IReadOnlyDictionary<string, byte[]> all) => keys = new((currentKeyId, all));

    public string CurrentKeyId => keys.Value.Current;

    public byte[] Current => keys.Value.All[CurrentKeyId];

    public bool TryGet(string keyId, out byte[] key)
    {
        if (keys.Value.All.TryGetValue(keyId, out var found))
        {
            key = found;
            return true;
        }
        key = [];
        return false;
    }

    /// <summary>
    /// The ledger checksum's key for <paramref name="keyId"/>: derived from the audit key, so one secret is set and
    /// rotated, yet a ledger checksum can never be passed off as an audit hash or the other way round.
    /// </summary>
    public bool TryGetLedgerKey(string keyId, out byte[] key)
    {
        if (!TryGet(keyId, out var audit))
        {
            key = [];
            return false;
        }
        key = HMACSHA256.HashData(audit, "ProjectWorkflow ledger checksum"u8);
        return true;
    }

    public byte[] CurrentLedgerKey => TryGetLedgerKey(CurrentKeyId, out var key) ? key : throw new InvalidOperationException("No current audit key.");

    /// <summary>Null when the keys are usable; otherwise what the operator must set, in words.</summary>
    public static string? Problem(AuditKeySettings settings, IHostEnvironment environment, IConfiguration configuration)
    {
        foreach (var (id, value) in settings.Keys)
        {
            if (string.IsNullOrWhiteSpace(value)) continue;
            if (Decode(value) is not { Length: >= MinimumKeyBytes })
                return $"Audit:Keys:{id} must be base64 of at least {MinimumKeyBytes} random bytes (e.g. `openssl rand -base64 32`).";
        }
        if (!string.IsNullOrWhiteSpace(settings.CurrentKeyId))
            return settings.Keys.TryGetValue(settings.CurrentKeyId, out var current) && !string.IsNullOrWhiteSpace(current)
                ? null
                : $"Audit:CurrentKeyId is '{settings.CurrentKeyId}' but Audit:Keys:{settings.CurrentKeyId} is not set.";
        return GeneratedKeyFile.MayGenerate(environment, configuration)
            ? null
            : "The audit log has no key: set Audit:CurrentKeyId and Audit:Keys:<that id> (base64 of at least 32 random bytes, "
              + "the same on every node, kept outside the database). Keep earlier key ids configured after a rotation so older entries still verify.";
    }

    private static (string, IReadOnlyDictionary<string, byte[]>) Load(
        AuditKeySettings settings, IHostEnvironment environment, IConfiguration configuration, ILogger logger)
    {
        if (Problem(settings, environment, configuration) is { } problem)
            throw new InvalidOperationException(problem);
        var all = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        foreach (var (id, value) in settings.Keys)
            if (!string.IsNullOrWhiteSpace(value))
                all[id] = Decode(value)!;
        // A developer's generated key stays readable after real keys are configured, so their earlier entries verify.
        var generatedFile = GeneratedKeyFile.PathOf(configuration, KeyFileName);
        if (GeneratedKeyFile.MayGenerate(environment, configuration) && (string.IsNullOrWhiteSpace(settings.CurrentKeyId) || File.Exists(generatedFile)))
            all.TryAdd(GeneratedKeyId, GeneratedKeyFile.LoadOrCreate(configuration, KeyFileName, 32, logger, "Audit:CurrentKeyId and Audit:Keys"));
        var current = string.IsNullOrWhiteSpace(settings.CurrentKeyId) ? GeneratedKeyId : settings.CurrentKeyId;
        return (current, all);
    }

    private static byte[]? Decode(string value)
    {
        var buffer = new byte[value.Length];
        return Convert.TryFromBase64String(value.Trim(), buffer, out var written) ? buffer[..written] : null;
    }
}

/// <summary>Refuses to start with a missing or weak audit key, saying what to set.</summary>
internal sealed class AuditKeySettingsValidation(IHostEnvironment environment, IConfiguration configuration) : IValidateOptions<AuditKeySettings>
{
    public ValidateOptionsResult Validate(string? name, AuditKeySettings options) =>
        AuditKeys.Problem(options, environment, configuration) is { } problem ? ValidateOptionsResult.Fail(problem) : ValidateOptionsResult.Success;
}
