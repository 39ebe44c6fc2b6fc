using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json;

namespace ProjectWorkflow.Cluster.Tests;

/// <summary>
/// One node of a cluster: the real web app as its own process (<c>dotnet ProjectWorkflow.Web.dll</c>) on
/// PostgreSQL, as it runs in production. It can be killed without warning and started again; its console
/// output is kept, so a test can show it and check that nothing was logged as an error.
/// </summary>
public sealed class ClusterNode : IAsyncDisposable
{
    /// <summary>Every node of a test signs and accepts the same tokens, like nodes behind one load balancer.</summary>
    public const string SigningKey = "cluster-tests-signing-key-that-is-long-enough-for-hs256";
    public const string AuditKey = "Y2x1c3Rlci10ZXN0cy1hdWRpdC1rZXktb2YtMzItYnl0ZXMhIQ==";

    private static readonly TimeSpan ReadyDeadline = TimeSpan.FromSeconds(120);

    private readonly string _name;
    private readonly ClusterDatabase _database;
    private readonly IReadOnlyDictionary<string, string> _settings;
    private readonly string _dataDirectory;
    private readonly List<string> _output = [];
    private Process? _process;

    public ClusterNode(string name, ClusterDatabase database, IReadOnlyDictionary<string, string>? settings = null)
    {
        _name = name;
        _database = database;
        _settings = settings ?? new Dictionary<string, string>();
        _dataDirectory = Path.Combine(Path.GetTempPath(), "projectworkflow-cluster-tests", $"{name}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(_dataDirectory);
    }

    public Uri BaseAddress { get; private set; } = new("http://127.0.0.1/");

    /// <summary>Starts the process on a free port and waits until <c>/health/ready</c> answers 200.</summary>
    public async Task StartAsync()
    {
        if (_process is { HasExited: false }) throw new InvalidOperationException($"Node {_name} is already running.");
        var web = WebApp.Locate();
        BaseAddress = new Uri($"http://127.0.0.1:{FreePort()}/");
        var start = new ProcessStartInfo("dotnet")
        {
            // The app's own folder: its appsettings.json and workflows/ are read from there.
            WorkingDirectory = Path.GetDirectoryName(web)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(web);
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add(BaseAddress.ToString().TrimEnd('/'));
        var environment = new Dictionary<string, string>
        {
            ["Database__Provider"] = "PostgreSql",
            ["ConnectionStrings__ProjectWorkflow"] = _database.ConnectionString,
            // Demo users are seeded only in the Development environment (the app refuses demo data anywhere else).
            ["ASPNETCORE_ENVIRONMENT"] = "Development",
            ["Seed__DemoData"] = "true",
            ["DataDirectory"] = _dataDirectory,
            ["Auth__SigningKey"] = SigningKey,
            // Both nodes sign the one audit chain with the same key, as a real deployment's nodes do.
            ["Audit__CurrentKeyId"] = "cluster",
            ["Audit__Keys__cluster"] = AuditKey,
            ["DOTNET_NOLOGO"] = "1",
        };
        foreach (var (key, value) in _settings) environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        foreach (var (key, value) in environment) start.Environment[key] = value;

        var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, line) => Keep(line.Data);
        process.ErrorDataReceived += (_, line) => Keep(line.Data);
        Keep($"---- {_name} starting on {BaseAddress}");
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        _process = process;
        await WaitUntilReadyAsync(process);
    }

    /// <summary>Ends the process at once, as a crash or a pulled plug would: no graceful shutdown.</summary>
    public void Kill()
    {
        if (_process is null) return;
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }
        _process.Dispose();
        _process = null;
        Keep($"---- {_name} killed");
    }

    public async Task RestartAsync()
    {
        Kill();
        await StartAsync();
    }

    /// <summary>A client for this node, signed in as a demo user with a bearer token.</summary>
    public async Task<HttpClient> ClientForAsync(string userName)
    {
        var client = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(60) };
        var response = await client.PostAsJsonAsync("/api/auth/token", new { username = userName, password = "Demo#2026" });
        Assert.True(response.IsSuccessStatusCode, $"{_name}: sign-in as {userName} answered {(int)response.StatusCode}");
        var token = await response.Content.ReadFromJsonAsync<JsonElement>();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.GetProperty("accessToken").GetString());
        return client;
    }

    /// <summary>
    /// What the node logged at error or critical level (the level line and its message). Readiness answering
    /// "not yet" while the node starts is left out: ASP.NET Core logs every unhealthy probe as an error.
    /// </summary>
    public IReadOnlyList<string> Errors()
    {
        lock (_output)
            return _output
                .Select((line, i) => (line, message: i + 1 < _output.Count ? _output[i + 1].Trim() : ""))
                .Where(e => e.line.StartsWith("fail:", StringComparison.Ordinal) || e.line.StartsWith("crit:", StringComparison.Ordinal))
                .Where(e => !e.line.Contains("HealthChecks.DefaultHealthCheckService", StringComparison.Ordinal))
                .Select(e => $"{e.line} {e.message}")
                .ToList();
    }

    /// <summary>The last lines of the node's console, for a failure message.</summary>
    public string Tail(int lines = 80)
    {
        lock (_output) return $"---- console of {_name} (last {lines} lines){Environment.NewLine}{string.Join(Environment.NewLine, _output.TakeLast(lines))}";
    }

    public ValueTask DisposeAsync()
    {
        Kill();
        try
        {
            Directory.Delete(_dataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // Left in the temp folder: harmless.
        }
        return ValueTask.CompletedTask;
    }

    private async Task WaitUntilReadyAsync(Process process)
    {
        using var client = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow + ReadyDeadline;
        while (true)
        {
            if (process.HasExited)
                throw new InvalidOperationException($"Node {_name} exited with code {process.ExitCode} before it was ready.{Environment.NewLine}{Tail()}");
            try
            {
                if ((await client.GetAsync("/health/ready")).StatusCode == HttpStatusCode.OK) return;
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException)
            {
                // Busy migrating: ask again.
            }
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"Node {_name} was not ready after {ReadyDeadline.TotalSeconds} s.{Environment.NewLine}{Tail()}");
            await Task.Delay(200);
        }
    }

    private void Keep(string? line)
    {
        if (line is null) return;
        lock (_output) _output.Add(line);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
