using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using ProjectWorkflow.Application.Seeding;
using ProjectWorkflow.Web.Auth;
using ProjectWorkflow.Web.Tests.Fixtures;

namespace ProjectWorkflow.Web.Tests;

[Collection(PortalAppCollection.Name)]
public sealed partial class SignInTests(PortalApp app)
{
    [Theory]
    [InlineData("enterprise1", "enterprise")]
    [InlineData("reviewer1", "district-reviewer")]
    [InlineData("expert1", "expert")]
    [InlineData("expert2", "expert")]
    [InlineData("expert3", "expert")]
    [InlineData("approver1", "dept-approver")]
    [InlineData("finance1", "finance")]
    [InlineData("provider1", "provider")]
    [InlineData("admin1", "admin")]
    [InlineData("auditor1", "auditor")]
    public async Task DemoUser_GetsBearerToken_CarryingTheirRole(string userName, string role)
    {
        using var client = app.CreateAnonymousClient();

        var response = await client.PostAsJsonAsync("/api/auth/token", new { username = userName, password = DemoUsers.Password });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var token = await response.Content.ReadFromJsonAsync<TokenResponse>();
        Assert.Equal("Bearer", token!.TokenType);
        Assert.True(token.ExpiresIn > 0);

        using var signedIn = app.CreateClientWithToken(token.AccessToken);
        var me = await signedIn.GetFromJsonAsync<Me>("/api/me");
        Assert.Equal(userName, me!.UserName);
        Assert.Equal([role], me.Roles);
    }

    [Fact]
    public async Task WrongPassword_Gets401Problem()
    {
        using var client = app.CreateAnonymousClient();

        var response = await client.PostAsJsonAsync("/api/auth/token", new { username = "finance1", password = "not-the-password" });

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Unauthorized);
        Assert.Equal("Invalid credentials", problem.GetProperty("title").GetString());
    }

    [Fact]
    public async Task UnknownUser_Gets401Problem_LikeAWrongPassword()
    {
        using var client = app.CreateAnonymousClient();

        var response = await client.PostAsJsonAsync("/api/auth/token", new { username = "nobody", password = DemoUsers.Password });

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Unauthorized);
        Assert.Equal("Invalid credentials", problem.GetProperty("title").GetString());
    }

    [Fact]
    public async Task ProtectedRoute_Answers401Problem_WithoutTokenAndWithoutRedirect()
    {
        using var client = app.CreateAnonymousClient();

        var response = await client.GetAsync("/api/me");

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task ForgedToken_Gets401Problem()
    {
        using var client = app.CreateClientWithToken(
            "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJuYW1lIjoiYWRtaW4xIiwicm9sZSI6ImFkbWluIn0.c2lnbmF0dXJl");

        await ProblemAssert.IsProblemAsync(await client.GetAsync("/api/me"), HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Enterprise_Gets403Problem_OnTheAdministratorsUserList()
    {
        using var client = await app.CreateClientForAsync("enterprise1");

        var response = await client.GetAsync("/api/users");

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Auditor_ReadsUsers_ButCannotCreateOne()
    {
        using var client = await app.CreateClientForAsync("auditor1");

        var users = await client.GetFromJsonAsync<JsonElement>("/api/users");
        Assert.Contains(users.EnumerateArray(), u => u.GetProperty("userName").GetString() == "admin1");

        var create = await client.PostAsJsonAsync("/api/users",
            new { userName = "sneaky", displayName = "Sneaky", password = "Sneaky#2026", roles = new[] { "admin" } });
        await ProblemAssert.IsProblemAsync(create, HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task PortalUser_SignsInWithTheForm_AndTheCookieOpensTheApi()
    {
        using var client = app.CreateAnonymousClient();

        var form = await client.GetStringAsync("/account/login");
        var antiforgery = AntiforgeryField().Match(form);
        Assert.True(antiforgery.Success, "the login form carries an antiforgery token");

        var signIn = await client.PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            [antiforgery.Groups["name"].Value] = antiforgery.Groups["value"].Value,
            ["username"] = "reviewer1",
            ["password"] = DemoUsers.Password,
            ["returnUrl"] = "/",
        }));
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        Assert.Equal("/", signIn.Headers.Location?.OriginalString);

        var me = await client.GetFromJsonAsync<Me>("/api/me");
        Assert.Equal("reviewer1", me!.UserName);
        Assert.Equal(["district-reviewer"], me.Roles);
    }

    [Fact]
    public async Task PortalPage_RedirectsToTheLoginForm_WhenSignedOut()
    {
        using var client = app.CreateAnonymousClient();

        var response = await client.GetAsync("/");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/login", response.Headers.Location?.OriginalString);
    }

    [GeneratedRegex("""name="(?<name>__RequestVerificationToken[^"]*)" value="(?<value>[^"]+)""")]
    private static partial Regex AntiforgeryField();
}
