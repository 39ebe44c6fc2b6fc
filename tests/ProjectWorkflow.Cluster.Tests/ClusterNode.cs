using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json;

namespace ProjectWorkflow.Cluster.Tests;

/// <summary>
/// One node of a cluster: the real web app as its own process (<c>dotnet ProjectWorkflow.Web.dll</c>) on a free
/// loopback port, with its settings as environment variables (<c>Section:Key</c> or <c>Section__Key</c>), as it runs
/// in production. It can be killed without warning and started again; its console output is kept, so a test can
/// quote it on failure and check that nothing was logged as an error. Every cluster test starts its nodes this way.
/// </summary>
public sealed class ClusterNode : IAsyncDisposable
{
    // 300 s unless PW_CLUSTER_READY_SECONDS says otherwise: a node migrates and starts in seconds alone, but on a loaded
    // 2-core machine (CI runs the web tests beside these) it once took more than 120 s.
    private static readonly TimeSpan ReadyDeadline = TimeSpan.FromSeconds(
        int.TryParse(Environment.GetEnvironmentVariable("PW_CLUSTER_READY_SECONDS"), out var seconds) && seconds > 0 ? seconds : 300);

    private readonly IReadOnlyDictionary<string, string> _settings;
    private readonly string? _ownDataDirectory;
    private readonly List<string> _output = [];
    private Process? _process;

    /// <param name="settings">The node's configuration; without a <c>DataDirectory</c> the node gets a temp folder of its own.</param>
    public ClusterNode(string name, IReadOnlyDictionary<string, string> settings)
    {
        Name = name;
        _settings = settings.ToDictionary(s => s.Key.Replace(":", "__", StringComparison.Ordinal), s => s.Value);
        if (!_settings.ContainsKey("DataDirectory"))
        {
            _ownDataDirectory = Path.Combine(Path.GetTempPath(), "projectworkflow-cluster-tests", $"{name}-{Guid.NewGuid():N}");
            Directory.CreateDirectory(_ownDataDirectory);
        }
    }

    public string Name { get; }

    public Uri BaseAddress { get; private set; } = new("http://127.0.0.1/");

    /// <summary>The running process's id: unchanged across an outage proves the node recovered without a restart.</summary>
    public int? ProcessId => _process is { HasExited: false } process ? process.Id : null;

    /// <summary>Makes a node and starts it (see <see cref="StartAsync()"/>); a node that fails to start is cleaned up.</summary>
    public static async Task<ClusterNode> StartAsync(string name, IReadOnlyDictionary<string, string> settings)
    {
        var node = new ClusterNode(name, settings);
        try
        {
            await node.StartAsync();
        }
        catch
        {
            await node.DisposeAsync();
            throw;
        }
        return node;
    }

    /// <summary>Starts the process on a free port and waits until <c>/health/ready</c> answers 200.</summary>
    public async Task StartAsync()
    {
        if (_process is { HasExited: false }) throw new InvalidOperationException($"Node {Name} is already running.");
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
        start.Environment["DOTNET_NOLOGO"] = "1";
        if (_ownDataDirectory is not null) start.Environment["DataDirectory"] = _ownDataDirectory;
        foreach (var (key, value) in _settings) start.Environment[key] = value;

        var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, line) => Keep(line.Data);
        process.ErrorDataReceived += (_, line) => Keep(line.Data);
        Keep($"---- {Name} starting on {BaseAddress}");
        if (!process.Start()) throw new InvalidOperationException($"Could not start node {Name}.");
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        _process = process;
        await WaitUntilReadyAsync(process);
    }

    /// <summary>Ends the process at once, as a crash or a pulled plug would: no graceful shutdown. A node already down stays down.</summary>
    public void Kill()
    {
        if (_process is null) return;
        if (!_process.HasExited)
        {
            // Only the process this node started, by its handle: itself at once (finding its tree takes a while, in
            // which a request in flight would get its answer), then anything it started.
            _process.Kill();
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }
        _process.Dispose();
        _process = null;
        Keep($"---- {Name} killed");
    }

    public async Task RestartAsync()
    {
        Kill();
        await StartAsync();
    }

    public HttpClient CreateClient(string? token = null)
    {
        var client = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(60) };
        if (token is not null) client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    /// <summary>A client for this node, signed in as a demo user with a bearer token.</summary>
    public async Task<HttpClient> CreateClientForAsync(string userName, string password = "Demo#2026")
    {
        using var anonymous = CreateClient();
        var response = await anonymous.PostAsJsonAsync("/api/auth/token", new { username = userName, password });
        if (response.StatusCode != HttpStatusCode.OK)
            throw new InvalidOperationException($"{Name}: signing in {userName} answered {(int)response.StatusCode}.{Tail()}");
        return CreateClient((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString());
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

    /// <summary>The last lines of the node's console, on a line of their own, for a failure message.</summary>
    public string Tail(int lines = 80)
    {
        lock (_output)
            return $"{Environment.NewLine}---- console of {Name} (last {lines} lines){Environment.NewLine}{string.Join(Environment.NewLine, _output.TakeLast(lines))}";
    }

    /// <summary>Kills the node (again, harmlessly, when a test killed it already) and removes its own temp folder.</summary>
    public ValueTask DisposeAsync()
    {
        Kill();
        if (_ownDataDirectory is not null)
        {
            try
            {
                Directory.Delete(_ownDataDirectory, recursive: true);
            }
            catch (IOException)
            {
                // Left in the temp folder (or gone already): harmless.
            }
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
                throw new InvalidOperationException($"Node {Name} exited with code {process.ExitCode} before it was ready.{Tail()}");
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
                throw new TimeoutException($"Node {Name} was not ready after {ReadyDeadline.TotalSeconds} s.{Tail()}");
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
