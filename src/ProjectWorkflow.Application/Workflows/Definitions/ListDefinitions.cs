using Microsoft.EntityFrameworkCore;
using ProjectWorkflow.Application.Persistence;
using ProjectWorkflow.Application.Workflows.Storage;

namespace ProjectWorkflow.Application.Workflows.Definitions;

public sealed record DefinitionSummary(string Key, string? Name, int LatestVersion);

/// <summary>Every deployed process, with its newest version.</summary>
public sealed class ListDefinitions(ProjectWorkflowDbContext db)
{
    public async Task<IReadOnlyList<DefinitionSummary>> HandleAsync(CancellationToken cancellationToken)
    {
        var rows = await db.Set<DefinitionRecord>().AsNoTracking()
            .Select(d => new { d.Key, d.Name, d.Version }).ToListAsync(cancellationToken);
        return rows.GroupBy(d => d.Key)
            .Select(g => g.OrderByDescending(d => d.Version).First())
            .Select(d => new DefinitionSummary(d.Key, d.Name, d.Version))
            .OrderBy(d => d.Key, StringComparer.Ordinal)
            .ToList();
    }
}
