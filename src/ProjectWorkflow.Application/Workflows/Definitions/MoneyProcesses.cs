using Microsoft.EntityFrameworkCore;
using ProjectWorkflow.Application.Persistence;
using ProjectWorkflow.Application.Projects;
using ProjectWorkflow.Application.Schemes;
using ProjectWorkflow.Engine.Model;

namespace ProjectWorkflow.Application.Workflows.Definitions;

/// <summary>
/// The processes that are money rules: the process each scheme's applications run, the processes money use cases
/// start themselves, and every process those call (call activities, followed through the active versions). A new
/// version of one of them needs a second administrator's approval before it runs (<see cref="ReviewDefinition"/>).
/// </summary>
public sealed class MoneyProcesses(ProjectWorkflowDbContext db, DefinitionCatalog catalog)
{
    /// <summary>Started by a use case rather than by a scheme: the recovery after a project closed.</summary>
    private static readonly string[] StartedByUseCases = [OrderRecovery.AfterClosureProcess];

    public async Task<IReadOnlySet<string>> AllAsync(CancellationToken cancellationToken)
    {
        var roots = await db.Set<SchemeRecord>().AsNoTracking().Select(s => s.ProcessKey).Distinct().ToListAsync(cancellationToken);
        var found = new HashSet<string>(StringComparer.Ordinal);
        var next = new Queue<string>(roots.Concat(StartedByUseCases));
        while (next.TryDequeue(out var key))
        {
            if (!found.Add(key)) continue;
            var definition = await catalog.FindLatestAsync(db, key, cancellationToken);
            if (definition is null) continue;
            foreach (var call in definition.Process.NodesById.Values.OfType<CallActivity>())
                if (call.CalledElement is { Length: > 0 } called) next.Enqueue(called);
        }
        return found;
    }

    public async Task<bool> IncludesAsync(string key, CancellationToken cancellationToken) =>
        (await AllAsync(cancellationToken)).Contains(key);
}
