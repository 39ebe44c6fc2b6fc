using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using ProjectWorkflow.Application.Audit;

namespace ProjectWorkflow.Web.Tests.Audit;

/// <summary>The audit key lives outside the database: a server deployment must be given one; only a developer or the embedded run may generate one.</summary>
public sealed class AuditKeyTests
{
    private const string GoodKey = "MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY="; // 32 bytes

    [Theory]
    [InlineData("Production", "PostgreSql", null, null, "Audit:CurrentKeyId")]
    [InlineData("Production", "PostgreSql", "2026-1", null, "Audit:Keys:2026-1 is not set")]
    [InlineData("Production", "PostgreSql", "2026-1", "dG9vLXNob3J0", "at least 32")]
    [InlineData("Production", "PostgreSql", "2026-1", GoodKey, null)]
    [InlineData("Production", "Sqlite", null, null, null)]
    [InlineData("Development", "PostgreSql", null, null, null)]
    public void Startup_RefusesAServerWithoutAnAuditKey_SayingWhatToSet(string environment, string provider, string? keyId, string? key, string? expected)
    {
        var settings = new AuditKeySettings { CurrentKeyId = keyId };
        if (keyId is not null && key is not null) settings.Keys[keyId] = key;
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Database:Provider"] = provider }).Build();

        var problem = AuditKeys.Problem(settings, new HostingEnvironment { EnvironmentName = environment }, configuration);

        if (expected is null) Assert.Null(problem);
        else Assert.Contains(expected, problem);
    }

    [Fact]
    public void AfterARotation_NewEntriesUseTheNewKey_AndTheOldKeyStillVerifiesOldOnes()
    {
        var settings = new AuditKeySettings { CurrentKeyId = "2027-1" };
        settings.Keys["2026-1"] = GoodKey;
        settings.Keys["2027-1"] = Convert.ToBase64String(Enumerable.Range(0, 32).Select(i => (byte)(255 - i)).ToArray());
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Database:Provider"] = "PostgreSql" }).Build();
        var keys = new AuditKeys(Options.Create(settings), new HostingEnvironment { EnvironmentName = "Production" }, configuration, NullLogger<AuditKeys>.Instance);

        var old = new AuditEntry { Sequence = 1, Actor = "admin1", Action = "budget.set", ObjectType = "budget", ObjectId = "tech-upgrade:2026", KeyId = "2026-1" };
        Assert.True(keys.TryGet("2026-1", out var oldKey));
        old.Hash = AuditHash.Of(old, oldKey);

        Assert.Equal("2027-1", keys.CurrentKeyId);
        Assert.NotEqual(old.Hash, AuditHash.Of(old, keys.Current));
        Assert.True(keys.TryGet(old.KeyId, out var verifying));
        Assert.Equal(old.Hash, AuditHash.Of(old, verifying));
        Assert.False(keys.TryGet("2025-1", out _));
    }
}
