namespace ProjectWorkflow.Web.Health;

/// <summary>Closed until the database is migrated and seeded; readiness reports it, and work that needs the schema waits for it.</summary>
public sealed class StartupGate
{
    private readonly TaskCompletionSource _opened = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public bool IsOpen => _opened.Task.IsCompleted;

    public void Open() => _opened.TrySetResult();

    public Task WhenOpenAsync(CancellationToken cancellationToken) => _opened.Task.WaitAsync(cancellationToken);
}
