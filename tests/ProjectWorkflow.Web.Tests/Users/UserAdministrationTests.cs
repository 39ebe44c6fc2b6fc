using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ProjectWorkflow.Application.Identity;
using ProjectWorkflow.Application.Seeding;
using ProjectWorkflow.Web.Tests.Fixtures;

namespace ProjectWorkflow.Web.Tests.Users;

/// <summary>
/// The administrators' user changes through the API: disabling (sign-in refused, sessions ended; never oneself),
/// enabling, a temporary password shown once, and roles (never two of applicant, expert, approver, payer). Each is
/// audited. Each story uses its own new user.
/// </summary>
[Collection(PortalAppCollection.Name)]
public sealed class UserAdministrationTests(PortalApp app)
{
    [Fact]
    public async Task DisableUser_RefusesSignInAndEndsTheSessions_UntilEnableUser()
    {
        var user = await NewUserAsync(Roles.Finance);
        using var admin = await app.CreateClientForAsync("admin1");
        using var session = await app.CreateClientForAsync(user);

        var disabled = await admin.PostAsJsonAsync($"/api/users/{user}/disable", new { reason = "left the office" });
        Assert.Equal(HttpStatusCode.OK, disabled.StatusCode);
        Assert.True((await disabled.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("disabled").GetBoolean());
        await ProblemAssert.IsProblemAsync(await session.GetAsync("/api/me"), HttpStatusCode.Unauthorized);
        await ProblemAssert.IsProblemAsync(await TokenAsync(user, DemoUsers.Password), HttpStatusCode.Unauthorized);
        var listed = await admin.GetFromJsonAsync<JsonElement>("/api/users");
        Assert.True(listed.EnumerateArray().Single(u => u.GetProperty("userName").GetString() == user).GetProperty("disabled").GetBoolean());
        Assert.Contains(await AuditAsync(admin, user), e => e.GetProperty("action").GetString() == "user.disabled");

        var enabled = await admin.PostAsync($"/api/users/{user}/enable", null);
        Assert.Equal(HttpStatusCode.OK, enabled.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await TokenAsync(user, DemoUsers.Password)).StatusCode);
        Assert.Contains(await AuditAsync(admin, user), e => e.GetProperty("action").GetString() == "user.enabled");
    }

    [Fact]
    public async Task DisableUser_RefusesTheAdministratorsOwnAccount_AndAnUnknownUser()
    {
        var administrator = await NewUserAsync(Roles.Admin);
        using var admin = await app.CreateClientForAsync(administrator);

        var own = await ProblemAssert.IsProblemAsync(await admin.PostAsJsonAsync($"/api/users/{administrator}/disable", new { }), HttpStatusCode.UnprocessableEntity);
        Assert.Equal("OwnAccount", own.GetProperty("rule").GetString());
        Assert.Contains("不能停用自己的账号", own.GetProperty("messageZh").GetString());
        await ProblemAssert.IsProblemAsync(await admin.PostAsJsonAsync("/api/users/nobody-here/disable", new { }), HttpStatusCode.NotFound);
        // Another administrator may disable this one: admin1 stays enabled.
        using var admin1 = await app.CreateClientForAsync("admin1");
        Assert.Equal(HttpStatusCode.OK, (await admin1.PostAsJsonAsync($"/api/users/{administrator}/disable", new { })).StatusCode);
    }

