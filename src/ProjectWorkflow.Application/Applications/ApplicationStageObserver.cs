using Microsoft.EntityFrameworkCore;
using ProjectWorkflow.Application.Persistence;
using ProjectWorkflow.Application.Workflows;
using ProjectWorkflow.Engine.Runtime;
using ProjectWorkflow.Funding.Applications;

namespace ProjectWorkflow.Application.Applications;

/// <summary>
/// Keeps each application's stage (the tasks it waits at) in step with its process, in the same transaction.
/// A process the application's process calls (an installment's payment) carries the same business key, so
/// its tasks are the application's stage while it runs.
/// </summary>
public sealed class ApplicationStageObserver(ProjectWorkflowDbContext db) : IWorkflowSessionObserver
{
    public async Task OnStagedAsync(WorkflowSession session, CancellationToken cancellationToken)
    {
        foreach (var process in session.Touched.Where(i => i.BusinessKey is not null).GroupBy(i => i.BusinessKey!))
        {
            var application = await ApplicationOfProcess.FindAsync(db, process.Key, cancellationToken);
            if (application is null || !process.Any(i => i.Id == application.InstanceId || i.ParentInstanceId is not null)) continue;
            var stage = string.Join(", ", process.Where(i => !i.IsEnded).SelectMany(i => i.Tasks).Select(t => t.Name ?? t.ElementId).Distinct());
            application.ShowStage(stage);
        }
    }
}
