using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using ProjectWorkflow.Application.Persistence;
using ProjectWorkflow.Web.Tests.Fixtures;

namespace ProjectWorkflow.Web.Tests.Operations;

/// <summary>
/// Two nodes of the app on one database, each with a data directory of its own (as two machines would have), sharing
/// only what an operator configures on every node: the database, the token signing key and the audit key. No job
/// server on either (Hangfire's state is process-wide; the other fixtures of the collection run one). Uploads go to the
/// shared folder (<c>Storage:Uploads=FileSystem</c>), to the database in <see cref="TwoNodesKeepingUploadsInTheDatabase"/>,
/// or to a bucket in <see cref="TwoNodesKeepingUploadsInABucket"/>.
/// </summary>
public class TwoNodesOnOneDatabase : IAsyncLifetime
{
    private readonly string _uploads;

    public TwoNodesOnOneDatabase() : this("FileSystem")
    {
    }

    protected TwoNodesOnOneDatabase(string uploads) => _uploads = uploads;

    private readonly TestDatabase _database = TestDatabase.Create();
    private readonly string _auditKey = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));

    public string SharedDirectory => Path.Combine(_database.DataDirectory, "shared");

    public Node A { get; private set; } = null!;
    public Node B { get; private set; } = null!;

    public virtual async Task InitializeAsync()
    {
        // One after the other: A migrates and seeds the new database, B finds it ready.
        A = new Node(this, "a");
        await A.WaitUntilReadyAsync();
        B = new Node(this, "b");
        await B.WaitUntilReadyAsync();
    }

    public async Task<T> QueryAsync<T>(Func<ProjectWorkflowDbContext, Task<T>> query)
    {
        var options = new DbContextOptionsBuilder<ProjectWorkflowDbContext>();
        DatabaseProvider.Configure(options, _database.Provider, _database.ConnectionString);
        await using var db = new ProjectWorkflowDbContext(options.Options);
        return await query(db);
    }

    /// <summary>Settings one node has beyond those every node shares (a fixture's own store of uploads).</summary>
    protected virtual void Configure(string node, IDictionary<string, string?> settings)
    {
    }

    public virtual async Task DisposeAsync()
    {
        if (B is not null) await B.DisposeAsync();
        if (A is not null) await A.DisposeAsync();
        await _database.DisposeAsync();
    }

    public sealed class Node(TwoNodesOnOneDatabase cluster, string name) : WebApplicationFactory<Program>
    {
        public string DataDirectory { get; } = Path.Combine(cluster._database.DataDirectory, $"node-{name}");

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Development");
            builder.UseSetting("Seed:DemoApplications", "false");
            var settings = new Dictionary<string, string?>
            {
                ["Database:Provider"] = cluster._database.Provider,
                ["ConnectionStrings:ProjectWorkflow"] = cluster._database.ConnectionString,
                ["DataDirectory"] = DataDirectory,
                ["Seed:DemoData"] = "true",
                ["Seed:DemoApplications"] = "false",
                ["Hangfire:Server"] = "false",
                // Uploads in the folder every node mounts (an NFS share, a ReadWriteMany volume), or in the database.
                ["Storage:Uploads"] = cluster._uploads,
                ["Storage:SharedDirectory"] = cluster._uploads == "FileSystem" ? cluster.SharedDirectory : null,
                ["Auth:SigningKey"] = "two-nodes-on-one-database-signing-key-0123456789",
                ["Audit:CurrentKeyId"] = "cluster",
                ["Audit:Keys:cluster"] = cluster._auditKey,
                ["Auth:SessionCheckSeconds"] = "0",
            };
            cluster.Configure(name, settings);
            builder.ConfigureAppConfiguration((_, config) => config.AddInMemoryCollection(settings));
        }

        /// <summary>A client that keeps no cookies of its own: the test carries them from node to node as a load balancer would let a browser.</summary>
        public HttpClient Browser() =>
            CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });

        /// <summary>A client with the bearer token of a demo user, signed in on this node.</summary>
        public async Task<HttpClient> ClientForAsync(string userName)
        {
            using var anonymous = Browser();
            var answer = await anonymous.PostAsJsonAsync("/api/auth/token", new { username = userName, password = ProjectWorkflow.Application.Seeding.DemoUsers.Password });
            answer.EnsureSuccessStatusCode();
            var client = Browser();
            client.DefaultRequestHeaders.Authorization = PortalApp.Bearer((await answer.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("accessToken").GetString()!);
            return client;
        }

        public async Task WaitUntilReadyAsync()
        {
            using var client = Browser();
            var deadline = DateTime.UtcNow.AddSeconds(120);
            while ((await client.GetAsync("/health/ready")).StatusCode != HttpStatusCode.OK)
            {
                if (DateTime.UtcNow > deadline) throw new TimeoutException($"node {name} was not ready after 120 s.");
                await Task.Delay(100);
            }
        }
    }
}

/// <summary>The same two nodes keeping uploads in the database (<c>Storage:Uploads=Database</c>): they share no folder.</summary>
public sealed class TwoNodesKeepingUploadsInTheDatabase() : TwoNodesOnOneDatabase("Database");

/// <summary>
/// The same two nodes in the middle of a switch to a bucket: node A keeps new uploads in the <see cref="TestBucket"/>
/// (<c>Storage:Uploads=S3</c>), node B still in the database (<c>Storage:Uploads=Database</c>), both configured for the
/// bucket, as every node is once rows name objects. Without a test S3 server nothing starts (the tests are skipped).
/// </summary>
public sealed class TwoNodesKeepingUploadsInABucket() : TwoNodesOnOneDatabase("Database")
{
    public TestBucket Bucket { get; } = new();

    public override async Task InitializeAsync()
    {
        if (!TestBucket.IsAvailable) return;
        await Bucket.CreateAsync();
        await base.InitializeAsync();
    }

    protected override void Configure(string node, IDictionary<string, string?> settings)
    {
        settings["Storage:Uploads"] = node == "a" ? "S3" : "Database";
        settings["Storage:S3:RetryAfterSeconds"] = "7";
        foreach (var (key, value) in Bucket.Settings) settings[key] = value;
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        Bucket.Dispose();
    }
}
