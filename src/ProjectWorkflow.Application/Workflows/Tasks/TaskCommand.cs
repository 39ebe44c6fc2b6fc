using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using ProjectWorkflow.Application.Persistence;
using ProjectWorkflow.Application.Workflows.Forms;
using ProjectWorkflow.Application.Workflows.Storage;
using ProjectWorkflow.Engine.Runtime;

namespace ProjectWorkflow.Application.Workflows.Tasks;

/// <summary>
/// Checks a task and runs one operation on it (the engine finds the task's instance). A task that is gone answers
/// 404; one that was completed or cancelled answers a conflict that says so. The caller's and the
/// recipients' checks (<see cref="TaskPermissions"/>) run on the open task first: a refusal changes nothing.
/// </summary>
public sealed class TaskCommand(ProjectWorkflowDbContext db, WorkflowCommands commands, TaskForms forms, ILogger<TaskCommand> logger)
{
    /// <param name="mayPress">Who may press this button on this task, whatever its state: an outsider learns nothing (403) before
    /// the request is read or the task's state (409) is told.</param>
    /// <param name="check">The request and its recipients, on the open task.</param>
    public async Task RunAsync(Guid taskId, Actor actor, Func<TaskRecord, Task> mayPress, Func<TaskRecord, Task> check,
        Func<WorkflowSession, Task> operation, CancellationToken cancellationToken,
        [CallerMemberName] string name = "", [CallerFilePath] string file = "")
    {
        var found = await TaskWithItsVersion.For(db)(db, taskId, cancellationToken) ?? throw WorkflowException.NotFound($"There is no task {taskId}.", $"任务 {taskId} 不存在。");
        var task = found.Task;
        if (found.DefinitionId is not null) forms.InstanceRuns(task.InstanceId, found.DefinitionId);
        using var logScope = WorkflowLogScope.Begin(logger, task.InstanceId, task.BusinessKey, task.Id);
        await mayPress(task);
        if (task.Status == TaskStatuses.Completed)
            throw WorkflowException.Conflict($"The task was already completed{(task.CompletedBy is null ? "" : $" by {task.CompletedBy}")}.", $"该任务已{(task.CompletedBy is null ? "" : $"由 {task.CompletedBy} ")}办结。");
        if (task.Status == TaskStatuses.Cancelled)
            throw WorkflowException.Conflict("The task was cancelled: the process moved on without it.", "该任务已取消：流程已继续流转，无需再办理此任务。");
        await check(task);
        await commands.RunAsync(actor, operation, cancellationToken, name, file);
    }

    /// <summary>
    /// The task with its candidates and, in the same query, the version its instance runs (the form check reads it next).
    /// Compiled once: every task button runs it, and EF would otherwise walk and match its expression tree each time.
    /// </summary>
    private static readonly CompiledPerModel<Func<ProjectWorkflowDbContext, Guid, CancellationToken, Task<Found?>>> TaskWithItsVersion =
        new(() => EF.CompileAsyncQuery((ProjectWorkflowDbContext db, Guid taskId, CancellationToken _) =>
            db.Set<TaskRecord>().AsNoTracking().Include(t => t.Candidates)
                .Where(t => t.Id == taskId)
                .Select(t => new Found(t, db.Set<InstanceRecord>().Where(i => i.Id == t.InstanceId).Select(i => i.DefinitionId).FirstOrDefault()))
                .FirstOrDefault()));

    private sealed record Found(TaskRecord Task, string? DefinitionId);
}
