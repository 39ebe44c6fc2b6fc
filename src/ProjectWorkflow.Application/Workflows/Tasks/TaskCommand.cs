using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using ProjectWorkflow.Application.Persistence;
using ProjectWorkflow.Application.Workflows.Storage;
using ProjectWorkflow.Engine.Runtime;

namespace ProjectWorkflow.Application.Workflows.Tasks;

/// <summary>
/// Finds the instance a task belongs to and runs one operation on it. A task that is gone answers
/// 404; one that was completed or cancelled answers a conflict that says so.
/// </summary>
public sealed class TaskCommand(ProjectWorkflowDbContext db, WorkflowCommands commands)
{
    public async Task RunAsync(Guid taskId, Actor actor, Func<WorkflowSession, Guid, Task> operation, CancellationToken cancellationToken,
        [CallerMemberName] string name = "", [CallerFilePath] string file = "")
    {
        var task = await db.Set<TaskRecord>().AsNoTracking()
            .Where(t => t.Id == taskId).Select(t => new { t.InstanceId, t.Status, t.CompletedBy })
            .FirstOrDefaultAsync(cancellationToken)
            ?? throw WorkflowException.NotFound($"There is no task {taskId}.");
        if (task.Status == TaskStatuses.Completed)
            throw WorkflowException.Conflict($"The task was already completed{(task.CompletedBy is null ? "" : $" by {task.CompletedBy}")}.");
        if (task.Status == TaskStatuses.Cancelled)
            throw WorkflowException.Conflict("The task was cancelled: the process moved on without it.");
        await commands.RunAsync(actor, session => operation(session, task.InstanceId), cancellationToken, name, file);
    }
}
