using Microsoft.Extensions.Configuration;

namespace ProjectWorkflow.Application.Workflows;

/// <summary>Where the BPMN files deployed at start-up live: <c>Workflows:Directory</c>, else <c>workflows/</c> beside the app.</summary>
public static class WorkflowFiles
{
    public const string ConfigurationKey = "Workflows:Directory";

    public static string Directory(IConfiguration configuration) =>
        configuration[ConfigurationKey] is { Length: > 0 } configured
            ? Path.GetFullPath(configured)
            : Path.Combine(AppContext.BaseDirectory, "workflows");
}
