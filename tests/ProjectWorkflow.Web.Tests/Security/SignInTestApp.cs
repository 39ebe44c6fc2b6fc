using System.Collections.Concurrent;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using ProjectWorkflow.Application.Audit;
using ProjectWorkflow.Web.Tests.Fixtures;

namespace ProjectWorkflow.Web.Tests.Security;

/// <summary>
/// The app with tight sign-in limits (5 attempts per address, 6 per user name, per minute: one more than the
/// lockout's 5 wrong passwords),
/// its log lines and the audit entries its requests staged kept for the tests to read.
/// </summary>
public sealed class SignInTestApp : PortalApp
{
    public const int PerAddress = 5;
    public const int PerUserName = 6;

    protected override bool RunsJobServer => false;
    protected override int SignInLimitPerAddress => PerAddress;
    protected override int SignInLimitPerUserName => PerUserName;

    public ConcurrentQueue<string> Log { get; } = new();
    public ConcurrentQueue<AuditTrail> Trails { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureLogging(logging => logging.AddProvider(new KeptLog(Log)));
        builder.ConfigureServices(services =>
        {
            services.AddTransient<IStartupFilter, ClientAddressFromHeader>();
            services.RemoveAll<AuditTrail>();
            services.AddScoped(provider =>
            {
                var trail = ActivatorUtilities.CreateInstance<AuditTrail>(provider);
                Trails.Enqueue(trail);
                return trail;
            });
        });
    }

    /// <summary>Whether an entry for <paramref name="action"/> on user <paramref name="userName"/> was staged (or is in the audit log).</summary>
    public async Task<bool> AuditedAsync(string action, string userName)
    {
        if (Trails.SelectMany(t => t.Pending).Any(e => e.Action == action && e.ObjectId == userName && e.Outcome == AuditOutcomes.Refused))
            return true;
        // Once the audit log writes staged entries away, they are read back from it.
        var (_, _, token) = await TokenFromAsync(NextAddress(), "auditor1", ProjectWorkflow.Application.Seeding.DemoUsers.Password);
        using var auditor = CreateClientWithToken(token.GetProperty("accessToken").GetString()!);
        var listed = await auditor.GetAsync($"/api/audit?action={Uri.EscapeDataString(action)}&objectId={Uri.EscapeDataString(userName)}");
        return listed.StatusCode == HttpStatusCode.OK && (await listed.Content.ReadAsStringAsync()).Contains(userName, StringComparison.Ordinal);
    }

    private int _addresses;

    /// <summary>A client address no request has come from yet.</summary>
    public string NextAddress()
    {
        var n = Interlocked.Increment(ref _addresses);
        return $"10.20.{n / 250}.{n % 250 + 1}";
    }

    /// <summary>A token request from a given client address (the test server's requests have none otherwise).</summary>
    public async Task<(int Status, string? RetryAfter, JsonElement Body)> TokenFromAsync(string address, string userName, string password)
    {
        using var client = CreateAnonymousClient();
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/auth/token") { Content = JsonContent.Create(new { username = userName, password }) };
        request.Headers.Add(ClientAddressHeader, address);
        var response = await client.SendAsync(request);
        var status = (int)response.StatusCode;
        Assert.Equal(status == 200 ? "application/json" : "application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        return (status, response.Headers.RetryAfter?.Delta?.TotalSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture), body);
    }

    private const string ClientAddressHeader = "X-Test-Client-Address";

    /// <summary>Gives a request the client address the test names, as a reverse proxy's forwarded headers would.</summary>
    private sealed class ClientAddressFromHeader : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((http, nextMiddleware) =>
            {
                if (http.Request.Headers.TryGetValue(ClientAddressHeader, out var address))
                    http.Connection.RemoteIpAddress = IPAddress.Parse(address.ToString());
                return nextMiddleware(http);
            });
            next(app);
        };
    }

    private sealed class KeptLog(ConcurrentQueue<string> lines) : ILoggerProvider
    {
        public ILogger CreateLogger(string categoryName) => new Logger(lines, categoryName);
        public void Dispose() { }

        private sealed class Logger(ConcurrentQueue<string> lines, string category) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;
            public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information;
            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
                lines.Enqueue($"{logLevel} {category}: {formatter(state, exception)}");
        }
    }
}
