using ProjectWorkflow.Application.Workflows;
using ProjectWorkflow.Engine.Runtime;

namespace ProjectWorkflow.Web.Tests.Messaging;

/// <summary>
/// Fails a command after the outbox has staged its messages and before SaveChanges, for any instance whose
/// business key starts with <see cref="Prefix"/>: the rollback case.
/// </summary>
internal sealed class RefusingObserver : IWorkflowSessionObserver
{
    public const string Prefix = "refuse-";

    public Task OnStagedAsync(WorkflowSession session, CancellationToken cancellationToken) =>
        session.Touched.Any(i => i.BusinessKey?.StartsWith(Prefix, StringComparison.Ordinal) == true)
            ? throw new InvalidOperationException("Refused by the test after the messages were staged.")
            : Task.CompletedTask;
}
