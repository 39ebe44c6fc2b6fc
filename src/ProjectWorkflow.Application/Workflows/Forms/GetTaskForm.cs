using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using ProjectWorkflow.Application.Persistence;
using ProjectWorkflow.Application.Refusals;
using ProjectWorkflow.Application.Workflows.Instances;
using ProjectWorkflow.Application.Workflows.Storage;
using ProjectWorkflow.Application.Workflows.Tasks;
using ProjectWorkflow.Engine.Runtime;

namespace ProjectWorkflow.Application.Workflows.Forms;

/// <param name="Draft">The values saved without completing (暂存), to the task's holder and candidates only.</param>
public sealed record TaskFormView(string FormRef, JsonObject Schema, JsonObject? Draft = null);

/// <summary>
/// The form to fill in to complete a task: whoever may see the task (its holder or candidates, administrators and
/// auditors) gets its form id and schema (the one drawn with its version, else the shipped one); a task whose element names no form answers 404.
/// </summary>
public sealed class GetTaskForm(ProjectWorkflowDbContext db, TaskPermissions permissions, TaskForms taskForms, TaskApprovals approvals)
{
    public async Task<TaskFormView> HandleAsync(Guid taskId, Actor actor, CancellationToken cancellationToken)
    {
        var task = await db.Set<TaskRecord>().AsNoTracking().Include(t => t.Candidates)
            .FirstOrDefaultAsync(t => t.Id == taskId, cancellationToken)
            ?? throw WorkflowException.NotFound($"There is no task {taskId}.", $"任务 {taskId} 不存在。");
        if (!InstanceAccess.SeesEverything(actor)) await permissions.RequireMayClaimAsync(task, actor, cancellationToken);
        var (formRef, form) = await taskForms.FormOfAsync(task, cancellationToken)
            ?? throw new NotFoundException("This task has no form: complete it with the variables its process expects.", "本任务没有表单：请按流程所需的变量办结。");
        if (form is null) throw new NotFoundException($"The task's form '{formRef}' is not deployed.", $"任务的表单“{formRef}”尚未部署。");
        var draft = InstanceAccess.SeesEverything(actor) ? null : (await approvals.GetDraftAsync(taskId, actor, cancellationToken)).Variables;
        return new TaskFormView(formRef, (JsonObject)form.Json.DeepClone(), draft is { Count: > 0 } ? draft : null);
    }
}
