using Microsoft.EntityFrameworkCore;
using ProjectWorkflow.Application.Applications;
using ProjectWorkflow.Application.Ledger;
using ProjectWorkflow.Application.Persistence;
using ProjectWorkflow.Application.Workflows;
using ProjectWorkflow.Engine.Runtime;
using ProjectWorkflow.Funding.Applications;

namespace ProjectWorkflow.Application.Projects;

/// <summary>
/// An administrator terminates or cancels an application's process (<c>POST /api/instances/{id}/terminate</c> or
/// <c>/cancel</c>): the application follows it to <c>terminated</c>, and in the same transaction the reservation not
/// yet paid goes back to the budget and the payment orders that will never leave are cancelled. Money already paid
/// stays paid: claiming it back is a recovery, ordered as such. A process that ends on its own (closed, recovered,
/// rejected) is not this: its status has already moved, and terminated is no move from there.
/// </summary>
public sealed class ProjectTermination(ProjectWorkflowDbContext db, FundLedger ledger, TimeProvider time) : IWorkflowSessionObserver
{
    public async Task OnStagedAsync(WorkflowSession session, CancellationToken cancellationToken)
    {
        foreach (var ended in session.Effects.OfType<InstanceEnded>().Where(e => e.Status is InstanceStatus.Terminated or InstanceStatus.Cancelled))
        {
            // Only the application's own process ending takes it along, not a process it called or one started for it.
            var application = await ApplicationOfProcess.FindAsync(db, ended.BusinessKey, cancellationToken);
            if (application is null || application.InstanceId != ended.InstanceId || !application.CanBeTerminated) continue;

            var now = time.GetUtcNow();
            application.Terminate(now);
            if ((await ledger.ProjectAsync(application.Id, cancellationToken)).Reserved.Fen > 0)
                await ReleaseUnpaid.RunAsync(db, ledger, application, $"{application.Number} terminated by {session.Actor.Id}", now, cancellationToken);
        }
    }
}
