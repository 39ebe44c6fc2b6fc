using System.Text.Json;
using ProjectWorkflow.Application.Seeding;

namespace ProjectWorkflow.Web.Tests.Security;

/// <summary>
/// Someone guesses passwords: from one address at many accounts, or at one account from many addresses. Either way the
/// attempts beyond the limit are refused with 429 and Retry-After, and every refusal is logged and audited.
/// </summary>
public sealed class SignInLimitTests(SignInTestApp app) : IClassFixture<SignInTestApp>
{
    [Fact]
    public async Task ManyGuessesFromOneAddress_AreRefusedWith429_AndRetryAfter()
    {
        var address = app.NextAddress();
        for (var i = 0; i < SignInTestApp.PerAddress; i++)
            Assert.Equal(401, (await app.TokenFromAsync(address, $"guess-{i}", "password123")).Status);

        var (status, retryAfter, problem) = await app.TokenFromAsync(address, "admin1", DemoUsers.Password);

        Assert.Equal(429, status);
        Assert.True(int.Parse(retryAfter!) is > 0 and <= 60, retryAfter);
        Assert.Equal(429, problem.GetProperty("status").GetInt32());
        Assert.Equal("Too many sign-in attempts", problem.GetProperty("title").GetString());
        // Another address is not held up.
        Assert.Equal(200, (await app.TokenFromAsync(app.NextAddress(), "admin1", DemoUsers.Password)).Status);
    }

    [Fact]
    public async Task GuessesAtOneAccountFromManyAddresses_AreRefusedWith429_AfterTheLockout_AndAllAreAudited()
    {
        const string target = "approver1";
        for (var i = 0; i < SignInTestApp.PerUserName; i++)
            Assert.Equal(401, (await app.TokenFromAsync(app.NextAddress(), target, $"wrong-{i}")).Status);

        var (status, retryAfter, problem) = await app.TokenFromAsync(app.NextAddress(), target, DemoUsers.Password);

        Assert.Equal(429, status);
        Assert.NotNull(retryAfter);
        Assert.Contains("try again in", problem.GetProperty("detail").GetString());
        Assert.True(await app.AuditedAsync("sign-in.failed", target), "a wrong password is audited");
        Assert.True(await app.AuditedAsync("sign-in.locked-out", target), "the lockout is audited");
        Assert.True(await app.AuditedAsync("sign-in.rate-limited", target), "the refused attempt is audited");
        Assert.Contains(app.Log, line => line.StartsWith("Warning") && line.Contains(target) && line.Contains("locked out"));
        Assert.Contains(app.Log, line => line.StartsWith("Warning") && line.Contains(target) && line.Contains("wrong password"));
    }

    [Fact]
    public async Task AnUnknownUserName_IsLoggedAndAudited_AndAnsweredLikeAWrongPassword()
    {
        var unknown = await app.TokenFromAsync(app.NextAddress(), "nobody-at-all", "password123");
        var wrong = await app.TokenFromAsync(app.NextAddress(), "reviewer1", "password123");

        Assert.Equal(401, unknown.Status);
        Assert.Equal(JsonSerializer.Serialize(Without(wrong.Body, "traceId")), JsonSerializer.Serialize(Without(unknown.Body, "traceId")));
        Assert.True(await app.AuditedAsync("sign-in.failed", "nobody-at-all"));
        Assert.Contains(app.Log, line => line.StartsWith("Warning") && line.Contains("nobody-at-all") && line.Contains("No such user"));
    }

    private static Dictionary<string, JsonElement> Without(JsonElement problem, string property) =>
        problem.EnumerateObject().Where(p => p.Name != property).ToDictionary(p => p.Name, p => p.Value);
}
