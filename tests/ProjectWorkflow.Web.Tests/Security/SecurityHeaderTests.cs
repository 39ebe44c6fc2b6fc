using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using MassTransit;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Options;
using ProjectWorkflow.Web.Auth;
using ProjectWorkflow.Web.Tests.Fixtures;

namespace ProjectWorkflow.Web.Tests.Security;

/// <summary>What every answer tells the browser: run only this site's scripts, sniff nothing, leak no referrer, use no camera; keep to HTTPS.</summary>
[Collection(PortalAppCollection.Name)]
public sealed partial class SecurityHeaderTests(PortalApp app)
{
    [Theory]
    [InlineData("/account/login")]
    [InlineData("/api/me")]
    [InlineData("/health/live")]
    [InlineData("/openapi/v1.json")]
    [InlineData("/no-such-page")]
    public async Task EveryAnswer_CarriesTheSecurityHeaders(string path)
    {
        using var client = app.CreateAnonymousClient();

        var response = await client.GetAsync(path);

        var csp = Header(response, "Content-Security-Policy");
        Assert.Contains("default-src 'self'", csp);
        Assert.Contains("script-src 'self'", csp);
        Assert.DoesNotContain("unsafe-eval", csp);
        Assert.DoesNotMatch("script-src[^;]*'unsafe-inline'", csp);
        Assert.Contains("object-src 'none'", csp);
        Assert.Contains("frame-ancestors 'none'", csp);
        Assert.Equal("nosniff", Header(response, "X-Content-Type-Options"));
        Assert.Equal("same-origin", Header(response, "Referrer-Policy"));
        Assert.Contains("camera=()", Header(response, "Permissions-Policy"));
    }

    [Fact]
    public async Task TheApiReference_RunsItsStartUpScriptByTheNonceThePolicyNames()
    {
        using var client = app.CreateAnonymousClient();

        var response = await client.GetAsync("/scalar/");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var nonce = Regex.Match(Header(response, "Content-Security-Policy"), "'nonce-([^']+)'").Groups[1].Value;
        Assert.False(string.IsNullOrEmpty(nonce), "the policy names a nonce for the page's scripts");
        var page = await response.Content.ReadAsStringAsync();
        Assert.All(ScriptTag().Matches(page), script => Assert.Contains($"nonce=\"{nonce}\"", script.Value));
        Assert.NotEqual(nonce, Regex.Match(Header(await client.GetAsync("/scalar/"), "Content-Security-Policy"), "'nonce-([^']+)'").Groups[1].Value);
    }

    [Fact]
    public async Task OverHttps_TheAnswerAsksForHttpsFromNowOn()
    {
        using var client = app.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://portal.example.gov/"), AllowAutoRedirect = false });

        var response = await client.GetAsync("/account/login");

        Assert.Contains("max-age=31536000", Header(response, "Strict-Transport-Security"));
    }

    [Fact]
    public async Task TheSignInCookie_IsHttpOnlyAndSameSite_AndSecureOutsideTheLocalRun()
    {
        using var client = app.CreateAnonymousClient();
        var (tokenName, token) = PortalApp.AntiforgeryTokenOf(await client.GetStringAsync("/account/login"));
        var signIn = await client.PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            [tokenName] = token, ["username"] = "auditor1", ["password"] = ProjectWorkflow.Application.Seeding.DemoUsers.Password,
        }));
        var cookie = signIn.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("pw.auth=", StringComparison.Ordinal));
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=lax", cookie, StringComparison.OrdinalIgnoreCase);

        // This fixture is the local (Development) run over plain http; any other environment gets Secure, unless told otherwise.
        var production = new HostingEnvironment { EnvironmentName = "Production" };
        var development = new HostingEnvironment { EnvironmentName = "Development" };
        Assert.Equal(CookieSecurePolicy.Always, AuthenticationSetup.CookieSecurity(new AuthSettings(), production));
        Assert.Equal(CookieSecurePolicy.Always, AuthenticationSetup.CookieSecurity(new AuthSettings { SecureCookies = true }, development));
        Assert.Equal(CookieSecurePolicy.SameAsRequest, AuthenticationSetup.CookieSecurity(new AuthSettings(), development));
        var configured = app.Services.GetRequiredService<IOptionsMonitor<CookieAuthenticationOptions>>().Get(AuthSchemes.Cookie);
        Assert.Equal(CookieSecurePolicy.SameAsRequest, configured.Cookie.SecurePolicy);
    }

    [Fact]
    public async Task AnExcelExport_IsADownload_ThatNothingRunsIn()
    {
        using var finance = await app.CreateClientForAsync("finance1");

        var response = await finance.GetAsync("/api/ledger/exports/budgets.xlsx");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal("nosniff", Header(response, "X-Content-Type-Options"));
        Assert.Contains("sandbox", Header(response, "Content-Security-Policy"));
    }

    [Fact]
    public void MassTransit_ReportsNoUsageTelemetry()
    {
        var options = app.Services.GetRequiredService<IOptions<UsageTelemetryOptions>>().Value;

        Assert.False(options.Enabled);
    }

    private static string Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) || response.Content.Headers.TryGetValues(name, out values)
            ? string.Join(", ", values)
            : throw new Xunit.Sdk.XunitException($"{(int)response.StatusCode} {response.RequestMessage?.RequestUri} has no {name} header");

    [GeneratedRegex("<script[^>]*>")]
    private static partial Regex ScriptTag();
}
