namespace ProjectWorkflow.Web.Hosting;

/// <summary>
/// Secrets as files, for containers: with <c>Secrets:Directory</c> (e.g. <c>/run/secrets</c>, where Docker and
/// Kubernetes mount them), each file is one setting named after its key with <c>__</c> for <c>:</c>
/// (<c>Auth__SigningKey</c>, <c>ConnectionStrings__ProjectWorkflow</c>, <c>Audit__Keys__k1</c>), its content the value.
/// Files win over environment variables, so a secret never has to be in the environment.
/// </summary>
public static class SecretFiles
{
    public const string DirectoryKey = "Secrets:Directory";

    public static ConfigurationManager AddSecretFiles(this ConfigurationManager configuration)
    {
        var directory = configuration[DirectoryKey];
        if (string.IsNullOrWhiteSpace(directory)) return configuration;
        configuration.AddKeyPerFile(source =>
        {
            source.FileProvider = Directory.Exists(directory) ? new Microsoft.Extensions.FileProviders.PhysicalFileProvider(Path.GetFullPath(directory)) : null;
            source.Optional = true;
            // Kubernetes' own entries (..data and friends) are not settings; the provider trims a file's final newline.
            source.IgnoreCondition = name => name.StartsWith('.');
        });
        return configuration;
    }
}
