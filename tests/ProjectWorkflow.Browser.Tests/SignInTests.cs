using Microsoft.Playwright;

namespace ProjectWorkflow.Browser.Tests;

/// <summary>A clerk signs in to the portal in a real browser.</summary>
[Collection(BrowserPortalCollection.Name)]
public sealed class SignInTests(BrowserPortal portal) : BrowserStory(portal)
{
    [Fact]
    public async Task AWrongPassword_IsSaidPlainly_AndTheRightOneOpensThePortal()
    {
        var page = await portal.OpenPageAsync();
        await page.GotoAsync("/");
        Assert.EndsWith("/account/login", new Uri(page.Url).AbsolutePath);

        await page.GetByLabel("用户名").FillAsync("enterprise1");
        await page.GetByLabel("密码").FillAsync("not-the-password");
        await page.GetByRole(AriaRole.Button, new() { Name = "登录", Exact = true }).ClickAsync();
        Assert.Equal("用户名或密码不正确，或账户已被锁定。", (await page.GetByRole(AriaRole.Alert).TextContentAsync())?.Trim());

        await page.GetByLabel("用户名").FillAsync("enterprise1");
        await page.GetByLabel("密码").FillAsync(ProjectWorkflow.Application.Seeding.DemoUsers.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "登录", Exact = true }).ClickAsync();
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/");
        Assert.Contains("当前用户：enterprise1", await page.Locator("body").InnerTextAsync());
    }
}
