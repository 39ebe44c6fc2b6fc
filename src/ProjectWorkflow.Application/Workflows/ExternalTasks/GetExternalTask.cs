using Microsoft.EntityFrameworkCore;
using ProjectWorkflow.Application.Persistence;
using ProjectWorkflow.Application.Workflows.Storage;
using ProjectWorkflow.Engine.Runtime;

namespace ProjectWorkflow.Application.Workflows.ExternalTasks;

/// <summary><c>GET /engine-rest/external-task/{id}</c>: one external task as Camunda shows it (404 when there is none).</summary>
public sealed class GetExternalTask(ExternalTaskInstances tasks, ProjectWorkflowDbContext db)
{
    public async Task<ExternalTaskView> HandleAsync(Guid id, CancellationToken cancellationToken)
    {
        var instanceId = await tasks.InstanceOfAsync(id, cancellationToken);
        var instance = await db.Set<InstanceRecord>().AsNoTracking().FirstOrDefaultAsync(i => i.Id == instanceId, cancellationToken);
        return (instance is null ? null : ExternalTaskView.Of(instance, id))
            ?? throw WorkflowException.NotFound($"There is no external task {id}.", $"外部任务 {id} 不存在。");
    }
}
