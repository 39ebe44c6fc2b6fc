using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json;

namespace ProjectWorkflow.Cluster.Tests.Messaging;

/// <summary>
/// One node of the app: the built ProjectWorkflow.Web run as its own process on a free loopback port, with
/// the settings given as environment variables. Its output goes to a log file that a failure quotes.
/// </summary>
public sealed class MessagingNode : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StreamWriter _log;

    private MessagingNode(string name, Process process, StreamWriter log, string logPath, Uri address)
    {
        Name = name;
        _process = process;
        _log = log;
        LogPath = logPath;
        Address = address;
    }

    public string Name { get; }
    public Uri Address { get; }
    public string LogPath { get; }

    public static async Task<MessagingNode> StartAsync(string name, string workDirectory, IReadOnlyDictionary<string, string> settings)
    {
        var web = WebAppPath();
        var port = FreePort();
        var address = new Uri($"http://127.0.0.1:{port}");
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(web)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(web);
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add(address.ToString());
        foreach (var (key, value) in settings) start.Environment[key] = value;
        start.Environment["DOTNET_NOLOGO"] = "1";

        var logPath = Path.Combine(workDirectory, $"{name}.log");
        var log = new StreamWriter(logPath) { AutoFlush = true };
        var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => Write(log, e.Data);
        process.ErrorDataReceived += (_, e) => Write(log, e.Data);
        if (!process.Start()) throw new InvalidOperationException($"Could not start node {name}.");
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var node = new MessagingNode(name, process, log, logPath, address);
        try
        {
            await node.WaitUntilReadyAsync(TimeSpan.FromSeconds(120));
        }
        catch
        {
            await node.DisposeAsync();
            throw;
        }
        return node;
    }

    public HttpClient CreateClient(string? token = null)
    {
        var client = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(60) };
        if (token is not null) client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    public async Task<HttpClient> CreateClientForAsync(string userName, string password = "Demo#2026")
    {
        using var anonymous = CreateClient();
        var response = await anonymous.PostAsJsonAsync("/api/auth/token", new { username = userName, password });
        if (response.StatusCode != HttpStatusCode.OK)
            throw new InvalidOperationException($"{Name}: signing in {userName} answered {(int)response.StatusCode}.{Tail()}");
        var token = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString();
        return CreateClient(token);
    }

    /// <summary>The end of the node's log, for failure messages.</summary>
    public string Tail(int lines = 40)
    {
        try
        {
            using var stream = new FileStream(LogPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            using var reader = new StreamReader(stream);
            var all = reader.ReadToEnd().Split('\n');
            return $"{Environment.NewLine}--- last lines of {Name}'s log ({LogPath}) ---{Environment.NewLine}{string.Join('\n', all.TakeLast(lines))}";
        }
        catch (IOException)
        {
            return "";
        }
    }

    private async Task WaitUntilReadyAsync(TimeSpan deadline)
    {
        using var client = CreateClient();
        client.Timeout = TimeSpan.FromSeconds(5);
        var until = DateTime.UtcNow + deadline;
        while (true)
        {
            if (_process.HasExited)
                throw new InvalidOperationException($"Node {Name} exited with code {_process.ExitCode} before it was ready.{Tail()}");
            try
            {
                if ((await client.GetAsync("/health/ready")).StatusCode == HttpStatusCode.OK) return;
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException)
            {
            }
            if (DateTime.UtcNow > until) throw new TimeoutException($"Node {Name} was not ready after {deadline.TotalSeconds:0} s.{Tail()}");
            await Task.Delay(250);
        }
    }

    private bool _disposed;

    /// <summary>Kills the node's process (once: a test that killed a node leaves it to the fixture's clean-up too).</summary>
    public async ValueTask DisposeAsync()
    {
        if (_disposed) return;
        _disposed = true;
        if (!_process.HasExited)
        {
            // Only the process this node started, by its handle.
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
        await _log.DisposeAsync();
    }

    private static void Write(StreamWriter log, string? line)
    {
        if (line is null) return;
        lock (log) log.WriteLine(line);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>The Web app built beside these tests, in the same configuration (Debug or Release).</summary>
    private static string WebAppPath()
    {
        var here = new DirectoryInfo(AppContext.BaseDirectory);
        // .../tests/ProjectWorkflow.Cluster.Tests/bin/{Configuration}/{framework}/
        var framework = here.Name;
        var configuration = here.Parent!.Name;
        var root = here;
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "ProjectWorkflow.sln"))) root = root.Parent;
        if (root is null) throw new InvalidOperationException($"No ProjectWorkflow.sln above {AppContext.BaseDirectory}.");
        var web = Path.Combine(root.FullName, "src", "ProjectWorkflow.Web", "bin", configuration, framework, "ProjectWorkflow.Web.dll");
        return File.Exists(web) ? web : throw new InvalidOperationException($"{web} is missing: build the solution ({configuration}) first.");
    }
}
