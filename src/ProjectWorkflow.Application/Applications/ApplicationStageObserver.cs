using Microsoft.EntityFrameworkCore;
using ProjectWorkflow.Application.Persistence;
using ProjectWorkflow.Application.Workflows;
using ProjectWorkflow.Engine.Runtime;

namespace ProjectWorkflow.Application.Applications;

/// <summary>Keeps each application's stage (the task it waits at) in step with its process, in the same transaction.</summary>
public sealed class ApplicationStageObserver(ProjectWorkflowDbContext db) : IWorkflowSessionObserver
{
    public async Task OnStagedAsync(WorkflowSession session, CancellationToken cancellationToken)
    {
        foreach (var instance in session.Touched)
        {
            if (instance.BusinessKey is null) continue;
            var application = db.Set<ApplicationRecord>().Local.FirstOrDefault(a => a.InstanceId == instance.Id)
                ?? await db.Set<ApplicationRecord>().FirstOrDefaultAsync(a => a.InstanceId == instance.Id, cancellationToken);
            if (application is null) continue;
            var stage = instance.IsEnded ? null : string.Join(", ", instance.Tasks.Select(t => t.Name ?? t.ElementId).Distinct());
            application.Stage = string.IsNullOrEmpty(stage) ? null : stage;
        }
    }
}
