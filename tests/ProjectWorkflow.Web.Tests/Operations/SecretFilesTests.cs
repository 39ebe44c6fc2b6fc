using Microsoft.Extensions.Configuration;
using ProjectWorkflow.Web.Hosting;

namespace ProjectWorkflow.Web.Tests.Operations;

/// <summary>An operator mounts the secrets as files (Docker or Kubernetes secrets) instead of putting them in the environment.</summary>
public sealed class SecretFilesTests
{
    [Fact]
    public void EachFileInTheSecretsDirectory_IsTheSettingItIsNamedAfter_AndWinsOverTheEnvironment()
    {
        var folder = Directory.CreateTempSubdirectory("pw-secrets-").FullName;
        try
        {
            File.WriteAllText(Path.Combine(folder, "Auth__SigningKey"), "from-the-file-0123456789-0123456789\n");
            File.WriteAllText(Path.Combine(folder, "Audit__Keys__k1"), "a2V5LWZyb20tYS1maWxl");
            Directory.CreateDirectory(Path.Combine(folder, "..data"));
            var configuration = new ConfigurationManager();
            configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Secrets:Directory"] = folder,
                ["Auth:SigningKey"] = "from-the-environment",
            });

            configuration.AddSecretFiles();

            Assert.Equal("from-the-file-0123456789-0123456789", configuration["Auth:SigningKey"]);
            Assert.Equal("a2V5LWZyb20tYS1maWxl", configuration["Audit:Keys:k1"]);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void WithoutASecretsDirectory_NothingChanges()
    {
        var configuration = new ConfigurationManager();
        configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Auth:SigningKey"] = "from-the-environment" });

        configuration.AddSecretFiles();

        Assert.Equal("from-the-environment", configuration["Auth:SigningKey"]);
    }
}
