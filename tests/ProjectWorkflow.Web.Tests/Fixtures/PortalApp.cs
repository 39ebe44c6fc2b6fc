using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using ProjectWorkflow.Application.Seeding;
using ProjectWorkflow.Web.Auth;

namespace ProjectWorkflow.Web.Tests.Fixtures;

/// <summary>
/// The whole app over HTTP on its own fresh database, ready (migrated and seeded) before any test runs,
/// with its Hangfire job server. Hangfire keeps process-wide state, so every test class that starts an
/// app belongs to the one <see cref="PortalAppCollection"/>: apps never start or stop in parallel.
/// </summary>
public class PortalApp : WebApplicationFactory<Program>, IAsyncLifetime
{
    private readonly TestDatabase _database = TestDatabase.Create();

    /// <summary>The tests are user stories about the demo users, so this fixture seeds them.</summary>
    protected virtual bool SeedDemoData => true;

    /// <summary>The demo applications (on in appsettings.Development.json for the run command) would fill every inbox: off here.</summary>
    protected virtual bool SeedDemoApplications => false;

    /// <summary>One job server per test process is enough; a second app in the collection runs none.</summary>
    protected virtual bool RunsJobServer => true;

    protected virtual int SignInLimitPerAddress => 100_000;

    protected virtual int SignInLimitPerUserName => 100_000;

    public string DatabaseProvider => _database.Provider;

    /// <summary>A message name that admins and finance officers may deliver through <c>POST /api/messages</c> in the tests.</summary>
    public const string TestMessage = "test.confirmed";

    /// <summary>A message name that starts processes (a message start event), declared for administrators.</summary>
    public const string StartingMessage = "test.letter-received";

    public string DataDirectory => _database.DataDirectory;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        // Read while services are registered (the demo's clock), before the configuration below is added.
        builder.UseSetting("Seed:DemoApplications", SeedDemoApplications ? "true" : "false");
        builder.ConfigureAppConfiguration((_, config) => config.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = _database.Provider,
            ["ConnectionStrings:ProjectWorkflow"] = _database.ConnectionString,
            ["DataDirectory"] = _database.DataDirectory,
            ["Seed:DemoData"] = SeedDemoData ? "true" : "false",
            ["Seed:DemoApplications"] = SeedDemoApplications ? "true" : "false",
            ["Hangfire:Server"] = RunsJobServer ? "true" : "false",
            ["Hangfire:WorkerCount"] = "4",
            // The sweep runs when a test triggers it, never on its own: a timer that fires on time in a
            // test has then been fired by its delayed job, not rescued by the sweep.
            ["ScheduledChecks:timer-sweep:Cron"] = "0 0 1 1 *",
            ["Timers:SweepGrace"] = "00:00:01",
            // A message of the tests' own processes, declared as an operator declares an integration's message.
            [$"Messages:Senders:{TestMessage}:0"] = "admin",
            [$"Messages:Senders:{TestMessage}:1"] = "finance",
            [$"Messages:Senders:{StartingMessage}:0"] = "admin",
            // The stories sign in far more often than a person would; the sign-in limit tests set their own limits.
            ["Auth:SignInLimits:PerAddress"] = SignInLimitPerAddress.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Auth:SignInLimits:PerUserName"] = SignInLimitPerUserName.ToString(System.Globalization.CultureInfo.InvariantCulture),
            // A token or cookie is checked against its user on every request, so a lockout or role change shows at once.
            ["Auth:SessionCheckSeconds"] = "0",
        }));
        // Every demo user's hash at the seed and every sign-in's check cost PBKDF2's 100,000 rounds: measured, 15 % of
        // the web tests' CPU. No test is about the hash's strength (the production default stays), so their apps hash
        // with fewer rounds; a hash still verifies, and a wrong password still fails, the same way.
        builder.ConfigureTestServices(services => services.Configure<PasswordHasherOptions>(o => o.IterationCount = 1_000));
    }

    public HttpClient CreateAnonymousClient() =>
        CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = ClientOptions.BaseAddress });

    public async Task<HttpClient> CreateClientForAsync(string userName) => await CreateClientForAsync(userName, DemoUsers.Password);

    public async Task<HttpClient> CreateClientForAsync(string userName, string password) =>
        CreateClientWithToken(await TokenForAsync(userName, password));

    /// <summary>A client that sends <paramref name="accessToken"/> as its bearer token (the one place a token becomes a client).</summary>
    public HttpClient CreateClientWithToken(string accessToken)
    {
        var client = CreateAnonymousClient();
        client.DefaultRequestHeaders.Authorization = Bearer(accessToken);
        return client;
    }

    public static AuthenticationHeaderValue Bearer(string accessToken) => new("Bearer", accessToken);

    /// <summary>A client signed in through the portal's login form: it carries the portal cookie, not a token.</summary>
    public async Task<HttpClient> CreateSignedInClientAsync(string userName)
    {
        var client = CreateAnonymousClient();
        var (tokenName, token) = AntiforgeryTokenOf(await client.GetStringAsync("/account/login"));
        var signIn = await client.PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            [tokenName] = token,
            ["username"] = userName,
            ["password"] = DemoUsers.Password,
            ["returnUrl"] = "/",
        }));
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        return client;
    }

    private static readonly Regex AntiforgeryField = new("""name="(?<name>__RequestVerificationToken[^"]*)" value="(?<value>[^"]+)""");

    /// <summary>The antiforgery field a portal form carries (its name and value), to post the form as a browser would.</summary>
    public static (string Name, string Value) AntiforgeryTokenOf(string html)
    {
        var field = AntiforgeryField.Match(html);
        Assert.True(field.Success, "the form carries an antiforgery token");
        return (field.Groups["name"].Value, field.Groups["value"].Value);
    }

    /// <summary>
    /// Posts a portal form as a browser would: the antiforgery field is taken from <paramref name="formPage"/> (the page
    /// the form is on, read by <paramref name="portal"/>) and sent with <paramref name="fields"/> to <paramref name="action"/>.
    /// </summary>
    public static async Task<HttpResponseMessage> PostFormAsync(HttpClient portal, string formPage, string action, Dictionary<string, string> fields)
    {
        var (name, token) = AntiforgeryTokenOf(await portal.GetStringAsync(formPage));
        return await portal.PostAsync(action, new FormUrlEncodedContent(new Dictionary<string, string>(fields) { [name] = token }));
    }

    public async Task<string> TokenForAsync(string userName, string password = DemoUsers.Password)
    {
        using var client = CreateAnonymousClient();
        var response = await client.PostAsJsonAsync("/api/auth/token", new { username = userName, password });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var token = await response.Content.ReadFromJsonAsync<TokenResponse>();
        return token!.AccessToken;
    }

    public virtual async Task InitializeAsync()
    {
        using var client = CreateAnonymousClient();
        var deadline = DateTime.UtcNow.AddSeconds(120);
        while (true)
        {
            var response = await client.GetAsync("/health/ready");
            if (response.StatusCode == HttpStatusCode.OK)
                return;
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"/health/ready still answers {(int)response.StatusCode} on {_database.Provider} after 120 s.");
            await Task.Delay(100);
        }
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await base.DisposeAsync();
        await _database.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class PortalAppCollection : ICollectionFixture<PortalApp>
{
    public const string Name = "portal app";
}
