using Microsoft.EntityFrameworkCore;
using ProjectWorkflow.Application.Persistence;
using ProjectWorkflow.Application.Workflows.Storage;

namespace ProjectWorkflow.Application.Workflows.Definitions;

public sealed record DefinitionSummary(string Key, string? Name, int LatestVersion, IReadOnlyList<int> PendingVersions);

/// <summary>Every deployed process, with its newest active version and the versions waiting for a second administrator.</summary>
public sealed class ListDefinitions(ProjectWorkflowDbContext db)
{
    public async Task<IReadOnlyList<DefinitionSummary>> HandleAsync(CancellationToken cancellationToken)
    {
        var rows = await db.Set<DefinitionRecord>().AsNoTracking()
            .Select(d => new { d.Key, d.Name, d.Version, d.Status }).ToListAsync(cancellationToken);
        return rows.GroupBy(d => d.Key)
            .Where(g => g.Any(d => d.Status == DefinitionStatuses.Active))
            .Select(g => (Latest: g.Where(d => d.Status == DefinitionStatuses.Active).MaxBy(d => d.Version)!,
                Pending: g.Where(d => d.Status == DefinitionStatuses.PendingApproval).Select(d => d.Version).Order().ToList()))
            .Select(d => new DefinitionSummary(d.Latest.Key, d.Latest.Name, d.Latest.Version, d.Pending))
            .OrderBy(d => d.Key, StringComparer.Ordinal)
            .ToList();
    }
}
