using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting.Internal;
using ProjectWorkflow.Web.Auth;

namespace ProjectWorkflow.Web.Tests;

/// <summary>A server deployment must be given a key; only a developer or the embedded run may generate one.</summary>
public sealed class SigningKeyTests
{
    [Theory]
    [InlineData("Production", "PostgreSql", null, null, false)]
    [InlineData("Production", "SqlServer", null, "https://sso.example.gov/realms/pw", true)]
    [InlineData("Production", "PostgreSql", "too-short", null, false)]
    [InlineData("Production", "PostgreSql", "a-configured-key-that-is-long-enough-for-hs256", null, true)]
    [InlineData("Production", "Sqlite", null, null, true)]
    [InlineData("Development", "PostgreSql", null, null, true)]
    public void Startup_AcceptsTheAuthConfiguration_OnlyWhenTokensCanBeSignedOrValidated(
        string environment, string provider, string? signingKey, string? authority, bool accepted)
    {
        var settings = new AuthSettings { SigningKey = signingKey, Authority = authority };
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Database:Provider"] = provider })
            .Build();

        var problem = SigningKeyStore.Problem(settings, new HostingEnvironment { EnvironmentName = environment }, configuration);

        Assert.Equal(accepted, problem is null);
    }
}
