namespace ProjectWorkflow.Application.Persistence;

/// <summary>
/// Completes once the database is migrated and seeded. Work that starts with the host rather than with
/// a request (the outbox dispatcher, bus consumers) waits for it instead of racing the schema.
/// </summary>
public sealed class DatabaseReady
{
    private readonly TaskCompletionSource _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public bool IsReady => _ready.Task.IsCompleted;

    public void Signal() => _ready.TrySetResult();

    public Task WaitAsync(CancellationToken cancellationToken) => _ready.Task.WaitAsync(cancellationToken);
}
