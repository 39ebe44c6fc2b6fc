using Microsoft.Playwright;

namespace ProjectWorkflow.Browser.Tests;

/// <summary>
/// The content security policy is strict (scripts only from this site, or by the page's nonce) and still the pages
/// people use work in a real browser: the API reference renders, the jobs dashboard renders, the finance desk renders,
/// and the browser reports no blocked script, style, font or request.
/// </summary>
[Collection(BrowserPortalCollection.Name)]
public sealed class ContentSecurityPolicyTests(BrowserPortal portal) : BrowserStory(portal)
{
    [Fact]
    public async Task TheApiReference_WorksUnderThePolicy()
    {
        var page = await portal.OpenPageAsync();
        var blocked = Watch(page);

        await page.GotoAsync("/scalar/");

        // The reference rendered the OpenAPI document it fetched: its operations are listed.
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { NameRegex = new("Who the caller is, and their roles") }).First).ToBeVisibleAsync(new() { Timeout = 30_000 });
        Assert.Empty(blocked);
    }

    [Fact]
    public async Task TheJobsDashboard_WorksUnderThePolicy()
    {
        var page = await portal.SignInAsync("admin1", "/hangfire");
        var blocked = Watch(page);

        await page.ReloadAsync();
        await page.GotoAsync("/hangfire/recurring");

        await Assertions.Expect(page.GetByText("ProjectWorkflow jobs").First).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("timer-sweep").First).ToBeVisibleAsync();
        Assert.Empty(blocked);
    }

    [Fact]
    public async Task TheFinanceDesk_WorksUnderThePolicy()
    {
        var page = await portal.SignInAsync("finance1", "/finance");
        var blocked = Watch(page);

        await page.ReloadAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "财务工作台" })).ToBeVisibleAsync();
        Assert.Empty(blocked);
    }

    /// <summary>What the browser reports it refused because of the policy.</summary>
    private static List<string> Watch(IPage page)
    {
        var blocked = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase) || message.Text.Contains("Refused to", StringComparison.Ordinal))
                lock (blocked) blocked.Add(message.Text);
        };
        page.PageError += (_, error) => { lock (blocked) blocked.Add("page error: " + error); };
        return blocked;
    }
}
