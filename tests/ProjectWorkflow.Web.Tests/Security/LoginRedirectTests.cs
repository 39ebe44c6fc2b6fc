using System.Net;
using ProjectWorkflow.Application.Seeding;
using ProjectWorkflow.Web.Tests.Fixtures;

namespace ProjectWorkflow.Web.Tests.Security;

/// <summary>A phishing link sends a person to the real login form with a return address on another site: after signing in they stay here.</summary>
[Collection(PortalAppCollection.Name)]
public sealed class LoginRedirectTests(PortalApp app)
{
    public static TheoryData<string> OffSite() =>
    [
        "/\t/evil.example",
        "//evil.example",
        "/\\evil.example",
        "\\\\evil.example",
        "https://evil.example/",
        "/\r\n/evil.example",
        " //evil.example",
    ];

    [Theory]
    [MemberData(nameof(OffSite))]
    public async Task TheLoginForm_NeverOffersAnOffSiteReturnAddress(string returnUrl)
    {
        using var client = app.CreateAnonymousClient();

        var form = await client.GetAsync($"/account/login?returnUrl={Uri.EscapeDataString(returnUrl)}");

        Assert.Equal(HttpStatusCode.OK, form.StatusCode);
        Assert.Matches("""name="returnUrl" value="/"\s*/?>""", await form.Content.ReadAsStringAsync());
    }

    [Theory]
    [MemberData(nameof(OffSite))]
    public async Task SigningIn_WithAnOffSiteReturnAddress_LandsOnTheHomePage_NeverA5xx(string returnUrl)
    {
        using var client = app.CreateAnonymousClient();
        var (tokenName, token) = PortalApp.AntiforgeryTokenOf(await client.GetStringAsync("/account/login"));

        var signIn = await client.PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            [tokenName] = token,
            ["username"] = "reviewer1",
            ["password"] = DemoUsers.Password,
            ["returnUrl"] = returnUrl,
        }));

        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        Assert.Equal("/", signIn.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task SigningIn_WithAPathOfThisSite_LandsThere()
    {
        using var client = app.CreateAnonymousClient();
        var (tokenName, token) = PortalApp.AntiforgeryTokenOf(await client.GetStringAsync("/account/login?returnUrl=%2Ffinance%3Fdone%3Dx"));

        var signIn = await client.PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            [tokenName] = token, ["username"] = "finance1", ["password"] = DemoUsers.Password, ["returnUrl"] = "/finance?done=x",
        }));

        Assert.Equal("/finance?done=x", signIn.Headers.Location?.OriginalString);
    }
}
