using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Net.Http.Headers;
using ProjectWorkflow.Application.Persistence;
using ProjectWorkflow.Application.Seeding;
using ProjectWorkflow.Web.Tests.Fixtures;
using ProjectWorkflow.Web.Tests.Funding;

namespace ProjectWorkflow.Web.Tests.Operations;

/// <summary>
/// A person behind a load balancer lands on any node: the sign-in form one node served, the cookie another issued and
/// the next page a third answers must all agree (the key ring that signs them is in the database, not on a node), and
/// a file attached through one node is there when the next request lands on another (the shared folder).
/// </summary>
[Collection(PortalAppCollection.Name)]
public sealed class NodesShareStateTests(TwoNodesOnOneDatabase cluster) : IClassFixture<TwoNodesOnOneDatabase>
{
    [Fact]
    public async Task AFormServedByNodeA_SignsInOnNodeB_AndNodeBsCookieOpensPagesOnNodeA()
    {
        using var browserOnA = cluster.A.Browser();
        using var browserOnB = cluster.B.Browser();

        var form = await browserOnA.GetAsync("/account/login");
        var antiforgeryCookie = CookiesOf(form);
        var (field, token) = PortalApp.AntiforgeryTokenOf(await form.Content.ReadAsStringAsync());

        var signIn = new HttpRequestMessage(HttpMethod.Post, "/account/login")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                [field] = token,
                ["username"] = "enterprise1",
                ["password"] = DemoUsers.Password,
                ["returnUrl"] = "/",
            }),
        };
        signIn.Headers.Add(HeaderNames.Cookie, antiforgeryCookie);
        var signedIn = await browserOnB.SendAsync(signIn);
        Assert.True(signedIn.StatusCode == HttpStatusCode.Redirect,
            $"node B refused node A's sign-in form: {(int)signedIn.StatusCode} {await signedIn.Content.ReadAsStringAsync()}");
        var session = CookiesOf(signedIn);
        Assert.Contains("pw.auth=", session);

        var page = new HttpRequestMessage(HttpMethod.Get, "/portal/notifications");
        page.Headers.Add(HeaderNames.Cookie, session);
        var answered = await browserOnA.SendAsync(page);
        Assert.Equal(HttpStatusCode.OK, answered.StatusCode);
    }

    [Fact]
    public async Task TheKeyRing_IsInTheDatabase_AndNoNodeKeepsOneOnDisk()
    {
        using var browserOnA = cluster.A.Browser();
        Assert.Equal(HttpStatusCode.OK, (await browserOnA.GetAsync("/account/login")).StatusCode);

        var keys = await cluster.QueryAsync(db => db.Set<DataProtectionKeyRecord>().ToListAsync());
        Assert.NotEmpty(keys);
        Assert.All(keys, key => Assert.StartsWith("<key ", key.Xml, StringComparison.Ordinal));
        Assert.False(Directory.Exists(Path.Combine(cluster.A.DataDirectory, "keys", "data-protection")));
        Assert.False(Directory.Exists(Path.Combine(cluster.B.DataDirectory, "keys", "data-protection")));
    }

    [Fact]
    public async Task AFileAttachedThroughNodeA_IsDownloadedThroughNodeB_FromTheSharedFolder()
    {
        using var applicantOnA = await cluster.A.ClientForAsync("enterprise1");
        using var applicantOnB = await cluster.B.ClientForAsync("enterprise1");
        var draft = await FundingApi.DraftAsync(applicantOnA, "tech-upgrade", FundingApi.Project("Shared storage line"));
        var id = draft.GetProperty("id").GetGuid();

        var attached = await FundingApi.AttachAsync(applicantOnA, id, "feasibility-report", "feasibility.pdf", FundingApi.Pdf);
        Assert.Equal(HttpStatusCode.Created, attached.StatusCode);
        var attachment = await attached.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>();

        var download = await applicantOnB.GetAsync($"/api/applications/{id}/attachments/{attachment.GetProperty("id").GetGuid()}");
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal(FundingApi.Pdf, await download.Content.ReadAsByteArrayAsync());
        Assert.NotEmpty(Directory.GetFiles(Path.Combine(cluster.SharedDirectory, "uploads"), "*.pdf", SearchOption.AllDirectories));
        Assert.False(Directory.Exists(Path.Combine(cluster.A.DataDirectory, "uploads")));
    }

    /// <summary>The cookies a response sets, as a browser sends them back (<c>name=value; …</c>).</summary>
    private static string CookiesOf(HttpResponseMessage response) =>
        string.Join("; ", response.Headers.TryGetValues(HeaderNames.SetCookie, out var cookies)
            ? cookies.Select(c => c.Split(';')[0])
            : []);
}
