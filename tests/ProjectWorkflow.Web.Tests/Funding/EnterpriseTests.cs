using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ProjectWorkflow.Web.Tests.Fixtures;

namespace ProjectWorkflow.Web.Tests.Funding;

/// <summary>Enterprises register by their unified social credit code; each sees only its own record.</summary>
[Collection(PortalAppCollection.Name)]
public sealed class EnterpriseTests(PortalApp app)
{
    [Fact]
    public async Task ANewEnterpriseUser_RegistersItsEnterprise_WithAValidCode_Once()
    {
        using var admin = await app.CreateClientForAsync("admin1");
        var userName = $"clerk{Guid.NewGuid():N}"[..20];
        var created = await admin.PostAsJsonAsync("/api/users", new { userName, displayName = "Clerk", password = "Clerk#2026pw", roles = new[] { "enterprise" } });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        using var clerk = await app.CreateClientForAsync(userName, "Clerk#2026pw");

        await ProblemAssert.IsProblemAsync(await clerk.GetAsync("/api/enterprises/mine"), HttpStatusCode.NotFound);
        var badCode = await clerk.PostAsJsonAsync("/api/enterprises", new { uscc = "91350100M000100Y44", name = "Bad", address = "x" });
        var badProblem = await ProblemAssert.IsProblemAsync(badCode, HttpStatusCode.BadRequest);
        Assert.Contains("check character", badProblem.GetProperty("errors")[0].GetProperty("message").GetString());
        var taken = await clerk.PostAsJsonAsync("/api/enterprises", new { uscc = "91310115MA1H8C2Q0N", name = "Copy", address = "x" });
        Assert.Contains("already registered", (await ProblemAssert.IsProblemAsync(taken, HttpStatusCode.Conflict)).GetProperty("detail").GetString());

        var uscc = NewUscc();
        var registered = await clerk.PostAsJsonAsync("/api/enterprises", new { uscc = uscc.ToLowerInvariant(), name = "Clerk Tooling Co.", address = "Songjiang" });
        Assert.Equal(HttpStatusCode.Created, registered.StatusCode);
        var mine = await clerk.GetFromJsonAsync<JsonElement>("/api/enterprises/mine");
        Assert.Equal(uscc, mine.GetProperty("uscc").GetString());
        Assert.Equal([userName], mine.GetProperty("members").EnumerateArray().Select(m => m.GetString()));
        var second = await clerk.PostAsJsonAsync("/api/enterprises", new { uscc = NewUscc(), name = "Second", address = "x" });
        await ProblemAssert.IsProblemAsync(second, HttpStatusCode.Conflict);

        using var other = await app.CreateClientForAsync("enterprise1");
        using var reviewer = await app.CreateClientForAsync("reviewer1");
        var id = mine.GetProperty("id").GetGuid();
        await ProblemAssert.IsProblemAsync(await other.GetAsync($"/api/enterprises/{id}"), HttpStatusCode.Forbidden);
        await ProblemAssert.IsProblemAsync(await other.GetAsync("/api/enterprises"), HttpStatusCode.Forbidden);
        Assert.Equal(HttpStatusCode.OK, (await reviewer.GetAsync($"/api/enterprises/{id}")).StatusCode);
        Assert.Contains((await reviewer.GetFromJsonAsync<JsonElement[]>("/api/enterprises"))!, e => e.GetProperty("uscc").GetString() == uscc);
    }

    /// <summary>A fresh valid code: 17 random characters and their check character.</summary>
    private static string NewUscc()
    {
        const string alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
        var first = "9131" + new string(Enumerable.Range(0, 13).Select(_ => alphabet[Random.Shared.Next(alphabet.Length)]).ToArray());
        return first + ProjectWorkflow.Funding.Enterprises.Uscc.CheckCharacter(first);
    }
}
