using Microsoft.EntityFrameworkCore;
using ProjectWorkflow.Application.Persistence;
using ProjectWorkflow.Application.Workflows.Storage;

namespace ProjectWorkflow.Application.Workflows.Definitions;

/// <summary>The BPMN file of one version, exactly as deployed (diagram included).</summary>
public sealed class GetDefinitionContent(ProjectWorkflowDbContext db)
{
    public async Task<byte[]?> HandleAsync(string key, int version, CancellationToken cancellationToken) =>
        await db.Set<DefinitionRecord>().AsNoTracking()
            .Where(d => d.Key == key && d.Version == version).Select(d => d.Content).FirstOrDefaultAsync(cancellationToken);
}
