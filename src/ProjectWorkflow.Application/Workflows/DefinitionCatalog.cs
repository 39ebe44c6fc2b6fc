using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using ProjectWorkflow.Application.Persistence;
using ProjectWorkflow.Application.Workflows.Storage;
using ProjectWorkflow.Engine;
using ProjectWorkflow.Engine.Definitions;

namespace ProjectWorkflow.Application.Workflows;

/// <summary>
/// Compiled definitions by id. Versions are immutable, so a compiled one is cached for the life of
/// the process; every node compiles the same bytes to the same definition.
/// </summary>
public sealed class DefinitionCatalog(WorkflowEngine engine)
{
    private readonly ConcurrentDictionary<string, ProcessDefinition> _compiled = new(StringComparer.Ordinal);

    public async ValueTask<ProcessDefinition?> FindAsync(ProjectWorkflowDbContext db, string definitionId, CancellationToken cancellationToken)
    {
        if (_compiled.TryGetValue(definitionId, out var cached)) return cached;
        var record = await db.Set<DefinitionRecord>().AsNoTracking().FirstOrDefaultAsync(d => d.Id == definitionId, cancellationToken);
        return record is null ? null : Remember(record);
    }

    /// <summary>The newest ACTIVE version: what a new instance, application or call activity starts (a version waiting for approval is not).</summary>
    public async ValueTask<ProcessDefinition?> FindLatestAsync(ProjectWorkflowDbContext db, string key, CancellationToken cancellationToken)
    {
        // Only the id: a version's content never changes, so a compiled one comes from the cache, not again over the wire.
        var id = await db.Set<DefinitionRecord>().AsNoTracking()
            .Where(d => d.Key == key && d.Status == DefinitionStatuses.Active).OrderByDescending(d => d.Version).Select(d => d.Id).FirstOrDefaultAsync(cancellationToken);
        return id is null ? null : await FindAsync(db, id, cancellationToken);
    }

    /// <summary>A version asked for by number (start at, migrate to): only an active one, so no pending version runs before its approval.</summary>
    public async ValueTask<ProcessDefinition?> FindVersionAsync(ProjectWorkflowDbContext db, string key, int version, CancellationToken cancellationToken)
    {
        var id = $"{key}:{version}";
        var active = await db.Set<DefinitionRecord>().AsNoTracking().AnyAsync(d => d.Id == id && d.Status == DefinitionStatuses.Active, cancellationToken);
        return active ? await FindAsync(db, id, cancellationToken) : null;
    }

    internal ProcessDefinition Remember(DefinitionRecord record) => _compiled.GetOrAdd(record.Id, _ =>
    {
        var result = engine.Compile(record.Content, record.Key);
        if (result.Definition is null)
            throw new InvalidOperationException(
                $"The deployed definition {record.Id} no longer compiles: {string.Join("; ", result.Problems)}");
        result.Definition.Version = record.Version;
        return result.Definition;
    });
}
