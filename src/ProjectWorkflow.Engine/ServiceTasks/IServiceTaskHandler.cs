namespace ProjectWorkflow.Engine.ServiceTasks;

/// <summary>
/// Runs a service task whose topic it is registered under. Throwing records an incident on the
/// task; a retry runs the handler again, so a handler must be safe to run twice.
/// </summary>
public interface IServiceTaskHandler
{
    ValueTask ExecuteAsync(ServiceTaskContext context, CancellationToken cancellationToken);
}
