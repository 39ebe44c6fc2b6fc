using Microsoft.Extensions.Logging;
using ProjectWorkflow.Application.Workflows.Definitions;
using ProjectWorkflow.Application.Workflows.Forms;

namespace ProjectWorkflow.Application.Workflows;

/// <summary>
/// At start-up, loads the forms of <c>forms/*.form</c> and deploys every <c>*.bpmn</c> of the workflows folder. Unchanged files keep their
/// version; a file with problems stops start-up, listing every problem of every file. The shipped files are
/// the reviewed source of the processes, so they are active at once (no second administrator is asked).
/// </summary>
public sealed class DeployWorkflowFiles(DeployDefinition deploy, FormCatalog forms, ILogger<DeployWorkflowFiles> logger)
{
    public async Task HandleAsync(string directory, CancellationToken cancellationToken)
    {
        if (!Directory.Exists(directory))
        {
            logger.LogWarning("No workflows folder at {Directory}: nothing deployed", directory);
            return;
        }

        // The forms first: a definition's deploy check reads which variables its tasks' forms supply.
        var failures = (await forms.LoadAsync(Path.Combine(directory, "forms"), cancellationToken)).Select(p => $"forms/{p}").ToList();
        logger.LogInformation("Forms loaded: {Forms}", string.Join(", ", forms.Ids.Order(StringComparer.Ordinal)));
        foreach (var file in Directory.EnumerateFiles(directory, "*.bpmn").Order(StringComparer.Ordinal))
        {
            try
            {
                var deployed = await deploy.HandleAsync(await File.ReadAllBytesAsync(file, cancellationToken), "system", cancellationToken, shipped: true);
                foreach (var process in deployed.Processes)
                    logger.LogInformation("{File}: {Key} version {Version}{New}", Path.GetFileName(file), process.Key, process.Version,
                        process.IsNew ? " (new)" : " (unchanged)");
            }
            catch (DefinitionRejectedException rejected)
            {
                failures.AddRange(rejected.Problems.Select(p => $"{Path.GetFileName(file)}: {p}"));
            }
        }
        if (failures.Count > 0)
            throw new InvalidOperationException(
                $"Workflow files in {directory} cannot be deployed:{Environment.NewLine}{string.Join(Environment.NewLine, failures)}");
    }
}
