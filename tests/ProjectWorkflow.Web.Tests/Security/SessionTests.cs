using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using ProjectWorkflow.Application.Identity;
using ProjectWorkflow.Application.Seeding;
using ProjectWorkflow.Web.Auth;
using ProjectWorkflow.Web.Tests.Fixtures;

namespace ProjectWorkflow.Web.Tests.Security;

/// <summary>
/// A token or a portal cookie is good only while its user is: locked out, disabled, given or stripped of a role, or
/// never there at all, and the next request answers 401. Each story uses its own new user.
/// </summary>
[Collection(PortalAppCollection.Name)]
public sealed class SessionTests(PortalApp app)
{
    [Fact]
    public async Task AToken_StopsWorking_WhenItsUserIsLockedOutByWrongPasswords()
    {
        var user = await NewUserAsync(Roles.Finance);
        using var client = await app.CreateClientForAsync(user);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/me")).StatusCode);

        for (var i = 0; i < 5; i++)
            await TokenAsync(user, "not-the-password");

        await ProblemAssert.IsProblemAsync(await client.GetAsync("/api/me"), HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task ALockedAccount_IsAnsweredLikeAnUnknownUser_EvenWithTheRightPassword()
    {
        var user = await NewUserAsync(Roles.Finance);
        for (var i = 0; i < 5; i++)
            await TokenAsync(user, "not-the-password");

        var locked = await TokenAsync(user, DemoUsers.Password);
        var unknown = await TokenAsync("no-such-user-" + Guid.NewGuid().ToString("N")[..8], DemoUsers.Password);

        var lockedProblem = await ProblemAssert.IsProblemAsync(locked, HttpStatusCode.Unauthorized);
        var unknownProblem = await ProblemAssert.IsProblemAsync(unknown, HttpStatusCode.Unauthorized);
        Assert.Equal(unknownProblem.GetProperty("title").GetString(), lockedProblem.GetProperty("title").GetString());
        Assert.Equal(unknownProblem.GetProperty("detail").GetString(), lockedProblem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task AToken_StopsWorking_WhenTheAdministratorDisablesTheAccount()
    {
        var user = await NewUserAsync(Roles.Auditor);
        using var client = await app.CreateClientForAsync(user);

        await WithUserAsync(user, (users, u) => users.SetLockoutEndDateAsync(u, DateTimeOffset.MaxValue));

        await ProblemAssert.IsProblemAsync(await client.GetAsync("/api/me"), HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task AToken_StopsWorking_WhenARoleIsTakenAway()
    {
        var user = await NewUserAsync(Roles.Finance);
        using var client = await app.CreateClientForAsync(user);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/ledger/payment-orders")).StatusCode);

        await WithUserAsync(user, (users, u) => users.RemoveFromRoleAsync(u, Roles.Finance));

        await ProblemAssert.IsProblemAsync(await client.GetAsync("/api/ledger/payment-orders"), HttpStatusCode.Unauthorized);
        // Signed in again, the person has the roles they now have.
        using var again = await app.CreateClientForAsync(user);
        Assert.Empty((await again.GetFromJsonAsync<Me>("/api/me"))!.Roles);
    }

    [Fact]
    public async Task AKeySignedTokenForAUserWhoDoesNotExist_IsRefused()
    {
        var ghost = new PortalUser { Id = Guid.NewGuid().ToString(), UserName = "ghost", SecurityStamp = Guid.NewGuid().ToString() };
        var token = app.Services.GetRequiredService<TokenIssuer>().Issue(ghost, [Roles.Admin]);
        using var client = app.CreateClientWithToken(token.Token);

        await ProblemAssert.IsProblemAsync(await client.GetAsync("/api/users"), HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task APortalCookie_StopsWorking_WhenTheUserIsLockedOut()
    {
        var user = await NewUserAsync(Roles.Finance);
        using var portal = await app.CreateSignedInClientAsync(user);
        Assert.Equal(HttpStatusCode.OK, (await portal.GetAsync("/api/me")).StatusCode);

        for (var i = 0; i < 5; i++)
            await TokenAsync(user, "not-the-password");

        Assert.Equal(HttpStatusCode.Unauthorized, (await portal.GetAsync("/api/me")).StatusCode);
        var page = await portal.GetAsync("/finance");
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.Contains("/account/login", page.Headers.Location?.OriginalString);
    }

    private async Task<string> NewUserAsync(string role)
    {
        var name = $"{role}-{Guid.NewGuid():N}"[..24];
        using var admin = await app.CreateClientForAsync("admin1");
        var created = await admin.PostAsJsonAsync("/api/users", new { userName = name, displayName = "Session test", password = DemoUsers.Password, roles = new[] { role } });
        Assert.True(created.IsSuccessStatusCode, await created.Content.ReadAsStringAsync());
        return name;
    }

    private async Task<HttpResponseMessage> TokenAsync(string user, string password)
    {
        using var client = app.CreateAnonymousClient();
        return await client.PostAsJsonAsync("/api/auth/token", new { username = user, password });
    }

    private async Task WithUserAsync(string userName, Func<UserManager<PortalUser>, PortalUser, Task<IdentityResult>> change)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        var user = await users.FindByNameAsync(userName);
        Assert.True((await change(users, user!)).Succeeded);
    }
}
