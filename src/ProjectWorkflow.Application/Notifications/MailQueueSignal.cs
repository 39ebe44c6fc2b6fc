namespace ProjectWorkflow.Application.Notifications;

/// <summary>
/// Wakes the mail sender when a command that queued mail has committed, so a notification's
/// e-mail leaves at once instead of at the next poll. Only a hint: the sender polls anyway, and
/// on another node it finds the rows by its own poll.
/// </summary>
public sealed class MailQueueSignal
{
    private readonly SemaphoreSlim _signal = new(0, 1);

    public void Pulse()
    {
        try
        {
            _signal.Release();
        }
        catch (SemaphoreFullException)
        {
            // Already signalled: one wake-up covers any number of commits.
        }
    }

    /// <summary>Returns when pulsed or when the timeout passes.</summary>
    public Task WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) => _signal.WaitAsync(timeout, cancellationToken);
}
