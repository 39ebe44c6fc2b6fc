using ProjectWorkflow.Engine.Runtime;

namespace ProjectWorkflow.Application.Workflows;

/// <summary>
/// Acts on a command's effects once its transaction has committed: work kept outside the database
/// transaction (a Hangfire job) must never point at state that was rolled back. The change is already
/// saved when this runs, so an observer must not fail the command: it logs, and a sweep catches up.
/// </summary>
public interface IWorkflowCommitObserver
{
    Task OnCommittedAsync(WorkflowSession session, CancellationToken cancellationToken);
}
