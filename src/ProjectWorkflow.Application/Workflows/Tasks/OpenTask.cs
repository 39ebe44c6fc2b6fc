using Microsoft.EntityFrameworkCore;
using ProjectWorkflow.Application.Identity;
using ProjectWorkflow.Application.Persistence;
using ProjectWorkflow.Application.Workflows.Instances;
using ProjectWorkflow.Application.Workflows.Storage;
using ProjectWorkflow.Engine.Runtime;

namespace ProjectWorkflow.Application.Workflows.Tasks;

/// <summary>
/// One task as its page shows it: to whoever may see it (its holder or candidates, administrators and auditors),
/// with the application it belongs to. Outside the fund's staff it names nobody else, as the inbox does.
/// </summary>
public sealed class OpenTask(ProjectWorkflowDbContext db, TaskPermissions permissions)
{
    public async Task<TaskView> HandleAsync(Guid taskId, Actor actor, CancellationToken cancellationToken)
    {
        var task = await db.Set<TaskRecord>().AsNoTracking().Include(t => t.Candidates)
            .FirstOrDefaultAsync(t => t.Id == taskId, cancellationToken)
            ?? throw WorkflowException.NotFound($"There is no task {taskId}.", $"任务 {taskId} 不存在。");
        if (!InstanceAccess.SeesEverything(actor)) await permissions.RequireMayClaimAsync(task, actor, cancellationToken);
        var view = ListTasks.ToView(task);
        return Roles.IsStaff(actor) ? view
            : view with { Owner = view.Owner == actor.Id ? view.Owner : null, CandidateUsers = view.CandidateUsers.Where(u => u == actor.Id).ToList() };
    }
}
