using Microsoft.EntityFrameworkCore;
using ProjectWorkflow.Application.Ledger;
using ProjectWorkflow.Application.Persistence;
using ProjectWorkflow.Application.Projects;
using ProjectWorkflow.Application.Schemes;
using ProjectWorkflow.Engine.Definitions;
using ProjectWorkflow.Engine.Model;

namespace ProjectWorkflow.Application.Workflows.Definitions;

/// <summary>
/// The processes that are money rules: the process each scheme's applications run, the processes money use cases
/// start themselves, and every process those call (call activities, followed through the active versions). A new
/// version of one of them needs a second administrator's approval before it runs (<see cref="ReviewDefinition"/>).
/// So does any process whose service tasks move money or book the ledger (pay, reserve, release, recover), whatever
/// its key: a new process cannot be a side door to the treasury.
/// </summary>
public sealed class MoneyProcesses(ProjectWorkflowDbContext db, DefinitionCatalog catalog, IEnumerable<ServiceTaskBinding> bindings)
{
    /// <summary>The service task handlers that pay, or move money in the ledger; their topics come from their registration.</summary>
    private static readonly Type[] MoneyHandlers =
    [
        typeof(OrderInstallment), typeof(SendPayment), typeof(SettlePayment),
        typeof(ReserveBudget), typeof(ReleaseBudget), typeof(OpenRecovery), typeof(RecoverFunds),
    ];

    /// <summary>Whether a process's own service tasks move money (a task on one of the money handlers' topics).</summary>
    public bool MovesMoney(ProcessDefinition definition)
    {
        var topics = bindings.Where(b => MoneyHandlers.Contains(b.HandlerType)).Select(b => b.Topic).ToHashSet(StringComparer.Ordinal);
        return definition.Process.NodesById.Values.OfType<ServiceTask>().Any(task => task.Topic is { } topic && topics.Contains(topic));
    }

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
