using Microsoft.Playwright;

namespace ProjectWorkflow.Browser.Tests;

/// <summary>A clerk signs in to the portal in a real browser.</summary>
[Collection(BrowserPortalCollection.Name)]
public sealed class SignInTests(BrowserPortal portal)
{
    [Fact]
    public async Task AWrongPassword_IsSaidPlainly_AndTheRightOneOpensThePortal()
    {
        var page = await portal.OpenPageAsync();
        await page.GotoAsync("/");
        Assert.EndsWith("/account/login", new Uri(page.Url).AbsolutePath);

        await page.GetByLabel("User name").FillAsync("enterprise1");
        await page.GetByLabel("Password").FillAsync("not-the-password");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        Assert.Equal(ProjectWorkflow.Web.Auth.PasswordCheck.RefusalDetail, (await page.GetByRole(AriaRole.Alert).TextContentAsync())?.Trim());

        await page.GetByLabel("User name").FillAsync("enterprise1");
        await page.GetByLabel("Password").FillAsync(ProjectWorkflow.Application.Seeding.DemoUsers.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/");
        Assert.Contains("Signed in as enterprise1", await page.Locator("body").InnerTextAsync());
    }
}
