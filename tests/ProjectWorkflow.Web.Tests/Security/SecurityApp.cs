using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using ProjectWorkflow.Web.Tests.Fixtures;
using static ProjectWorkflow.Web.Tests.Funding.FundingApi;

namespace ProjectWorkflow.Web.Tests.Security;

/// <summary>
/// One app for the route matrix and the bad-input test: the demo users, a second enterprise ("enterprise2",
/// created here) and one submitted application of each enterprise, so routes that take an object id are
/// called with a real object of the caller's own enterprise and of the other one. Each identity signs in once.
/// </summary>
public sealed class SecurityApp : FundingApp
{
    public const string OtherEnterpriseUser = "enterprise2";
    public const string OtherEnterprisePassword = "Other#2026pw";

    /// <summary>The identities every route is called as (anonymous has no client token).</summary>
    public static readonly string[] Identities =
        ["anonymous", "enterprise1", "reviewer1", "expert1", "approver1", "finance1", "provider1", "admin1", "auditor1", "worker1"];

    protected override bool RunsJobServer => false;

    public SecurityApp() => Clients = new UserClients(this);

    public UserClients Clients { get; }

    /// <summary>Enterprise1's objects, by the name a route's id stands for.</summary>
    public Dictionary<string, string> Own { get; } = [];

    /// <summary>The same kinds of object belonging to enterprise2.</summary>
    public Dictionary<string, string> Others { get; } = [];

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        foreach (var identity in Identities)
            await Clients.ForAsync(identity);

        var admin = Clients["admin1"];
        var created = await admin.PostAsJsonAsync("/api/users", new
        {
            userName = OtherEnterpriseUser, displayName = "Other Clerk", password = OtherEnterprisePassword, roles = new[] { "enterprise" },
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var other = await Clients.ForAsync(OtherEnterpriseUser, OtherEnterprisePassword);
        const string alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
        var first = "9131" + new string(Enumerable.Range(0, 13).Select(_ => alphabet[Random.Shared.Next(alphabet.Length)]).ToArray());
        var registered = await other.PostAsJsonAsync("/api/enterprises",
            new { uscc = first + ProjectWorkflow.Funding.Enterprises.Uscc.CheckCharacter(first), name = "Other Stamping Co.", address = "Jiading" });
        Assert.Equal(HttpStatusCode.Created, registered.StatusCode);

        await SubmitOneAsync(Clients["enterprise1"], Own, "Press line A");
        await SubmitOneAsync(other, Others, "Press line B");
        var draft = await DraftAsync(Clients["enterprise1"], "tech-upgrade", Project("Press line C, still a draft"));
        Drafts = new Dictionary<string, string>(Own) { ["application"] = draft.GetProperty("id").GetString()! };
    }

    /// <summary>Enterprise1's objects with a draft as the application: routes that change an application reach their checks.</summary>
    public Dictionary<string, string> Drafts { get; private set; } = [];

    private async Task SubmitOneAsync(HttpClient applicant, Dictionary<string, string> objects, string name)
    {
        var draft = await DraftAsync(applicant, "tech-upgrade", Project(name));
        await EnterPoolAsync(this, draft);
        var id = draft.GetProperty("id").GetGuid();
        var attached = await AttachAsync(applicant, id, "feasibility-report", "feasibility.pdf", Pdf);
        Assert.Equal(HttpStatusCode.Created, attached.StatusCode);
        var submitted = await SubmitAsync(applicant, id);
        Assert.True(submitted.IsSuccessStatusCode, await submitted.Content.ReadAsStringAsync());
        var view = await submitted.Content.ReadFromJsonAsync<JsonElement>();
        var instance = view.GetProperty("instanceId").GetGuid();
        var tasks = await Clients["admin1"].GetFromJsonAsync<JsonElement>($"/api/tasks?scope=all&instanceId={instance}");
        objects["application"] = id.ToString();
        objects["attachment"] = (await attached.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
        objects["instance"] = instance.ToString();
        objects["task"] = Items(tasks).First().GetProperty("id").GetString()!;
        objects["enterprise"] = (await applicant.GetFromJsonAsync<JsonElement>("/api/enterprises/mine")).GetProperty("id").GetString()!;
    }

    private static IEnumerable<JsonElement> Items(JsonElement page) =>
        page.ValueKind == JsonValueKind.Array ? page.EnumerateArray() : page.GetProperty("items").EnumerateArray();

    /// <summary>Every route of the real host: method and pattern as the endpoint list has them.</summary>
    public IReadOnlyList<(string Method, string Pattern)> Routes() =>
        Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"])
                .Select(m => (m, "/" + (e.RoutePattern.RawText ?? "").TrimStart('/'))))
            .Distinct().OrderBy(r => r.Item2, StringComparer.Ordinal).ThenBy(r => r.m).ToList();
}

[CollectionDefinition(Name)]
public sealed class SecurityAppCollection : ICollectionFixture<SecurityApp>
{
    public const string Name = "security app";
}
