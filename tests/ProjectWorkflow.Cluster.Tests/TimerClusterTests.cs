using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

[assembly: CollectionBehavior(DisableTestParallelization = true)]

namespace ProjectWorkflow.Cluster.Tests;

/// <summary>
/// Timers across restarts and nodes, with the app running as real processes on one real PostgreSQL:
/// a timer fires on time after its node was killed, two nodes fire each timer exactly once, and a timer still fires
/// when Hangfire's scheduler locks were left behind by a connection the database cut.
/// </summary>
public sealed class TimerClusterTests : IAsyncLifetime
{
    private ClusterDatabase? _database;
    private readonly List<ClusterNode> _nodes = [];

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var node in _nodes) await node.DisposeAsync();
        if (_database is not null) await _database.DisposeAsync();
    }

    private async Task<ClusterNode> NodeAsync(string name, IReadOnlyDictionary<string, string>? settings = null)
    {
        _database ??= await ClusterDatabase.CreateAsync();
        var node = new ClusterNode(name, OnTheSharedDatabase(_database, settings));
        _nodes.Add(node);
        await node.StartAsync();
        return node;
    }

    /// <summary>Every node of a test signs and accepts the same tokens, like nodes behind one load balancer.</summary>
    private const string SigningKey = "cluster-tests-signing-key-that-is-long-enough-for-hs256";
    private const string AuditKey = "Y2x1c3Rlci10ZXN0cy1hdWRpdC1rZXktb2YtMzItYnl0ZXMhIQ==";

    private static Dictionary<string, string> OnTheSharedDatabase(ClusterDatabase database, IReadOnlyDictionary<string, string>? settings)
    {
        var all = new Dictionary<string, string>
        {
            ["Database__Provider"] = "PostgreSql",
            ["ConnectionStrings__ProjectWorkflow"] = database.ConnectionString,
            // Demo users are seeded only in the Development environment (the app refuses demo data anywhere else).
            ["ASPNETCORE_ENVIRONMENT"] = "Development",
            ["Seed__DemoData"] = "true",
            // Demo users only: the demo applications of the run command would be seeded by both nodes at once.
            ["Seed__DemoApplications"] = "false",
            ["Auth__SigningKey"] = SigningKey,
            // Both nodes sign the one audit chain with the same key, as a real deployment's nodes do.
            ["Audit__CurrentKeyId"] = "cluster",
            ["Audit__Keys__cluster"] = AuditKey,
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string>()) all[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        return all;
    }

    private void AssertNoErrors()
    {
        var errors = _nodes.SelectMany(n => n.Errors()).ToList();
        Assert.True(errors.Count == 0, $"errors were logged:{Environment.NewLine}{string.Join(Environment.NewLine, errors)}{Environment.NewLine}{Consoles()}");
    }

    private string Consoles() => string.Join(Environment.NewLine, _nodes.Select(n => n.Tail()));

    /// <summary>A process that waits <paramref name="duration"/> on a timer and ends (the outage run uses it too).</summary>
    internal static string WaitProcess(string key, string duration) => $"""
        <?xml version="1.0" encoding="UTF-8"?>
        <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" id="d" targetNamespace="t">
          <process id="{key}" isExecutable="true">
            <startEvent id="start" />
            <intermediateCatchEvent id="wait"><timerEventDefinition><timeDuration>{duration}</timeDuration></timerEventDefinition></intermediateCatchEvent>
            <endEvent id="end" />
            <sequenceFlow id="f1" sourceRef="start" targetRef="wait" />
            <sequenceFlow id="f2" sourceRef="wait" targetRef="end" />
          </process>
        </definitions>
        """;

    private static async Task DeployAsync(HttpClient admin, string xml)
    {
        var response = await admin.PostAsync("/api/definitions", new StringContent(xml, Encoding.UTF8, "application/xml"));
        Assert.True(response.IsSuccessStatusCode, $"deploy answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
    }

    private static async Task<Guid> StartAsync(HttpClient admin, string key)
    {
        var response = await admin.PostAsJsonAsync("/api/instances", new { definitionKey = key, variables = new { } });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    private static async Task<JsonElement[]> EventsAsync(HttpClient admin, Guid id, string @event) =>
        (await admin.GetFromJsonAsync<JsonElement[]>($"/api/instances/{id}/journal"))!
            .Where(j => j.GetProperty("event").GetString() == @event).ToArray();

    private async Task WaitUntilAsync(Func<Task<bool>> condition, string what, int seconds = 60)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline) Assert.Fail($"Waited {seconds} s for {what}.{Environment.NewLine}{Consoles()}");
            await Task.Delay(250);
        }
    }

    [ClusterFact]
    public async Task ATimerFiresOnTime_AfterTheAppRestarts()
    {
        var node = await NodeAsync("node");
        var key = $"restart-{Guid.NewGuid():N}";
        var admin = await node.CreateClientForAsync("admin1");
        await DeployAsync(admin, WaitProcess(key, "PT6S"));
        var id = await StartAsync(admin, key);
        var due = DateTimeOffset.Parse(Assert.Single(await EventsAsync(admin, id, "timerSet")).GetProperty("detail").GetString()!,
            CultureInfo.InvariantCulture);
        admin.Dispose();

        node.Kill();
        await node.StartAsync();
        var readyAt = DateTimeOffset.UtcNow;

        using var again = await node.CreateClientForAsync("admin1");
        await WaitUntilAsync(async () => (await EventsAsync(again, id, "timerFired")).Length > 0, "the timer to fire after the restart");
        var firedAt = Assert.Single(await EventsAsync(again, id, "timerFired")).GetProperty("at").GetDateTimeOffset();

        // On time: not before it was due, and within a few seconds of it (or of the node being back, if it came back late).
        var expected = readyAt > due ? readyAt : due;
        Assert.True(firedAt >= due && firedAt <= expected.AddSeconds(5),
            $"due {due:O}, node ready again {readyAt:O}, fired {firedAt:O}{Environment.NewLine}{Consoles()}");
        AssertNoErrors();
    }

    [ClusterFact]
    public async Task TwoAppInstancesOnOnePostgreSql_FireEachTimerOnce()
    {
        // The sweep runs every second with no grace on both nodes, so it races the delayed jobs for every
        // timer: each timer is tried by a job and by sweeps, on either node, at about the same moment.
        var racing = new Dictionary<string, string>
        {
            ["ScheduledChecks:timer-sweep:Cron"] = "* * * * * *",
            ["Timers:SweepGrace"] = "00:00:00",
        };
        var first = await NodeAsync("node-a", racing);
        var second = await NodeAsync("node-b", racing);
        using var adminA = await first.CreateClientForAsync("admin1");
        using var adminB = await second.CreateClientForAsync("admin1");
        var key = $"pair-{Guid.NewGuid():N}";
        await DeployAsync(adminA, WaitProcess(key, "PT3S"));

        var instances = new List<Guid>();
        for (var i = 0; i < 12; i++) instances.Add(await StartAsync(i % 2 == 0 ? adminA : adminB, key));

        await WaitUntilAsync(async () =>
        {
            foreach (var id in instances)
                if ((await EventsAsync(adminA, id, "timerFired")).Length == 0) return false;
            return true;
        }, "every timer to fire");
        await Task.Delay(TimeSpan.FromSeconds(3)); // room for a second, wrong firing to show up

        foreach (var id in instances)
        {
            Assert.Single(await EventsAsync(adminB, id, "timerFired"));
            var instance = await adminB.GetFromJsonAsync<JsonElement>($"/api/instances/{id}");
            Assert.Equal("completed", instance.GetProperty("status").GetString());
            Assert.Equal(0, instance.GetProperty("incidents").GetArrayLength());
        }
        AssertNoErrors();
    }

    /// <summary>
    /// A database restart (<c>pg_ctl restart -m immediate</c>) cuts the connection of a node holding Hangfire's scheduler
    /// locks: Hangfire.PostgreSql keeps a lock as a row its holder deletes, and the delete fails on the dead connection,
    /// so the rows stay. Left here as such a holder leaves them (the delayed jobs' poller's and the recurring jobs'
    /// scheduler's, which every node takes every second), they hold up every timer — its own delayed job and the timer
    /// sweep alike — until <c>Hangfire:DistributedLockTimeout</c> (a minute by default, 15 s here; Hangfire.PostgreSql's
    /// own default is 10 minutes) has passed; then the node takes them over and the timer fires.
    /// </summary>
    [ClusterFact]
    public async Task ATimerFires_AfterTheSchedulersLocksLeftByACutConnectionExpire()
    {
        var lockTimeout = TimeSpan.FromSeconds(15);
        var node = await NodeAsync("node", new Dictionary<string, string> { ["Hangfire:DistributedLockTimeout"] = lockTimeout.ToString() });
        using var admin = await node.CreateClientForAsync("admin1");
        var key = $"stranded-{Guid.NewGuid():N}";
        await DeployAsync(admin, WaitProcess(key, "PT2S"));

        var stranded = await StrandAsync("hangfire:locks:schedulepoller", "hangfire:recurring-jobs:lock");
        var id = await StartAsync(admin, key);
        await WaitUntilAsync(async () => (await EventsAsync(admin, id, "timerFired")).Length > 0, "the timer to fire once the stranded locks expired", seconds: 120);

        // Held up by the stranded locks (due 2 s after the start, it fired only once they had expired), then fired once.
        var firedAt = Assert.Single(await EventsAsync(admin, id, "timerFired")).GetProperty("at").GetDateTimeOffset();
        Assert.True(firedAt >= stranded + lockTimeout - TimeSpan.FromSeconds(1), $"stranded at {stranded:O}, fired {firedAt:O}: the locks did not hold the timer up");
        AssertNoErrors();
    }

    /// <summary>
    /// Leaves Hangfire's lock rows on <paramref name="resources"/> as a holder whose connection was cut leaves them (each
    /// inserted once the node's own hold of it has ended); answers when the first was left.
    /// </summary>
    private async Task<DateTimeOffset> StrandAsync(params string[] resources)
    {
        await using var connection = new Npgsql.NpgsqlConnection(_database!.ConnectionString);
        await connection.OpenAsync();
        var at = DateTimeOffset.MinValue;
        foreach (var resource in resources)
            await WaitUntilAsync(async () =>
            {
                await using var insert = new Npgsql.NpgsqlCommand(
                    "INSERT INTO hangfire.lock (resource, updatecount, acquired) VALUES (@resource, 0, now()) ON CONFLICT DO NOTHING RETURNING acquired", connection);
                insert.Parameters.AddWithValue("resource", resource);
                if (await insert.ExecuteScalarAsync() is not DateTime acquired) return false;
                if (at == DateTimeOffset.MinValue) at = new DateTimeOffset(DateTime.SpecifyKind(acquired, DateTimeKind.Utc));
                return true;
            }, $"the node's hold of {resource} to end");
        return at;
    }
}
