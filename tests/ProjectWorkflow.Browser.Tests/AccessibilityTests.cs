using Microsoft.Playwright;

namespace ProjectWorkflow.Browser.Tests;

/// <summary>
/// The main pages pass axe-core's checks (no serious or critical violation: labels, contrast, names a screen reader
/// reads, landmarks) in Chinese, and each is saved as a screenshot under artifacts/portal for a person to look at.
/// </summary>
[Collection(BrowserPortalCollection.Name)]
public sealed class AccessibilityTests(BrowserPortal portal) : BrowserStory(portal)
{
    [Fact]
    public async Task TheSignInPage_HasNoSeriousAccessibilityViolation()
    {
        var page = await portal.OpenPageAsync();
        await page.GotoAsync("/account/login");
        await PortalPages.ScreenshotAsync(page, "sign-in");
        Assert.Empty(await PortalPages.SeriousViolationsAsync(page));
    }

    [Theory]
    [InlineData("enterprise1", "/", "home-enterprise")]
    [InlineData("enterprise1", "/portal/applications", "applications")]
    [InlineData("reviewer1", "/portal/tasks", "task-inbox")]
    [InlineData("finance1", "/finance", "finance-desk")]
    [InlineData("expert1", "/portal/notifications", "notifications")]
    public async Task TheMainPages_HaveNoSeriousAccessibilityViolation(string user, string path, string screenshot)
    {
        var page = await portal.SignInAsync(user, path);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToBeVisibleAsync();
        await PortalPages.ScreenshotAsync(page, screenshot);
        Assert.Empty(await PortalPages.SeriousViolationsAsync(page));
    }

    [Fact]
    public async Task OnAPhone_TheNavigationFoldsIntoAMenuButton()
    {
        var page = await portal.SignInAsync("finance1", "/finance");
        await page.SetViewportSizeAsync(390, 844);
        var nav = page.GetByRole(AriaRole.Navigation, new() { Name = "主导航" });
        await Assertions.Expect(nav).ToBeHiddenAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "菜单" }).ClickAsync();
        await Assertions.Expect(nav).ToBeVisibleAsync();
        await PortalPages.ScreenshotAsync(page, "finance-desk-phone");
    }
}