    [Fact]
    public async Task ResetPassword_GivesATemporaryPasswordOnce_TheOldOneStopsWorking_AndTheAuditNeverHoldsIt()
    {
        var user = await NewUserAsync(Roles.Auditor);
        using var admin = await app.CreateClientForAsync("admin1");
        using var session = await app.CreateClientForAsync(user);

        var reset = await admin.PostAsync($"/api/users/{user}/password-reset", null);
        Assert.Equal(HttpStatusCode.OK, reset.StatusCode);
        Assert.Contains("no-store", reset.Headers.CacheControl?.ToString());
        var temporary = (await reset.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("temporaryPassword").GetString()!;
        Assert.Equal(16, temporary.Length);

        await ProblemAssert.IsProblemAsync(await session.GetAsync("/api/me"), HttpStatusCode.Unauthorized);
        await ProblemAssert.IsProblemAsync(await TokenAsync(user, DemoUsers.Password), HttpStatusCode.Unauthorized);
        Assert.Equal(HttpStatusCode.OK, (await TokenAsync(user, temporary)).StatusCode);
        var audit = await AuditAsync(admin, user);
        Assert.Contains(audit, e => e.GetProperty("action").GetString() == "user.password-reset");
        Assert.DoesNotContain(temporary, audit.Select(e => e.GetRawText()).Aggregate("", string.Concat));
    }

    [Fact]
    public async Task ChangeRoles_RefusesASetThatPlaysTwoParts_WithTheRulesSentence_AndChangesNothing()
    {
        var user = await NewUserAsync(Roles.Finance);
        using var admin = await app.CreateClientForAsync("admin1");

        var refused = await ProblemAssert.IsProblemAsync(
            await admin.PutAsJsonAsync($"/api/users/{user}/roles", new { roles = new[] { Roles.Finance, Roles.Expert } }), HttpStatusCode.UnprocessableEntity);
        Assert.Equal("RoleSetConflict", refused.GetProperty("rule").GetString());
        Assert.Contains("评审专家和拨付人", refused.GetProperty("messageZh").GetString());
        Assert.Contains("expert and payer", refused.GetProperty("messageEn").GetString());
        // An enterprise's applicant and a district reviewer (an approver) together: refused too.
        await ProblemAssert.IsProblemAsync(
            await admin.PutAsJsonAsync($"/api/users/{user}/roles", new { roles = new[] { Roles.Enterprise, Roles.DistrictReviewer } }), HttpStatusCode.UnprocessableEntity);
        var unknown = await ProblemAssert.IsProblemAsync(
            await admin.PutAsJsonAsync($"/api/users/{user}/roles", new { roles = new[] { "overlord" } }), HttpStatusCode.BadRequest);
        Assert.Equal("roles", unknown.GetProperty("errors")[0].GetProperty("field").GetString());
        Assert.Equal([Roles.Finance], await RolesOfAsync(admin, user));
    }

    [Fact]
    public async Task ChangeRoles_GivesAndTakesRoles_EndsTheOldSessions_AndIsAudited()
    {
        var user = await NewUserAsync(Roles.Finance);
        using var admin = await app.CreateClientForAsync("admin1");
        using var session = await app.CreateClientForAsync(user);

        var changed = await admin.PutAsJsonAsync($"/api/users/{user}/roles", new { roles = new[] { Roles.Auditor, Roles.Admin } });
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.Equal([Roles.Admin, Roles.Auditor], await RolesOfAsync(admin, user));
        await ProblemAssert.IsProblemAsync(await session.GetAsync("/api/me"), HttpStatusCode.Unauthorized);
        var entry = (await AuditAsync(admin, user)).Single(e => e.GetProperty("action").GetString() == "user.roles-changed");
        Assert.Contains("finance → admin, auditor", entry.GetProperty("detail").GetString());

        // The new administrator may not take away their own administrator role.
        using var self = await app.CreateClientForAsync(user);
        var own = await ProblemAssert.IsProblemAsync(
            await self.PutAsJsonAsync($"/api/users/{user}/roles", new { roles = new[] { Roles.Auditor } }), HttpStatusCode.UnprocessableEntity);
        Assert.Equal("OwnAccount", own.GetProperty("rule").GetString());
    }

    private async Task<string> NewUserAsync(string role)
    {
        var name = $"{role}-{Guid.NewGuid():N}"[..24];
        using var admin = await app.CreateClientForAsync("admin1");
        var created = await admin.PostAsJsonAsync("/api/users", new { userName = name, displayName = "User administration test", password = DemoUsers.Password, roles = new[] { role } });
        Assert.True(created.IsSuccessStatusCode, await created.Content.ReadAsStringAsync());
        return name;
    }

    private async Task<HttpResponseMessage> TokenAsync(string user, string password)
    {
        using var client = app.CreateAnonymousClient();
        return await client.PostAsJsonAsync("/api/auth/token", new { username = user, password });
    }

    private static async Task<List<string>> RolesOfAsync(HttpClient admin, string user) =>
        (await admin.GetFromJsonAsync<JsonElement>("/api/users")).EnumerateArray().Single(u => u.GetProperty("userName").GetString() == user)
            .GetProperty("roles").EnumerateArray().Select(r => r.GetString()!).ToList();

    private static async Task<List<JsonElement>> AuditAsync(HttpClient admin, string user) =>
        (await admin.GetFromJsonAsync<JsonElement>($"/api/audit?objectId={Uri.EscapeDataString(user)}&take=50")).GetProperty("entries").EnumerateArray().ToList();
}
