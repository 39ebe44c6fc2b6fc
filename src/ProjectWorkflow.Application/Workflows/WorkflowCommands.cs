using System.Runtime.CompilerServices;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ProjectWorkflow.Application.Audit;
using ProjectWorkflow.Application.Persistence;
using ProjectWorkflow.Application.Workflows.Storage;
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
    IEnumerable<IWorkflowCommitObserver> commitObservers, IServiceProvider services, AuditTrail audit, IOptions<VariableLimits> variableLimits,
    Deputies.ShareTasksWithDeputies deputies, ILogger<WorkflowCommands> logger)
{
    /// <param name="operation">The caller's method and <paramref name="file"/> its file: together they name the command in the audit log.</param>
    public async Task<T> RunAsync<T>(Actor actor, Func<WorkflowSession, Task<T>> command, CancellationToken cancellationToken,
        [CallerMemberName] string operation = "", [CallerFilePath] string file = "")
    {
        // Everything logged while the command runs, commits and its observers act carries the instance and its business key.
        using var logScope = WorkflowLogScope.Begin(logger);
        var store = new WorkflowStore(db, catalog);
        var session = engine.OpenSession(store, actor, services);
        var result = await command(session);
        await deputies.ShareAsync(session, cancellationToken); // tasks that arrived for someone away reach their deputy (代理)
        if (session.Touched.FirstOrDefault() is { } ran) WorkflowLogScope.Learn(ran.Id, ran.BusinessKey);
        foreach (var instance in session.Touched) variableLimits.Value.Check(instance);
        await store.StageAsync(session, cancellationToken);
        var action = WorkflowCommandName.Of(operation, file);
        RecordCommand(session, action);
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
                throw WorkflowException.Conflict("Someone else changed this process at the same moment. Reload it and try again.", "其他人同时修改了此流程，请刷新后重试。");
            throw;
        }
        logger.LogInformation("Workflow command {Command} committed by {Actor}: {JournalEvents} journal events",
            action, actor.Id, session.Journal.Count);
        foreach (var observer in commitObservers) await observer.OnCommittedAsync(session, cancellationToken);
        return result;
    }

    public Task RunAsync(Actor actor, Func<WorkflowSession, Task> command, CancellationToken cancellationToken,
        [CallerMemberName] string operation = "", [CallerFilePath] string file = "") =>
        RunAsync(actor, async session =>
        {
            await command(session);
            return true;
        }, cancellationToken, operation, file);

    /// <summary>One entry per command: what was done, to which instance (others it touched in the detail), and what the journal says happened.</summary>
    private void RecordCommand(WorkflowSession session, string action)
    {
        var touched = session.Touched.ToList();
        if (touched.Count == 0) return;
        var first = touched[0];
        var detail = new StringBuilder($"{first.DefinitionKey} v{first.Version}");
        if (first.BusinessKey is { } businessKey) detail.Append("; business key ").Append(businessKey);
        detail.Append("; ").Append(first.Status.ToString().ToLowerInvariant());
        if (touched.Count > 1) detail.Append("; also ").AppendJoin(", ", touched.Skip(1).Select(i => $"{i.DefinitionKey} {i.Id}"));
        var events = session.Journal.Select(j => $"{j.ElementId} {j.Event}").Take(20).ToList();
        if (events.Count > 0) detail.Append("; journal: ").AppendJoin(", ", events);
        if (session.Journal.Count > events.Count) detail.Append($" (+{session.Journal.Count - events.Count})");
        audit.Record(action, "process-instance", first.Id.ToString("D"), detail: detail.ToString());
    }
}

/// <summary>Names a workflow command for the audit log from the use case that ran it: <c>workflow.submit-application</c>, <c>workflow.task.claim</c>.</summary>
public static class WorkflowCommandName
{
    private static readonly HashSet<string> Generic = ["RunAsync", "HandleAsync", "ExecuteAsync", "Invoke", ""];

    public static string Of(string operation, string file)
    {
        var type = Path.GetFileNameWithoutExtension(file.Replace('\\', '/').Split('/')[^1]);
        var prefix = type switch
        {
            "TaskOperations" or "TaskCommand" or "TaskApprovals" => "task",
            "" => "command",
            _ => Kebab(type),
        };
        return Generic.Contains(operation) || operation.StartsWith('<') || operation.StartsWith('.')
            ? $"workflow.{prefix}"
            : $"workflow.{prefix}.{Kebab(operation.EndsWith("Async", StringComparison.Ordinal) ? operation[..^5] : operation)}";
    }

    private static string Kebab(string name)
    {
        var text = new StringBuilder();
        foreach (var c in name)
        {
            if (char.IsUpper(c) && text.Length > 0) text.Append('-');
            text.Append(char.ToLowerInvariant(c));
        }
        return text.ToString();
    }
}

/// <summary>Stages its own rows (outbox messages, notifications) in the command's transaction.</summary>
public interface IWorkflowSessionObserver
{
    Task OnStagedAsync(WorkflowSession session, CancellationToken cancellationToken);
}
