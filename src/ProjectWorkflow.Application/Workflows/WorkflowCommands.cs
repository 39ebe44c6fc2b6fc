using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using ProjectWorkflow.Application.Persistence;
using ProjectWorkflow.Engine;
using ProjectWorkflow.Engine.Runtime;

namespace ProjectWorkflow.Application.Workflows;

/// <summary>
/// Runs one engine command as one database transaction: load, run, write the state, its inbox rows,
/// bookmarks and journal, and whatever observers stage beside them (outbox, notifications), then commit.
/// A save that lost a race to another node fails with a conflict instead of overwriting.
/// After the commit, commit observers act on what can only follow it (scheduling timer jobs).
/// </summary>
public sealed class WorkflowCommands(
    ProjectWorkflowDbContext db, WorkflowEngine engine, DefinitionCatalog catalog, IEnumerable<IWorkflowSessionObserver> observers,
    IEnumerable<IWorkflowCommitObserver> commitObservers, IServiceProvider services, IOptions<VariableLimits> variableLimits)
{
    public async Task<T> RunAsync<T>(Actor actor, Func<WorkflowSession, Task<T>> command, CancellationToken cancellationToken)
    {
        var store = new WorkflowStore(db, catalog);
        var session = engine.OpenSession(store, actor, services);
        var result = await command(session);
        foreach (var instance in session.Touched) variableLimits.Value.Check(instance);
        await store.StageAsync(session, cancellationToken);
        foreach (var observer in observers) await observer.OnStagedAsync(session, cancellationToken);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException failure)
        {
            // Depending on the database, a concurrent writer shows up as a stale revision or as a
            // unique key (journal sequence) taken first: both are a lost race, answered as a conflict.
            db.ChangeTracker.Clear();
            if (failure is DbUpdateConcurrencyException || await store.LostARaceAsync(cancellationToken))
                throw WorkflowException.Conflict("Someone else changed this process at the same moment. Reload it and try again.");
            throw;
        }
        foreach (var observer in commitObservers) await observer.OnCommittedAsync(session, cancellationToken);
        return result;
    }

    public Task RunAsync(Actor actor, Func<WorkflowSession, Task> command, CancellationToken cancellationToken) =>
        RunAsync(actor, async session =>
        {
            await command(session);
            return true;
        }, cancellationToken);
}

/// <summary>Stages its own rows (outbox messages, notifications) in the command's transaction.</summary>
public interface IWorkflowSessionObserver
{
    Task OnStagedAsync(WorkflowSession session, CancellationToken cancellationToken);
}
