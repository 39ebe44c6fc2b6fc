namespace ProjectWorkflow.Web.Tests.Messaging;

/// <summary>Waits for something the app does in the background, with a generous deadline (a slow CI machine is not a failure).</summary>
public static class Eventually
{
    public static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);

    public static async Task TrueAsync(Func<Task<bool>> condition, string what, TimeSpan? deadline = null)
    {
        var until = DateTime.UtcNow + (deadline ?? Deadline);
        while (!await condition())
        {
            if (DateTime.UtcNow > until) throw new TimeoutException($"Still waiting after {(deadline ?? Deadline).TotalSeconds:0} s for {what}.");
            await Task.Delay(50);
        }
    }
}
