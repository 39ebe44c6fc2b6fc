using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace ProjectWorkflow.Browser.Tests;

/// <summary>
/// The portal speaks Chinese first; one click on "English" changes every label of the page (headings, column
/// headings, buttons, links, navigation), and the choice follows the person to another browser.
/// </summary>
[Collection(BrowserPortalCollection.Name)]
public sealed partial class LanguageSwitchTests(BrowserPortal portal) : BrowserStory(portal)
{
    private const string Labels = "h1, h2, th, button, label, nav a, a.brand, .tabs a";

    // A label's words without the data it offers: the districts in the inbox's filter are the pool register's names as
    // staff recorded them (in Chinese), not words of the portal; the filter's own label and its "any" choice are.
    private const string WithoutData = @"label => {
        const copy = label.cloneNode(true);
        copy.querySelectorAll('select[name=district] option:not([value=""""])').forEach(o => o.remove());
        document.body.appendChild(copy);
        const text = copy.innerText;
        copy.remove();
        return text;
    }";

    [Fact]
    public async Task TheLanguageSwitch_ChangesEveryVisibleLabel_AndIsRememberedForTheUser()
    {
        var page = await portal.SignInAsync("approver1", "/portal/tasks");
        var chinese = await VisibleLabelsAsync(page);
        Assert.Contains("待办任务", chinese);
        Assert.Contains(chinese, label => Han().IsMatch(label));

        await page.GetByRole(AriaRole.Button, new() { Name = "English" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Task inbox");
        var english = await VisibleLabelsAsync(page);
        Assert.Equal(chinese.Count, english.Count);
        // Every label is now English: no Chinese character is left in any of them.
        Assert.DoesNotContain(english, label => Han().IsMatch(label) && label != "中文");
        await PortalPages.ScreenshotAsync(page, "task-inbox-en");

        // Another browser (no language cookie): signing in brings the saved choice back.
        var elsewhere = await portal.SignInAsync("approver1", "/portal/tasks");
        await Assertions.Expect(elsewhere.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Task inbox");

        // And back to Chinese, which is remembered too.
        await elsewhere.GetByRole(AriaRole.Button, new() { Name = "中文" }).ClickAsync();
        await Assertions.Expect(elsewhere.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("待办任务");
    }

    private static async Task<IReadOnlyList<string>> VisibleLabelsAsync(IPage page)
    {
        var labels = new List<string>();
        foreach (var element in await page.Locator(Labels).AllAsync())
            if (await element.IsVisibleAsync())
                labels.Add((await element.EvaluateAsync<string>(WithoutData)).Trim());
        return labels.Where(l => l.Length > 0).ToList();
    }

    [GeneratedRegex(@"\p{IsCJKUnifiedIdeographs}")]
    private static partial Regex Han();
}
