using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using ProjectWorkflow.Web.Tests.Fixtures;

namespace ProjectWorkflow.Browser.Tests;

/// <summary>
/// The portal on real Kestrel (a fresh SQLite file, demo data, the funding stories' movable clock) and Debian's
/// headless Chromium driving it, as a person at a desk would. Chromium comes from the distribution (<c>/usr/bin/chromium</c>, or
/// <c>PW_CHROMIUM</c>); Playwright downloads no browser.
/// </summary>
public sealed class BrowserPortal : FundingApp
{
    private IPlaywright? _playwright;
    private IBrowser? _browser;
    private readonly List<IBrowserContext> _windows = [];

    public BrowserPortal() => UseKestrel(0);

    public Uri Address { get; private set; } = new("http://127.0.0.1/");

    public override async Task InitializeAsync()
    {
        StartServer();
        var addresses = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
        Address = new Uri(addresses.First().Replace("[::]", "127.0.0.1", StringComparison.Ordinal));
        ClientOptions.BaseAddress = Address;
        await base.InitializeAsync();
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Environment.GetEnvironmentVariable("PW_CHROMIUM") ?? "/usr/bin/chromium",
            Headless = true,
        });
    }

    /// <summary>A fresh browser window (its own cookies) at the portal's sign-in page.</summary>
    public async Task<IPage> OpenPageAsync()
    {
        var context = await _browser!.NewContextAsync(new BrowserNewContextOptions { BaseURL = Address.ToString(), Locale = "zh-CN" });
        lock (_windows) _windows.Add(context);
        // Actions and navigations get a minute, not Playwright's 30 s: the test command runs these beside the cluster
        // tests' nodes on two cores, and a sign-in's redirect once took longer than 30 s to arrive there.
        context.SetDefaultTimeout(60_000);
        context.SetDefaultNavigationTimeout(60_000);
        return await context.NewPageAsync();
    }

    /// <summary>
    /// Closes every window opened since the last call (<see cref="BrowserStory"/> calls it as each test ends; a portal
    /// serves one test at a time). A window left open goes on drawing — a blinking caret, a transition — in its renderer,
    /// and the journeys open dozens: left open, they kept Chromium busy for the rest of the run.
    /// </summary>
    public async Task CloseWindowsAsync()
    {
        IBrowserContext[] windows;
        lock (_windows)
        {
            windows = [.. _windows];
            _windows.Clear();
        }
        foreach (var window in windows) await window.CloseAsync();
    }

    /// <summary>Signs in through the form, as a person would, and lands on <paramref name="returnUrl"/>.</summary>
    public async Task<IPage> SignInAsync(string userName, string returnUrl = "/")
    {
        var page = await OpenPageAsync();
        await page.GotoAsync($"/account/login?returnUrl={Uri.EscapeDataString(returnUrl)}");
        await page.GetByLabel("用户名").FillAsync(userName);
        await page.GetByLabel("密码").FillAsync(ProjectWorkflow.Application.Seeding.DemoUsers.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "登录", Exact = true }).ClickAsync();
        // Signed in once the browser is on the page asked for; what the test reads there it waits for itself (Expect).
        // Waiting for the whole "load" event as well timed out once in CI with the network idle, for no reason the
        // test is about.
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == returnUrl.Split('?')[0],
            new() { WaitUntil = WaitUntilState.DOMContentLoaded });
        return page;
    }

    public override async ValueTask DisposeAsync()
    {
        if (_browser is not null) await _browser.DisposeAsync();
        _playwright?.Dispose();
        await base.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class BrowserPortalCollection : ICollectionFixture<BrowserPortal>
{
    public const string Name = "browser portal";
}
