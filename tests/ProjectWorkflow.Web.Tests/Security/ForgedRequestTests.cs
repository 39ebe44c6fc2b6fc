using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using ProjectWorkflow.Web.Tests.Fixtures;
using ProjectWorkflow.Web.Tests.Funding;
using static ProjectWorkflow.Web.Tests.Funding.FundingApi;

namespace ProjectWorkflow.Web.Tests.Security;

/// <summary>
/// A signed-in finance officer visits another site, which posts to the finance desk's approve button with her cookie.
/// Whatever the forged request looks like, it is refused and the payment waits for her; her own button still works.
/// </summary>
public sealed class ForgedRequestTests(FundingApp app) : IClassFixture<FundingApp>
{
    private readonly LifecycleWalk _walk = new(app);

    [Fact]
    public async Task ForgedApprovals_AreRefused_AndTheRealButtonStillApproves()
    {
        var applicant = await _walk.ClientAsync("enterprise1");
        var finance = await _walk.ClientAsync("finance1");
        var (id, _) = await _walk.ApprovedGreenParkAsync(applicant, "Heat recovery for the paint shop", "310101198707070077");
        await app.AdvanceAsync(TimeSpan.FromDays(8));
        await LifecycleWalk.SignAsync(applicant, id);
        var order = await Eventually.WaitForAsync(async () => (await finance.GetFromJsonAsync<JsonElement[]>($"/api/ledger/payment-orders?applicationId={id}"))!
            .Where(o => o.GetProperty("status").GetString() == "awaiting-approval").Select(o => (object)o.GetProperty("id").GetGuid()).FirstOrDefault(), "the first installment's order");
        var approve = $"/finance/payment-orders/{order}/approve";

        using var desk = await app.CreateSignedInClientAsync("finance1");
        var (tokenName, token) = PortalApp.AntiforgeryTokenOf(await desk.GetStringAsync("/finance"));

        // The forgeries the attack used: an empty body, "x=1", text/plain from a foreign origin; and a made-up token.
        await RefusedAsync(await desk.PostAsync(approve, null), HttpStatusCode.BadRequest);
        await RefusedAsync(await desk.PostAsync(approve, Form(("x", "1"))), HttpStatusCode.BadRequest);
        await RefusedAsync(await desk.SendAsync(FromAnotherSite(approve, new StringContent("x=1", Encoding.UTF8, "text/plain"))), HttpStatusCode.Forbidden);
        await RefusedAsync(await desk.PostAsync(approve, Form((tokenName, "CfDJ8-not-a-token"))), HttpStatusCode.BadRequest);
        // Even her real token does not help a page on another site (Origin), nor one that only sends a Referer.
        await RefusedAsync(await desk.SendAsync(FromAnotherSite(approve, Form((tokenName, token)))), HttpStatusCode.Forbidden);
        var viaReferer = new HttpRequestMessage(HttpMethod.Post, approve) { Content = Form((tokenName, token)) };
        viaReferer.Headers.Referrer = new Uri("https://evil.example/pay.html");
        await RefusedAsync(await desk.SendAsync(viaReferer), HttpStatusCode.Forbidden);
        // The API answers a cookie-carried call the same way (a bearer client is not affected).
        await RefusedAsync(await desk.PostAsync($"/api/ledger/payment-orders/{order}/approve", null), HttpStatusCode.BadRequest);
        Assert.Equal("awaiting-approval", await StatusAsync(finance, order));

        // Her own button, from the desk's page, with its token.
        var pressed = await desk.PostAsync(approve, Form((tokenName, token)));
        Assert.Equal(HttpStatusCode.Redirect, pressed.StatusCode);
        Assert.StartsWith("/finance?done=", pressed.Headers.Location?.OriginalString);
        Assert.NotEqual("awaiting-approval", await StatusAsync(finance, order));
    }

    [Fact]
    public async Task AForgedSignOut_IsRefused_AndTheSessionGoesOn()
    {
        using var portal = await app.CreateSignedInClientAsync("auditor1");

        await RefusedAsync(await portal.PostAsync("/account/logout", null), HttpStatusCode.BadRequest);
        await RefusedAsync(await portal.SendAsync(FromAnotherSite("/account/logout", new StringContent("", Encoding.UTF8, "text/plain"))), HttpStatusCode.Forbidden);

        Assert.Equal(HttpStatusCode.OK, (await portal.GetAsync("/api/me")).StatusCode);
        var (tokenName, token) = PortalApp.AntiforgeryTokenOf(await portal.GetStringAsync("/"));
        var signedOut = await portal.PostAsync("/account/logout", Form((tokenName, token)));
        Assert.Equal(HttpStatusCode.Redirect, signedOut.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await portal.GetAsync("/api/me")).StatusCode);
    }

    [Fact]
    public async Task ACookieCarriedApiCall_WorksWithTheTokenInItsHeader_AndABearerCallNeedsNone()
    {
        using var portal = await app.CreateSignedInClientAsync("enterprise1");
        var (_, token) = PortalApp.AntiforgeryTokenOf(await portal.GetStringAsync("/"));

        await RefusedAsync(await portal.PostAsJsonAsync("/api/applications", new { schemeKey = "green-park", year = 2026 }), HttpStatusCode.BadRequest);
        var withHeader = new HttpRequestMessage(HttpMethod.Post, "/api/applications") { Content = JsonContent.Create(new { schemeKey = "green-park", year = 2026 }) };
        withHeader.Headers.Add("RequestVerificationToken", token);
        Assert.Equal(HttpStatusCode.Created, (await portal.SendAsync(withHeader)).StatusCode);

        var bearer = await _walk.ClientAsync("enterprise1");
        Assert.Equal(HttpStatusCode.Created, (await bearer.PostAsJsonAsync("/api/applications", new { schemeKey = "green-park", year = 2026 })).StatusCode);
    }

    private static FormUrlEncodedContent Form(params (string Name, string Value)[] fields) =>
        new(fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value)));

    private static HttpRequestMessage FromAnotherSite(string path, HttpContent content)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = content };
        request.Headers.Add("Origin", "https://evil.example");
        return request;
    }

    private static async Task RefusedAsync(HttpResponseMessage response, HttpStatusCode status) =>
        await ProblemAssert.IsProblemAsync(response, status);

    private static async Task<string> StatusAsync(HttpClient finance, object order) =>
        (await finance.GetFromJsonAsync<JsonElement>($"/api/ledger/payment-orders/{order}")).GetProperty("status").GetString()!;
}
