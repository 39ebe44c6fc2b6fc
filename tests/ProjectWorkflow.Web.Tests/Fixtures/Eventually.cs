namespace ProjectWorkflow.Web.Tests.Fixtures;

/// <summary>Waits for something the app does in the background, with a generous deadline (a loaded CI machine is slow).</summary>
public static class Eventually
{
    public static async Task<T> WaitForAsync<T>(Func<Task<T?>> probe, string what, int seconds = 30) where T : class
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (true)
        {
            if (await probe() is { } found) return found;
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"Waited {seconds} s for {what}.");
            await Task.Delay(200);
        }
    }

    public static Task WaitUntilAsync(Func<Task<bool>> condition, string what, int seconds = 30) =>
        WaitForAsync<object>(async () => await condition() ? new object() : null, what, seconds);
}
