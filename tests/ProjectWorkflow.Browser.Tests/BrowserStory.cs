namespace ProjectWorkflow.Browser.Tests;

/// <summary>A story told in the browser: the windows it opened on its <see cref="BrowserPortal"/> are closed when it ends.</summary>
public abstract class BrowserStory(BrowserPortal portal) : IAsyncLifetime
{
    Task IAsyncLifetime.InitializeAsync() => Task.CompletedTask;

    Task IAsyncLifetime.DisposeAsync() => portal.CloseWindowsAsync();
}
