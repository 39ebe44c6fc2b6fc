using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using ProjectWorkflow.Application.Seeding;
using ProjectWorkflow.Web.Auth;

namespace ProjectWorkflow.Web.Tests.Fixtures;

/// <summary>The whole app over HTTP on its own fresh database, ready (migrated and seeded) before any test runs.</summary>
public class PortalApp : WebApplicationFactory<Program>, IAsyncLifetime
{
    private readonly TestDatabase _database = TestDatabase.Create();

    /// <summary>The tests are user stories about the demo users, so this fixture seeds them.</summary>
    protected virtual bool SeedDemoData => true;

    public string DatabaseProvider => _database.Provider;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.ConfigureAppConfiguration((_, config) => config.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = _database.Provider,
            ["ConnectionStrings:ProjectWorkflow"] = _database.ConnectionString,
            ["DataDirectory"] = _database.DataDirectory,
            ["Seed:DemoData"] = SeedDemoData ? "true" : "false",
        }));
    }

    public HttpClient CreateAnonymousClient() =>
        CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    public async Task<HttpClient> CreateClientForAsync(string userName)
    {
        var client = CreateAnonymousClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await TokenForAsync(userName));
        return client;
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
