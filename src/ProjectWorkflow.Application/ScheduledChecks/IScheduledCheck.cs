namespace ProjectWorkflow.Application.ScheduledChecks;

/// <summary>
/// A use case that runs on a schedule rather than on a click. It must be safe to run twice, even at the
/// same moment on two nodes: it finds what is due and acts only on what nobody has acted on yet.
/// </summary>
public interface IScheduledCheck
{
    Task RunAsync(CancellationToken cancellationToken);
}
